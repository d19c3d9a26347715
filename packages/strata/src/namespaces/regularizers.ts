// The `regularizers` namespace, as keras.regularizers: the Regularizer base class, the built-in ones, and `get` (by
// instance, name or config).
// Each name is declared here (not re-exported) so that the bundled .d.ts keeps it a type where it is one.
import {
  Regularizer as Regularizer_,
  L1 as L1_,
  L2 as L2_,
  L1L2 as L1L2_,
  getRegularizer as get_,
} from '@strata/layers';
import type { RegularizerIdentifier as RegularizerIdentifier_ } from '@strata/layers';

export const Regularizer = Regularizer_;
export type Regularizer = Regularizer_;
export const L1 = L1_;
export type L1 = L1_;
export const L2 = L2_;
export type L2 = L2_;
export const L1L2 = L1L2_;
export type L1L2 = L1L2_;
export const get = get_;
export type RegularizerIdentifier = RegularizerIdentifier_;
