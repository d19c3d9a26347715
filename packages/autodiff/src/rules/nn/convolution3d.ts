import { conv3d, conv3dBackpropFilter, conv3dBackpropInput, reshape, type Tensor } from '@strata/tensor';
import {
  conv3dBackpropFilterOp,
  conv3dBackpropInputOp,
  conv3dOp,
  conv3dTransposeOp,
  type Conv3dAttrs,
} from '@strata/tensor/internal';
import { rule, type GradientEntry } from '../../registry';

/*
 * As the 2-D convolutions (convolution.ts): conv3d is bilinear in (x, filter), so its gradients are
 * its two backprops, and theirs are the three primitives again, which makes gradients of gradients work.
 */

type Ctx = { inputs: readonly Tensor[]; attrs: Conv3dAttrs };
const options = ({ strides, padding, dilations }: Conv3dAttrs): Conv3dAttrs => ({ strides, padding, dilations });
/** An unbatched volume ([d, h, w, c]) as a batch of one. */
const batched = (t: Tensor) => (t.rank === 4 ? reshape(t, [1, ...t.shape]) : t);

/** conv3dBackpropInput(dy, f) and conv3dTranspose(x, f): linear in each argument. */
const inputRule = (g: Tensor, { inputs: [dy, f], attrs }: Ctx) => [
  () => conv3d(g, f, options(attrs)),
  () => conv3dBackpropFilter(g, dy, f.shape, options(attrs)),
];

export const convolution3dRules: readonly [string, GradientEntry][] = [
  rule(conv3dOp, (dy, { inputs: [x, f], attrs }) => [
    () => reshape(conv3dBackpropInput(batched(dy), f, batched(x).shape, options(attrs)), x.shape),
    () => conv3dBackpropFilter(batched(x), batched(dy), f.shape, options(attrs)),
  ]),
  rule(conv3dBackpropInputOp, inputRule),
  rule(conv3dTransposeOp, inputRule),
  rule(conv3dBackpropFilterOp, (g, { inputs: [x, dy], attrs }) => [
    () => conv3dBackpropInput(dy, g, x.shape, options(attrs)),
    () => conv3d(x, g, options(attrs)),
  ]),
];
