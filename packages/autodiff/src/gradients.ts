import { buildRegistry } from './registry';
import { elementwiseRules } from './rules/elementwise/index';
import { reductionRules } from './rules/reduction';
import { linalgRules } from './rules/linalg';
import { nnRules } from './rules/nn/index';
import { shapeRules } from './rules/shape/index';
import { creationRules } from './rules/creation';
import { fusedRules } from './rules/fused';
import { customGradientRows } from './custom-gradient-op';
import { stopGradientRows } from './stop-gradient';

/** Every op's gradient rule (or the reason it has none), keyed by op name. */
export const gradientRegistry = buildRegistry(
  elementwiseRules,
  reductionRules,
  linalgRules,
  nnRules,
  fusedRules,
  shapeRules,
  creationRules,
  customGradientRows,
  stopGradientRows,
);
