import type { GradientEntry } from '../../registry';
import { rearrangingRules } from './rearranging';
import { joiningRules } from './joining';
import { slicingRules } from './slicing';
import { indexingRules } from './indexing';

export const shapeRules: readonly [string, GradientEntry][] = [
  ...rearrangingRules,
  ...joiningRules,
  ...slicingRules,
  ...indexingRules,
];
