import type { GradientEntry } from '../../registry';
import { convolutionRules } from './convolution';
import { convolution3dRules } from './convolution3d';
import { poolingRules } from './pooling';
import { maxPoolGradientRules } from './max-pool-gradient';
import { normalizationRules } from './normalization';
import { resamplingRules } from './resampling';
import { selectionRules } from './selection';

export const nnRules: readonly [string, GradientEntry][] = [
  ...convolutionRules,
  ...convolution3dRules,
  ...poolingRules,
  ...maxPoolGradientRules,
  ...normalizationRules,
  ...resamplingRules,
  ...selectionRules,
];
