import type { OpCase } from '../conformance';
import { elementwiseCases } from './elementwise';
import { reductionCases } from './reduction';
import { linalgCases } from './linalg';
import { shapeCases } from './shape';
import { nnCases } from './nn';
import { fusedCases } from './fused';

/** The whole conformance table, by op family; every backend package runs it. */
export const conformanceTables: Record<string, readonly OpCase[]> = {
  elementwise: elementwiseCases,
  reduction: reductionCases,
  linalg: linalgCases,
  shape: shapeCases,
  nn: nnCases,
  fused: fusedCases,
};
