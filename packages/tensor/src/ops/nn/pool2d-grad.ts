import { defineOp, runOp } from '../../op';
import type { OpInput } from '../../convert';
import type { Tensor } from '../../tensor';
import { checkPoolGradient, pool2dAttrs, type Pool2dAttrs, type Pool2dOptions } from './pool-rules';
import { composed } from '../../kernels/scratch';
import { opInputs } from './inputs';

/** The op of {@link maxPool2dGrad}: its shape rule and kernel, the key of its gradient rule. */
export const maxPool2dGradOp = defineOp<Pool2dAttrs>({
  name: 'maxPool2dGrad',
  infer: ([dy, x, y], attrs) => {
    checkPoolGradient('maxPool2dGrad', x.shape, dy.shape, attrs);
    checkPoolGradient('maxPool2dGrad', x.shape, y.shape, attrs, 'y');
    return { shape: x.shape, dtype: 'float32' };
  },
  kernel: (ctx, [dy, x, y], { poolSize, strides, padding }) =>
    composed(ctx, (s) => {
      const inputs = { dy: s.cast(dy, 'float32'), input: s.cast(x, 'float32'), output: s.cast(y, 'float32') };
      return s.run('MaxPoolGrad', inputs, { filterSize: poolSize, strides, pad: padding });
    }),
});

/** The op of {@link avgPool2dGrad}: its shape rule and kernel, the key of its gradient rule. */
export const avgPool2dGradOp = defineOp<Pool2dAttrs>({
  name: 'avgPool2dGrad',
  infer: ([dy, x], attrs) => {
    checkPoolGradient('avgPool2dGrad', x.shape, dy.shape, attrs);
    return { shape: x.shape, dtype: 'float32' };
  },
  kernel: (ctx, [dy, x], { poolSize, strides, padding }) =>
    composed(ctx, (s) =>
      s.run(
        'AvgPoolGrad',
        { dy: s.cast(dy, 'float32'), input: s.cast(x, 'float32') },
        { filterSize: poolSize, strides, pad: padding },
      ),
    ),
});

/** Options of the pooling gradients: the forward op's attrs, poolSize included. */
export interface Pool2dGradOptions extends Pool2dOptions {
  /** The window the forward pooling used: one number or [height, width]. */
  poolSize: number | readonly [number, number];
}

/**
 * The gradient of maxPool2d: routes each `dy` cell to the position of its window's maximum. `x` is
 * maxPool2d's input (rank 4), `y` its output.
 * @example
 * ```ts
 * const x = tensor([1, 5, 3, 2], [1, 2, 2, 1]); // one 2x2 window, its maximum 5
 * maxPool2dGrad(tensor([10], [1, 1, 1, 1]), x, tensor([5], [1, 1, 1, 1]), { poolSize: 2 }); // [0, 10, 0, 0]
 * ```
 */
export function maxPool2dGrad(dy: OpInput, x: OpInput, y: OpInput, options: Pool2dGradOptions): Tensor {
  const attrs = pool2dAttrs('maxPool2dGrad', options?.poolSize, options);
  const { inputs, temps } = opInputs('maxPool2dGrad', [
    ['dy', dy],
    ['x', x],
    ['y', y],
  ]);
  return runOp(maxPool2dGradOp, inputs, attrs, temps);
}

/**
 * The gradient of avgPool2d: spreads each `dy` cell evenly over its window. `x` is avgPool2d's input (rank 4).
 * @example
 * ```ts
 * avgPool2dGrad(tensor([8], [1, 1, 1, 1]), ones([1, 2, 2, 1]), { poolSize: 2 }); // [2, 2, 2, 2]
 * ```
 */
export function avgPool2dGrad(dy: OpInput, x: OpInput, options: Pool2dGradOptions): Tensor {
  const attrs = pool2dAttrs('avgPool2dGrad', options?.poolSize, options);
  const { inputs, temps } = opInputs('avgPool2dGrad', [
    ['dy', dy],
    ['x', x],
  ]);
  return runOp(avgPool2dGradOp, inputs, attrs, temps);
}
