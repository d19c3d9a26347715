// The `initializers` namespace, as keras.initializers: the Initializer base class, the built-in ones, and `get` (by
// instance, name or config).
export {
  Initializer,
  Zeros,
  Ones,
  Constant,
  RandomNormal,
  RandomUniform,
  TruncatedNormal,
  VarianceScaling,
  GlorotUniform,
  GlorotNormal,
  HeUniform,
  HeNormal,
  LecunUniform,
  LecunNormal,
  IdentityInitializer,
  Orthogonal,
  type InitializerIdentifier,
  getInitializer as get,
} from '@strata/layers';
