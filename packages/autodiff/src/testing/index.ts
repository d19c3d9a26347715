// Test helpers of @strata/autodiff: the gradient table and its checker (not part of the runtime API).
export type { GradientCase } from './gradient-case';
export { checkGradientCase, assertClose, outputWeights } from './gradient-check';
export { finiteDifferences } from './finite-differences';
export { gradientTables } from './cases';
