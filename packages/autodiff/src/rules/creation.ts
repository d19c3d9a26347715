import { onesLikeOp, zerosLikeOp } from '@strata/tensor/internal';
import { nonDifferentiable, type GradientEntry } from '../registry';

export const creationRules: readonly [string, GradientEntry][] = [
  nonDifferentiable(zerosLikeOp, "its result depends on the input's shape only, never on its values"),
  nonDifferentiable(onesLikeOp, "its result depends on the input's shape only, never on its values"),
];
