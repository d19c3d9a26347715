import type { GradientCase } from '../gradient-case';
import { elementwiseGradientCases } from './elementwise';
import { reductionGradientCases } from './reduction';
import { shapeGradientCases } from './shape';
import { linalgGradientCases } from './linalg';
import { nnGradientCases } from './nn';
import { conv3dGradientCases } from './nn-conv3d';
import { fusedGradientCases } from './fused';

/** The gradient table, by op family: run on every backend by rules.test.ts. */
export const gradientTables: Record<string, readonly GradientCase[]> = {
  elementwise: elementwiseGradientCases,
  reduction: reductionGradientCases,
  linalg: linalgGradientCases,
  shape: shapeGradientCases,
  nn: nnGradientCases,
  conv3d: conv3dGradientCases,
  fused: fusedGradientCases,
};
