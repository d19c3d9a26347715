import type { TensorInfo } from '../../backend';
import { toTensor, type OpInput } from '../../convert';
import { fmtShape, opError } from '../../errors';
import { composed, type Scratch } from '../../kernels/scratch';
import { defineOp, runOp, type OpDef } from '../../op';
import { normalizeAxis } from '../../shape';
import type { Tensor } from '../../tensor';
import { checkKeepDims, reducedShape, validating } from './define';

/** The attributes of {@link argMax} and {@link argMin}. */
export interface ArgReduceAttrs {
  /** The axis searched, non-negative. */
  axis: number;
  /** Whether that axis stays, with size 1. */
  keepDims: boolean;
}

/**
 * NumPy's rule on every backend: the first index of the extreme, and a NaN counts as the extreme.
 * tfjs's ArgMax/ArgMin skip NaN, and webgpu's do not return the first of tied values in slices of
 * 32 or more, so float inputs are answered as "the smallest index where x equals the extreme (or is
 * NaN)" from Max/Min kernels, which propagate NaN everywhere. Integers (no NaN) use the kernel.
 */
function argReduce(s: Scratch, x: TensorInfo, axis: number, which: 'max' | 'min'): TensorInfo {
  if (x.shape.length === 0) return s.scalar(0, 'int32');
  if (x.dtype !== 'float32') return s.run(which === 'max' ? 'ArgMax' : 'ArgMin', { x: s.cast(x, 'int32') }, { axis });
  const n = x.shape[axis];
  const extreme =
    which === 'max'
      ? s.run('Max', { x }, { reductionIndices: [axis], keepDims: true })
      : s.run('Min', { x }, { axis: [axis], keepDims: true });
  const hit = s.run('LogicalOr', { a: s.run('Equal', { a: x, b: extreme }), b: s.run('IsNan', { x }) });
  const miss = s.float(s.run('LogicalNot', { x: hit }));
  // Index i where hit, n + i where not: the smallest is the first hit. Kept in float32 (exact below
  // 2^24): webgpu's Min transposes a non-last axis, and its Transpose shader fails on int32 data.
  const penalty = s.run('Multiply', { a: miss, b: s.scalar(n, 'float32') });
  const iota = s.write(
    Array.from({ length: n }, (_, i) => i),
    x.shape.map((d, i) => (i === axis ? d : 1)),
    'float32',
  );
  const first = s.run('Min', { x: s.run('Add', { a: penalty, b: iota }) }, { axis: [axis], keepDims: false });
  return s.cast(first, 'int32');
}

function argReduceDef(name: 'argMax' | 'argMin'): OpDef<ArgReduceAttrs> {
  return defineOp<ArgReduceAttrs>({
    name,
    infer: ([x], { axis, keepDims }) => {
      if (x.shape.length > 0 && x.shape[axis] === 0) {
        throw opError(
          name,
          `cannot take the ${name} of an empty axis: x.shape=${fmtShape(x.shape)}, axis ${axis} has size 0`,
        );
      }
      return { shape: reducedShape(x.shape, [axis], keepDims), dtype: 'int32' };
    },
    kernel: (ctx, [x], { axis }) => composed(ctx, (s) => argReduce(s, x, axis, name === 'argMax' ? 'max' : 'min')),
  });
}

/** The op of {@link argMax}: its shape rule and kernel, the key of its gradient rule. */
export const argMaxOp = argReduceDef('argMax');
/** The op of {@link argMin}: its shape rule and kernel, the key of its gradient rule. */
export const argMinOp = argReduceDef('argMin');

function callArgReduce(def: OpDef<ArgReduceAttrs>, x: OpInput, axis: number, keepDims: boolean): Tensor {
  const temps: Tensor[] = [];
  const t = toTensor(x, def.name, 'x', temps);
  const attrs = validating(temps, (): ArgReduceAttrs => {
    if (typeof axis !== 'number')
      throw opError(
        def.name,
        `axis must be one integer (the ${def.name} over several axes is not defined), received ${JSON.stringify(axis)}`,
      );
    const rank = t.shape.length;
    // A scalar accepts axis 0 or -1 (as NumPy) and its only index is 0.
    const normalized = normalizeAxis(def.name, axis, rank);
    return { axis: rank === 0 ? 0 : normalized, keepDims: checkKeepDims(def.name, keepDims) };
  });
  return runOp(def, [t], attrs, temps);
}

/**
 * The index (int32) of the first largest value along `axis` (default 0, as tfjs); a NaN counts as the largest.
 * @example
 * ```ts
 * argMax(tensor([[1, 5], [3, 4]]), 1); // [1, 1] (int32)
 * ```
 */
export function argMax(x: OpInput, axis = 0, keepDims = false): Tensor {
  return callArgReduce(argMaxOp, x, axis, keepDims);
}

/**
 * The index (int32) of the first smallest value along `axis` (default 0, as tfjs); a NaN counts as the smallest.
 * @example
 * ```ts
 * argMin(tensor([[1, 5], [3, 4]]), 1); // [0, 0] (int32)
 * ```
 */
export function argMin(x: OpInput, axis = 0, keepDims = false): Tensor {
  return callArgReduce(argMinOp, x, axis, keepDims);
}
