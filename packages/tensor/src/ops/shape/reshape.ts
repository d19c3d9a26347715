import { opError, fmtShape } from '../../errors';
import { defineOp, runOp } from '../../op';
import { toTensor, type OpInput } from '../../convert';
import type { Dim } from '../../shape';
import type { Tensor } from '../../tensor';
import { withTemps } from './args';

/**
 * Resolves one -1 in `shape` from the input's size; unknown input dims make it unknown (null).
 * @internal
 */
export function resolveReshape(op: string, input: readonly Dim[], shape: readonly number[]): Dim[] {
  const unknowns = shape.filter((d) => d === -1).length;
  if (unknowns > 1) throw opError(op, `shape can contain at most one -1, received ${fmtShape(shape)}`);
  for (const d of shape) {
    if (!Number.isInteger(d) || d < -1)
      throw opError(op, `shape must hold non-negative integers and at most one -1, received ${fmtShape(shape)}`);
  }
  const known = shape.filter((d) => d !== -1).reduce((a, b) => a * b, 1);
  if (input.some((d) => d === null)) return shape.map((d) => (d === -1 ? null : d));
  const size = (input as number[]).reduce((a, b) => a * b, 1);
  if (unknowns === 1) {
    if (known === 0 || size % known !== 0) {
      throw opError(
        op,
        `cannot reshape a tensor of shape ${fmtShape(input)} (${size} elements) into ${fmtShape(shape)}: ${size} is not a multiple of ${known}`,
      );
    }
    return shape.map((d) => (d === -1 ? size / known : d));
  }
  if (known !== size) {
    throw opError(
      op,
      `cannot reshape a tensor of shape ${fmtShape(input)} (${size} elements) into ${fmtShape(shape)} (${known} elements); the sizes must match`,
    );
  }
  return [...shape];
}

/** The op of {@link reshape}: its shape rule and kernel, the key of its gradient rule. */
export const reshapeOp = defineOp<{
  /** The new shape, with no -1 left. */
  shape: number[];
}>({
  name: 'reshape',
  infer: ([x], { shape }) => ({ shape: resolveReshape('reshape', x.shape, shape), dtype: x.dtype }),
  kernel: (ctx, [x], _attrs, [out]) => ctx.run('Reshape', { x }, { shape: out.shape }),
});

/**
 * Gives the data a new shape with the same number of elements; one dimension may be -1.
 * @example
 * ```ts
 * reshape(tensor([1, 2, 3, 4]), [2, -1]); // [[1, 2], [3, 4]]
 * ```
 */
export function reshape(x: OpInput, shape: readonly number[]): Tensor {
  return withTemps((temps) => {
    if (!Array.isArray(shape))
      throw opError('reshape', `shape must be an array of integers, received ${JSON.stringify(shape)}`);
    return runOp(reshapeOp, [toTensor(x, 'reshape', 'x', temps)], { shape: [...shape] }, temps);
  });
}
