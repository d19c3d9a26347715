import type { GradientEntry } from '../../registry';
import { arithmeticRules } from './arithmetic';
import { unaryRules } from './unary';
import { trigRules } from './trig';
import { activationRules } from './activations';
import { binaryMathRules } from './binary-math';
import { selectionRules } from './selection';
import { nonDifferentiableElementwise } from './non-differentiable';

export const elementwiseRules: readonly [string, GradientEntry][] = [
  ...arithmeticRules,
  ...unaryRules,
  ...trigRules,
  ...activationRules,
  ...binaryMathRules,
  ...selectionRules,
  ...nonDifferentiableElementwise,
];
