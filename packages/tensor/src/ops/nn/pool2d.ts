import { defineOp, runOp, type OpDef } from '../../op';
import type { OpInput } from '../../convert';
import type { Tensor } from '../../tensor';
import { pool2dAttrs, pool2dOutputShape, type Pool2dAttrs, type Pool2dOptions } from './pool-rules';
import { composed } from '../../kernels/scratch';
import { opInputs } from './inputs';

function pool2dDef(name: string, kernelName: string): OpDef<Pool2dAttrs> {
  return defineOp<Pool2dAttrs>({
    name,
    infer: ([x], attrs) => ({ shape: pool2dOutputShape(name, x.shape, attrs), dtype: 'float32' }),
    // wasm's pooling kernels take float32 only, so every backend pools in float32.
    kernel: (ctx, [x], { poolSize, strides, padding }) =>
      composed(ctx, (s) => {
        const x4 = s.reshape(s.cast(x, 'float32'), x.shape.length === 3 ? [1, ...x.shape] : x.shape);
        return s.run(kernelName, { x: x4 }, { filterSize: poolSize, strides, pad: padding });
      }),
  });
}

/** The op of {@link maxPool2d}: its shape rule and kernel, the key of its gradient rule. */
export const maxPool2dOp = pool2dDef('maxPool2d', 'MaxPool');
/** The op of {@link avgPool2d}: its shape rule and kernel, the key of its gradient rule. */
export const avgPool2dOp = pool2dDef('avgPool2d', 'AvgPool');

function pool2d(
  def: OpDef<Pool2dAttrs>,
  x: OpInput,
  poolSize: number | readonly [number, number],
  options?: Pool2dOptions,
): Tensor {
  const attrs = pool2dAttrs(def.name, poolSize, options);
  const { inputs, temps } = opInputs(def.name, [['x', x]]);
  return runOp(def, inputs, attrs, temps);
}

/**
 * 2-D max pooling of NHWC `x`; `strides` default to `poolSize`, padding to 'valid'. Returns float32.
 * @example
 * ```ts
 * maxPool2d(tensor([1, 2, 3, 4], [1, 2, 2, 1]), 2); // [[[[4]]]]
 * ```
 */
export function maxPool2d(x: OpInput, poolSize: number | readonly [number, number], options?: Pool2dOptions): Tensor {
  return pool2d(maxPool2dOp, x, poolSize, options);
}

/**
 * 2-D average pooling of NHWC `x`; with 'same' padding, padded cells are left out of each average.
 * @example
 * ```ts
 * avgPool2d(tensor([1, 2, 3, 4], [1, 2, 2, 1]), 2); // [[[[2.5]]]]
 * ```
 */
export function avgPool2d(x: OpInput, poolSize: number | readonly [number, number], options?: Pool2dOptions): Tensor {
  return pool2d(avgPool2dOp, x, poolSize, options);
}

/** maxPool2d under TensorFlow.js's name. */
export const maxPool = maxPool2d;
/** avgPool2d under TensorFlow.js's name. */
export const avgPool = avgPool2d;
