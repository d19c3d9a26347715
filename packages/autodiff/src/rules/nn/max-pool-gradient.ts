import {
  add,
  equal,
  logicalAnd,
  logicalNot,
  logicalOr,
  pad,
  stridedSlice,
  where,
  zerosLike,
  type Tensor,
} from '@strata/tensor';
import { maxPool2dGradOp, type Pool2dAttrs } from '@strata/tensor/internal';
import { rule, type GradientEntry } from '../../registry';
import { samePadding } from './pooling';

/**
 * maxPool2dGrad(dy, x, y) sends each window's dy to the window's first maximum (row-major order,
 * as the kernels do). It is linear in dy; its transpose reads, for each window, g at that maximum.
 * Computed with one strided slice per window offset: the offset that first equals the window's
 * maximum contributes g there. x and y choose positions only: their derivative is 0 almost everywhere.
 */
function gatherAtMaxima(g: Tensor, x: Tensor, y: Tensor, { poolSize, strides, padding }: Pool2dAttrs): Tensor {
  let xs = x;
  let gs = g;
  if (padding === 'same') {
    const pads: [number, number][] = [
      [0, 0],
      samePadding(x.shape[1], poolSize[0], strides[0]),
      samePadding(x.shape[2], poolSize[1], strides[1]),
      [0, 0],
    ];
    xs = pad(x, pads, { constantValue: -Infinity });
    gs = pad(g, pads);
  }
  const [batch, outHeight, outWidth, channels] = y.shape;
  const window = (t: Tensor, i: number, j: number) =>
    stridedSlice(
      t,
      [0, i, j, 0],
      [batch, i + (outHeight - 1) * strides[0] + 1, j + (outWidth - 1) * strides[1] + 1, channels],
      [1, strides[0], strides[1], 1],
    );
  let total = zerosLike(y);
  let found = equal(zerosLike(y), 1);
  for (let i = 0; i < poolSize[0]; i++) {
    for (let j = 0; j < poolSize[1]; j++) {
      const first = logicalAnd(equal(window(xs, i, j), y), logicalNot(found));
      total = add(total, where(first, window(gs, i, j), zerosLike(y)));
      found = logicalOr(found, first);
    }
  }
  return total;
}

export const maxPoolGradientRules: readonly [string, GradientEntry][] = [
  rule(maxPool2dGradOp, (g, { inputs: [, x, y], attrs }) => [() => gatherAtMaxima(g, x, y, attrs), null, null]),
];
