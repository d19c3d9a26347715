// The `activations` namespace, as keras.activations: the activation functions, `get` (by name or
// function) and `serialize` (a function's Keras name).
// A TypeScript namespace, not `import * as`: the bundled .d.ts then declares it as it is, each class both a
// value and a type (rollup-plugin-dts rebuilds `import * as` namespaces from values alone).
import * as L from '@strata/layers';

import { activations as fns } from '@strata/layers';

export namespace activations {
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
  } = fns;
  export const get = L.getActivation;
  export const serialize = L.serializeActivation;
  export type Activation = L.ActivationFunction;
  export type ActivationIdentifier = L.ActivationIdentifier;
}
