import type { OpConverter } from './common';
import { CONV } from './conv';
import { ELEMENTWISE } from './elementwise';
import { LINALG } from './linalg';
import { NN } from './nn';
import { REDUCTION } from './reduction';
import { SHAPE } from './shape';

/**
 * Every Strata op that has an ONNX translation, by op name (exported as `exportableOps`).
 * @example
 * ```ts
 * 'matmul' in exportableOps; // true
 * ```
 */
export const OPS: Readonly<Record<string, OpConverter>> = {
  ...ELEMENTWISE,
  ...REDUCTION,
  ...SHAPE,
  ...LINALG,
  ...CONV,
  ...NN,
};
export type { OpCall, OpConverter } from './common';
