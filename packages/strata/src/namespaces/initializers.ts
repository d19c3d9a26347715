// The `initializers` namespace, as keras.initializers: the Initializer base class, the built-in ones, and `get` (by
// instance, name or config).
// A TypeScript namespace, not `import * as`: the bundled .d.ts then declares it as it is, each class both a
// value and a type (rollup-plugin-dts rebuilds `import * as` namespaces from values alone).
import * as L from '@strata/layers';

export namespace initializers {
  export const Initializer = L.Initializer;
  export type Initializer = L.Initializer;
  export const Zeros = L.Zeros;
  export type Zeros = L.Zeros;
  export const Ones = L.Ones;
  export type Ones = L.Ones;
  export const Constant = L.Constant;
  export type Constant = L.Constant;
  export const RandomNormal = L.RandomNormal;
  export type RandomNormal = L.RandomNormal;
  export const RandomUniform = L.RandomUniform;
  export type RandomUniform = L.RandomUniform;
  export const TruncatedNormal = L.TruncatedNormal;
  export type TruncatedNormal = L.TruncatedNormal;
  export const VarianceScaling = L.VarianceScaling;
  export type VarianceScaling = L.VarianceScaling;
  export const GlorotUniform = L.GlorotUniform;
  export const GlorotNormal = L.GlorotNormal;
  export const HeUniform = L.HeUniform;
  export const HeNormal = L.HeNormal;
  export const LecunUniform = L.LecunUniform;
  export const LecunNormal = L.LecunNormal;
  export const IdentityInitializer = L.IdentityInitializer;
  export type IdentityInitializer = L.IdentityInitializer;
  export const Orthogonal = L.Orthogonal;
  export type Orthogonal = L.Orthogonal;
  export const get = L.getInitializer;
  export type InitializerIdentifier = L.InitializerIdentifier;
}
