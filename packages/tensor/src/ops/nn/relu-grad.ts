import { defineOp, runOp } from '../../op';
import type { OpInput } from '../../convert';
import { opError, fmtShape } from '../../errors';
import type { Tensor } from '../../tensor';
import { composed } from '../../kernels/scratch';
import { opInputs } from './inputs';

/**
 * The Strata-only kernel a backend may supply for reluGrad (tfjs has none): wasm does it in one
 * pass over its heap; elsewhere it is Select(y > 0, dy, 0), three tfjs kernels.
 */
export const RELU_GRAD_KERNEL = 'ReluGrad';

/**
 * relu's gradient from its output: `dy` where `y > 0`, 0 elsewhere. A select, not `dy * step(y)`:
 * a NaN or infinite dy must not leak through a 0, as TensorFlow's ReluGrad.
 */
export const reluGradOp = defineOp({
  name: 'reluGrad',
  infer: ([dy, y]) => {
    if (
      dy.shape.length !== y.shape.length ||
      dy.shape.some((d, i) => d !== null && y.shape[i] !== null && d !== y.shape[i])
    ) {
      throw opError(
        'reluGrad',
        `dy and y must have the same shape, received dy.shape=${fmtShape(dy.shape)} and y.shape=${fmtShape(y.shape)}`,
      );
    }
    return { shape: dy.shape, dtype: 'float32' };
  },
  kernel: (ctx, [dy, y]) =>
    composed(ctx, (s) => {
      const [g, out] = [s.cast(dy, 'float32'), s.cast(y, 'float32')];
      if (ctx.backend.hasKernel(RELU_GRAD_KERNEL)) return s.run(RELU_GRAD_KERNEL, { dy: g, y: out });
      const positive = s.run('Greater', { a: out, b: s.write([0], [], 'float32') });
      return s.run('Select', { condition: positive, t: g, e: s.run('ZerosLike', { x: g }) });
    }),
});

/**
 * The gradient of relu at output (or input) `y` for the output gradient `dy`: dy where y > 0, else 0.
 * @example
 * ```ts
 * reluGrad(tensor([5, 6, 7]), tensor([-1, 0, 2])); // [0, 0, 7]
 * ```
 */
export function reluGrad(dy: OpInput, y: OpInput): Tensor {
  const { inputs, temps } = opInputs('reluGrad', [
    ['dy', dy],
    ['y', y],
  ]);
  return runOp(reluGradOp, inputs, {}, temps);
}
