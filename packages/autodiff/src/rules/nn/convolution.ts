import {
  conv2d,
  conv2dBackpropFilter,
  conv2dBackpropInput,
  depthwiseConv2d,
  depthwiseConv2dBackpropFilter,
  depthwiseConv2dBackpropInput,
  reshape,
  type Tensor,
} from '@strata/tensor';
import {
  conv1dOp,
  conv2dBackpropFilterOp,
  conv2dBackpropInputOp,
  conv2dOp,
  conv2dTransposeOp,
  depthwiseConv2dBackpropFilterOp,
  depthwiseConv2dBackpropInputOp,
  depthwiseConv2dOp,
  type Conv2dAttrs,
} from '@strata/tensor/internal';
import { rule, type GradientEntry } from '../../registry';

/**
 * A convolution is bilinear in (x, filter), so all its gradients are the three primitives again:
 * y = conv(x, f); dx = backpropInput(dy, f); df = backpropFilter(x, dy). The primitives' own rules
 * follow from <g, backpropInput(dy, f)> = <conv(g, f), dy> and <g, backpropFilter(x, dy)> =
 * <conv(x, g), dy>, which makes gradients of gradients work. wasm lacks the filter kernels; the
 * backend supplies composed ones, so these rules run everywhere.
 */
interface Primitives<O> {
  /** The rank of a batched input (4: images). */
  rank: number;
  conv(x: Tensor, f: Tensor, o: O): Tensor;
  input(dy: Tensor, f: Tensor, shape: readonly number[], o: O): Tensor;
  filter(x: Tensor, dy: Tensor, shape: readonly number[], o: O): Tensor;
}
const regular: Primitives<Conv2dAttrs> = {
  rank: 4,
  conv: conv2d,
  input: conv2dBackpropInput,
  filter: conv2dBackpropFilter,
};
const depthwise: Primitives<Conv2dAttrs> = {
  rank: 4,
  conv: depthwiseConv2d,
  input: depthwiseConv2dBackpropInput,
  filter: depthwiseConv2dBackpropFilter,
};

type Options = { strides: unknown; padding: unknown; dilations: unknown };
/** The forward options alone (the primitives' attrs carry shapes too). */
const options = <O extends Options>({ strides, padding, dilations }: O): O => ({ strides, padding, dilations }) as O;
type Context<O> = { inputs: readonly Tensor[]; attrs: O };

function forwardRule<O extends Options>(p: Primitives<O>) {
  // An unbatched input (one image or volume) is a batch of one.
  const batched = (t: Tensor) => (t.rank === p.rank - 1 ? reshape(t, [1, ...t.shape]) : t);
  return (dy: Tensor, { inputs: [x, f], attrs }: Context<O>) => [
    () => reshape(p.input(batched(dy), f, batched(x).shape, options(attrs)), x.shape),
    () => p.filter(batched(x), batched(dy), f.shape, options(attrs)),
  ];
}

function inputRule<O extends Options>(p: Primitives<O>) {
  return (g: Tensor, { inputs: [dy, f], attrs }: Context<O>) => [
    () => p.conv(g, f, options(attrs)),
    () => p.filter(g, dy, f.shape, options(attrs)),
  ];
}

function filterRule<O extends Options>(p: Primitives<O>) {
  return (g: Tensor, { inputs: [x, dy], attrs }: Context<O>) => [
    () => p.input(dy, g, x.shape, options(attrs)),
    () => p.conv(x, g, options(attrs)),
  ];
}

export const convolutionRules: readonly [string, GradientEntry][] = [
  rule(conv2dOp, forwardRule(regular)),
  rule(conv2dBackpropInputOp, inputRule(regular)),
  // conv2dTranspose(x, f) is conv2dBackpropInput with x in the place of dy.
  rule(conv2dTransposeOp, inputRule(regular)),
  rule(conv2dBackpropFilterOp, filterRule(regular)),
  rule(depthwiseConv2dOp, forwardRule(depthwise)),
  rule(depthwiseConv2dBackpropInputOp, inputRule(depthwise)),
  rule(depthwiseConv2dBackpropFilterOp, filterRule(depthwise)),
  // conv1d runs as a conv2d of height 1: its gradient is conv2d's on the same views.
  rule(conv1dOp, (dy, { inputs: [x, f], attrs: { strides, padding, dilations } }) => {
    const pad1d = padding === 'causal' ? [[(f.shape[0] - 1) * dilations, 0] as [number, number]] : padding;
    const o: Conv2dAttrs = {
      strides: [1, strides],
      dilations: [1, dilations],
      padding: typeof pad1d === 'string' ? pad1d : [[0, 0], pad1d[0]],
    };
    const [batch, width, channels] = x.rank === 3 ? x.shape : [1, ...x.shape];
    const x4 = () => reshape(x, [batch, 1, width, channels]);
    const dy4 = () => reshape(dy, [batch, 1, dy.shape[dy.rank - 2], dy.shape[dy.rank - 1]]);
    return [
      () => reshape(conv2dBackpropInput(dy4(), reshape(f, [1, ...f.shape]), [batch, 1, width, channels], o), x.shape),
      () => reshape(conv2dBackpropFilter(x4(), dy4(), [1, ...f.shape], o), f.shape),
    ];
  }),
];
