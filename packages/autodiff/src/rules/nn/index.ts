import type { GradientEntry } from '../../registry';
import { convolutionRules } from './convolution';
import { convolution3dRules } from './convolution3d';
import { poolingRules } from './pooling';
import { normalizationRules } from './normalization';
import { resamplingRules } from './resampling';
import { selectionRules } from './selection';

export const nnRules: readonly [string, GradientEntry][] = [...convolutionRules, ...convolution3dRules, ...poolingRules, ...normalizationRules, ...resamplingRules, ...selectionRules];
