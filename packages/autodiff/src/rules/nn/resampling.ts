import {
  reshape,
  resizeBilinear,
  resizeBilinearGrad,
  resizeNearestNeighbor,
  resizeNearestNeighborGrad,
  type Tensor,
} from '@strata/tensor';
import {
  resizeBilinearGradOp,
  resizeBilinearOp,
  resizeNearestNeighborGradOp,
  resizeNearestNeighborOp,
} from '@strata/tensor/internal';
import { rule, type GradientEntry } from '../../registry';

const batched = (t: Tensor) => (t.rank === 3 ? reshape(t, [1, ...t.shape]) : t);
const flags = ({ alignCorners, halfPixelCenters }: { alignCorners: boolean; halfPixelCenters: boolean }) => ({
  alignCorners,
  halfPixelCenters,
});

/** A resize is linear in the image: its gradient op is its transpose, and the transpose's is the resize. */
export const resamplingRules: readonly [string, GradientEntry][] = [
  rule(resizeBilinearOp, (dy, { inputs: [x], attrs }) => [
    () => reshape(resizeBilinearGrad(batched(dy), batched(x), flags(attrs)), x.shape),
  ]),
  rule(resizeNearestNeighborOp, (dy, { inputs: [x], attrs }) => [
    () => reshape(resizeNearestNeighborGrad(batched(dy), batched(x), flags(attrs)), x.shape),
  ]),
  rule(resizeBilinearGradOp, (g, { inputs: [dy], attrs }) => [
    () => resizeBilinear(g, [dy.shape[1], dy.shape[2]], flags(attrs)),
    null,
  ]),
  rule(resizeNearestNeighborGradOp, (g, { inputs: [dy], attrs }) => [
    () => resizeNearestNeighbor(g, [dy.shape[1], dy.shape[2]], flags(attrs)),
    null,
  ]),
];
