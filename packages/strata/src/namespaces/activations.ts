// The `activations` namespace, as keras.activations: the activation functions, `get` (by name or
// function) and `serialize` (a function's Keras name).
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
export {
  getActivation as get,
  serializeActivation as serialize,
  type ActivationFunction as Activation,
  type ActivationIdentifier,
} from '@strata/layers';
