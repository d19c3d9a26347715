// The `initializers` namespace, as keras.initializers: the Initializer base class, the built-in ones, and `get` (by
// instance, name or config).
// A TypeScript namespace, not `import * as`: the bundled .d.ts then declares it as it is, each class both a
// value and a type (rollup-plugin-dts rebuilds `import * as` namespaces from values alone).
import {
  Initializer as Initializer_,
  Zeros as Zeros_,
  Ones as Ones_,
  Constant as Constant_,
  RandomNormal as RandomNormal_,
  RandomUniform as RandomUniform_,
  TruncatedNormal as TruncatedNormal_,
  VarianceScaling as VarianceScaling_,
  GlorotUniform as GlorotUniform_,
  GlorotNormal as GlorotNormal_,
  HeUniform as HeUniform_,
  HeNormal as HeNormal_,
  LecunUniform as LecunUniform_,
  LecunNormal as LecunNormal_,
  IdentityInitializer as IdentityInitializer_,
  Orthogonal as Orthogonal_,
  getInitializer as get_,
} from '@strata/layers';
import type { InitializerIdentifier as InitializerIdentifier_ } from '@strata/layers';

export namespace initializers {
  export const Initializer = Initializer_;
  export type Initializer = Initializer_;
  export const Zeros = Zeros_;
  export type Zeros = Zeros_;
  export const Ones = Ones_;
  export type Ones = Ones_;
  export const Constant = Constant_;
  export type Constant = Constant_;
  export const RandomNormal = RandomNormal_;
  export type RandomNormal = RandomNormal_;
  export const RandomUniform = RandomUniform_;
  export type RandomUniform = RandomUniform_;
  export const TruncatedNormal = TruncatedNormal_;
  export type TruncatedNormal = TruncatedNormal_;
  export const VarianceScaling = VarianceScaling_;
  export type VarianceScaling = VarianceScaling_;
  export const GlorotUniform = GlorotUniform_;
  export const GlorotNormal = GlorotNormal_;
  export const HeUniform = HeUniform_;
  export const HeNormal = HeNormal_;
  export const LecunUniform = LecunUniform_;
  export const LecunNormal = LecunNormal_;
  export const IdentityInitializer = IdentityInitializer_;
  export type IdentityInitializer = IdentityInitializer_;
  export const Orthogonal = Orthogonal_;
  export type Orthogonal = Orthogonal_;
  export const get = get_;
  export type InitializerIdentifier = InitializerIdentifier_;
}
