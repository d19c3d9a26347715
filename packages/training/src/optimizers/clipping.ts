import { add, clipByValue, div, maximum, mul, sqrt, square, sum, tidy, type Tensor } from '@strata/tensor';

/**
 * Scales `g` so its L2 norm is at most `clipnorm` (Keras's clip_by_norm); a zero gradient stays zero.
 *
 * @example
 * ```ts
 * clipByNorm(tensor([3, 4]), 1); // [0.6, 0.8]
 * ```
 */
export function clipByNorm(g: Tensor, clipnorm: number): Tensor {
  return tidy(() => div(mul(g, clipnorm), maximum(sqrt(sum(square(g))), clipnorm)));
}

/**
 * The L2 norm of all gradients together.
 *
 * @example
 * ```ts
 * globalNorm([tensor([3]), tensor([4])]); // 5
 * ```
 */
export function globalNorm(grads: readonly Tensor[]): Tensor {
  return tidy(() => sqrt(grads.map((g) => sum(square(g))).reduce((a, b) => add(a, b))));
}

/**
 * Scales every gradient by `clipnorm / max(globalNorm, clipnorm)` (TensorFlow's clip_by_global_norm).
 *
 * @example
 * ```ts
 * clipByGlobalNorm([tensor([3]), tensor([4])], 1); // [[0.6], [0.8]]
 * ```
 */
export function clipByGlobalNorm(grads: readonly Tensor[], clipnorm: number): Tensor[] {
  return tidy(() => {
    const scale = div(clipnorm, maximum(globalNorm(grads), clipnorm));
    return grads.map((g) => mul(g, scale));
  });
}

/** Clips every element of every gradient to [-clipvalue, clipvalue]. */
export function clipByValueAll(grads: readonly Tensor[], clipvalue: number): Tensor[] {
  return grads.map((g) => clipByValue(g, -clipvalue, clipvalue));
}
