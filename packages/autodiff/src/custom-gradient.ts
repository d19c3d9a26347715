import { StrataError, Tensor, engine, reshape } from '@strata/tensor';
import { CUSTOM_GRADIENT_OP, type CustomGradientAttrs, type CustomGradientFunction } from './custom-gradient-op';
import { withoutRecording } from './recording';
import { describe } from './arguments';

/** Keeps tensors for the gradient function: they outlive any tidy() around the call. */
export type SaveFunction = (tensors: readonly Tensor[]) => void;

export interface CustomGradientResult {
  value: Tensor;
  /** One gradient per input (`dy` is the gradient of `value`; `saved` what was passed to `save`). */
  gradFunc: CustomGradientFunction;
}

/**
 * Makes a function whose gradient is the one you write, not that of the ops it runs (numerically
 * stable gradients, straight-through estimators, gradient clipping inside a model). `f` receives
 * the inputs and then `save`; tapes see one op whose rule is `gradFunc`. The gradient function is
 * itself recorded by outer tapes, so a differentiable one supports gradients of gradients.
 *
 *     const clipped = customGradient((x: Tensor, save) => {
 *       save([x]);
 *       return { value: stopGradient(x), gradFunc: (dy) => clipByValue(dy, -1, 1) };
 *     });
 */
export function customGradient<A extends Tensor[]>(f: (...args: [...A, SaveFunction]) => CustomGradientResult): (...args: A) => Tensor {
  return (...inputs: A) => {
    inputs.forEach((x, i) => {
      if (!(x instanceof Tensor)) throw new StrataError(`customGradient: input ${i} must be a Tensor, received ${describe(x)}`);
    });
    let saved: readonly Tensor[] = [];
    const save: SaveFunction = (tensors) => {
      saved = [...tensors];
    };
    const result = withoutRecording(() => {
      const r = f(...inputs, save);
      if (typeof r !== 'object' || r === null || !(r.value instanceof Tensor) || typeof r.gradFunc !== 'function') {
        throw new StrataError(`customGradient: f must return { value: Tensor, gradFunc: (dy, saved) => gradients }, received ${describe(r)}`);
      }
      // The output must be a tensor of its own: one that is also an input would make the op its own input.
      return inputs.includes(r.value) ? { value: reshape(r.value, r.value.shape), gradFunc: r.gradFunc } : r;
    });
    if (engine.observing) {
      const attrs: CustomGradientAttrs = { gradFunc: result.gradFunc, saved };
      engine.notify({ op: CUSTOM_GRADIENT_OP, inputs, outputs: [result.value], attrs });
    }
    return result.value;
  };
}
