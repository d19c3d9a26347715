import { greaterEqual, lessEqual, logicalAnd, zerosLike, where } from '@strata/tensor';
import { clipByValueOp, whereOp } from '@strata/tensor/internal';
import { rule, type GradientEntry } from '../../registry';
import { passWhere } from '../helpers';

export const selectionRules: readonly [string, GradientEntry][] = [
  // The condition is boolean: no gradient. Each branch gets dy where it was chosen.
  rule(whereOp, (dy, { inputs: [condition] }) => [
    null,
    () => passWhere(condition, dy),
    () => where(condition, zerosLike(dy), dy),
  ]),
  // Inside the closed interval the value passes through, as TensorFlow.js (the bounds count as inside).
  rule(clipByValueOp, (dy, { inputs: [x], attrs: { clipValueMin, clipValueMax } }) => [
    () => passWhere(logicalAnd(greaterEqual(x, clipValueMin), lessEqual(x, clipValueMax)), dy),
  ]),
];
