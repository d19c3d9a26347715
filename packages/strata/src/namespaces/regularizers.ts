// The `regularizers` namespace, as keras.regularizers: the Regularizer base class, the built-in ones, and `get` (by
// instance, name or config).
export { Regularizer, L1, L2, L1L2, type RegularizerIdentifier, getRegularizer as get } from '@strata/layers';
