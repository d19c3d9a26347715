import type { GradientEntry } from '../../registry';
import { convolutionRules } from './convolution';
import { poolingRules } from './pooling';
import { normalizationRules } from './normalization';
import { resamplingRules } from './resampling';
import { selectionRules } from './selection';

export const nnRules: readonly [string, GradientEntry][] = [...convolutionRules, ...poolingRules, ...normalizationRules, ...resamplingRules, ...selectionRules];
