import type { Tensor } from '@strata/tensor';
import { defineOp, runOp, toTensor, type OpInput } from '@strata/tensor/internal';
import { nonDifferentiable, type GradientEntry } from './registry';

/** The identity, which tapes treat as a constant: what `stopGradient` runs. */
export const stopGradientOp = defineOp({
  name: 'stopGradient',
  infer: ([x]) => ({ shape: x.shape, dtype: x.dtype }),
  kernel: (ctx, [x]) => ctx.run('Identity', { x }),
});

/**
 * `x`'s value, through which no gradient flows (targets in a loss, the frozen side of a GAN).
 * @example
 * ```ts
 * grad((x: Tensor) => mul(x, stopGradient(x)))(tensor([3])); // [3]: the second factor is a constant
 * ```
 */
export function stopGradient(x: OpInput): Tensor {
  const temps: Tensor[] = [];
  return runOp(stopGradientOp, [toTensor(x, 'stopGradient', 'x', temps)], {}, temps);
}

export const stopGradientRows: readonly [string, GradientEntry][] = [
  nonDifferentiable(stopGradientOp, 'stopGradient blocks gradients by design'),
];
