import { StrataError, Tensor, reshape } from '@strata/tensor';
import { engine } from '@strata/tensor/internal';
import { CUSTOM_GRADIENT_OP, type CustomGradientAttrs, type CustomGradientFunction } from './custom-gradient-op';
import { withoutRecording } from './recording';
import { describe } from './arguments';

/** What the function given to `customGradient` returns: its value and how to compute its gradient. */
export interface CustomGradientResult {
  /** The function's value. */
  value: Tensor;
  /**
   * One gradient per input (null where none flows): `dy` is the gradient of `value`, `saved` the
   * tensors listed in `save`, `inputs` the function's inputs. Tapes keep all of them alive until
   * the gradient is computed, even if a tidy() around the call has ended.
   */
  gradFunc: CustomGradientFunction;
  /** Tensors the gradient function needs besides the inputs (intermediate results of `f`). */
  save?: readonly Tensor[];
}

/**
 * Makes a function whose gradient is the one you write, not that of the ops it runs (numerically
 * stable gradients, straight-through estimators, gradient clipping inside a model). Tapes see one
 * op whose rule is `gradFunc`; the ops `f` runs are not recorded. `gradFunc` itself runs like any
 * code, so outer tapes record it and a differentiable one supports gradients of gradients.
 * @example
 * ```ts
 * // The identity going forward; its gradient clipped to [-1, 1] going back.
 * const clipGradient = customGradient((x: Tensor) => ({
 *   value: clone(x),
 *   gradFunc: (dy) => [clipByValue(dy, -1, 1)],
 * }));
 * grad((x: Tensor) => mul(clipGradient(x), 5))(tensor([2])); // [1], not [5]
 * ```
 */
export function customGradient<A extends Tensor[]>(
  f: (...inputs: A) => CustomGradientResult,
): (...inputs: A) => Tensor {
  return (...inputs: A) => {
    inputs.forEach((x, i) => {
      if (!(x instanceof Tensor))
        throw new StrataError(`customGradient: input ${i} must be a Tensor, received ${describe(x)}`);
    });
    const result = withoutRecording(() => {
      const r = f(...inputs);
      if (typeof r !== 'object' || r === null || !(r.value instanceof Tensor) || typeof r.gradFunc !== 'function') {
        throw new StrataError(
          `customGradient: f must return { value: Tensor, gradFunc: (dy, saved, inputs) => gradients, save?: Tensor[] }, received ${describe(r)}`,
        );
      }
      // The output must be a tensor of its own: one that is also an input would make the op its own input.
      return inputs.includes(r.value) ? { ...r, value: reshape(r.value, r.value.shape) } : r;
    });
    if (engine.observing) {
      const attrs: CustomGradientAttrs = { gradFunc: result.gradFunc, saved: [...(result.save ?? [])] };
      engine.notify({ op: CUSTOM_GRADIENT_OP, inputs, outputs: [result.value], attrs });
    }
    return result.value;
  };
}
