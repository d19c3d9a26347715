// The `activations` namespace, as keras.activations: the activation functions, `get` (by name or
// function) and `serialize` (a function's Keras name).
// Each name is declared here (not re-exported) so that the bundled .d.ts keeps it a type where it is one.
import { getActivation as get_, serializeActivation as serialize_ } from '@strata/layers';
import type { ActivationFunction as Activation_, ActivationIdentifier as ActivationIdentifier_ } from '@strata/layers';
import { activations } from '@strata/layers';

export const {
  linear,
  relu,
  relu6,
  leakyRelu,
  elu,
  selu,
  sigmoid,
  tanh,
  softplus,
  exponential,
  softsign,
  hardSigmoid,
  hardSilu,
  hardSwish,
  silu,
  swish,
  mish,
  gelu,
  geluApproximate,
  softmax,
  logSoftmax,
} = activations;

export const get = get_;
export const serialize = serialize_;
export type Activation = Activation_;
export type ActivationIdentifier = ActivationIdentifier_;
