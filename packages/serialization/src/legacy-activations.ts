// Activations whose Keras 2 / TensorFlow.js meaning differs from Keras 3's, kept under their own
// names so models read from those formats compute what they computed there.
import { add, clipByValue, mul, tidy, type Tensor } from '@strata/tensor';
import type { ActivationFunction } from '@strata/layers';

/**
 * Keras 2's and TF.js's `hard_sigmoid`: clip(0.2·x + 0.5, 0, 1). Keras 3's (Strata's) is
 * relu6(x + 3) / 6 = clip(x/6 + 0.5, 0, 1), so a TF.js GRU's default recurrent activation needs this.
 */
export const keras2HardSigmoid: ActivationFunction & { activationName: string } = Object.assign(
  (x: Tensor) => tidy(() => clipByValue(add(mul(x, 0.2), 0.5), 0, 1)),
  { activationName: 'hard_sigmoid_keras2' },
);

/** What Keras 2 / TF.js activation names mean in Strata, where they differ. */
export const LEGACY_ACTIVATIONS: Readonly<Record<string, string>> = {
  hard_sigmoid: keras2HardSigmoid.activationName,
  hardSigmoid: keras2HardSigmoid.activationName,
};
