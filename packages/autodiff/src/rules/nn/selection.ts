import {
  add,
  clipByValue,
  gather,
  greaterEqual,
  less,
  logicalAnd,
  range,
  reshape,
  unsortedSegmentSum,
  where,
  zerosLike,
} from '@strata/tensor';
import { topKOp, unsortedSegmentSumOp } from '@strata/tensor/internal';
import { rule, type GradientEntry } from '../../registry';

export const selectionRules: readonly [string, GradientEntry][] = [
  // Each of the k values goes back to the position it was taken from along the last axis.
  rule(topKOp, (dy, { inputs: [x], outputs: [, indices] }) => [
    () => {
      const n = x.shape[x.rank - 1];
      const k = indices.shape[indices.rank - 1];
      const rows = x.size / n;
      const rowStarts = reshape(range(0, rows * n, n, 'int32'), [rows, 1]);
      const ids = reshape(add(reshape(indices, [rows, k]), rowStarts), [rows * k]);
      return reshape(unsortedSegmentSum(reshape(dy, [rows * k]), ids, rows * n), x.shape);
    },
  ]),
  // Row i of x went to segment ids[i]; rows with an id outside [0, numSegments) were dropped.
  rule(unsortedSegmentSumOp, (dy, { inputs: [x, ids], attrs: { numSegments } }) => [
    () => {
      const kept = logicalAnd(greaterEqual(ids, 0), less(ids, numSegments));
      const rows = gather(dy, clipByValue(ids, 0, Math.max(numSegments - 1, 0)));
      const keptRows = reshape(kept, [ids.shape[0], ...x.shape.slice(1).map(() => 1)]);
      return where(keptRows, rows, zerosLike(rows));
    },
    null,
  ]),
];
