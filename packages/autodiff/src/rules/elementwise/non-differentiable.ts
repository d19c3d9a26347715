import {
  ceilOp,
  equalOp,
  floorOp,
  greaterEqualOp,
  greaterOp,
  isFiniteOp,
  isInfOp,
  isNaNOp,
  lessEqualOp,
  lessOp,
  logicalAndOp,
  logicalNotOp,
  logicalOrOp,
  logicalXorOp,
  notEqualOp,
  roundOp,
  signOp,
} from '@strata/tensor/internal';
import { nonDifferentiable, type GradientEntry } from '../../registry';

const STEPS =
  'it is piecewise constant: its derivative is 0 almost everywhere and undefined at the steps (TensorFlow gives none)';
const BOOLEAN = 'its result is boolean';

export const nonDifferentiableElementwise: readonly [string, GradientEntry][] = [
  nonDifferentiable(floorOp, STEPS),
  nonDifferentiable(ceilOp, STEPS),
  nonDifferentiable(roundOp, STEPS),
  nonDifferentiable(signOp, STEPS),
  ...[equalOp, notEqualOp, lessOp, lessEqualOp, greaterOp, greaterEqualOp, isNaNOp, isFiniteOp, isInfOp].map((op) =>
    nonDifferentiable(op, BOOLEAN),
  ),
  ...[logicalNotOp, logicalAndOp, logicalOrOp, logicalXorOp].map((op) => nonDifferentiable(op, BOOLEAN)),
];
