import { opError, fmtShape } from '../../errors';
import type { Dim, Shape } from '../../shape';
import { dimsAgree, expectRank, windowOutput, type Conv2dAttrs } from './geometry';

/** Whether a convolution is ordinary (filter [h, w, in, out]) or depthwise (filter [h, w, in, multiplier]). */
export type ConvKind = 'conv' | 'depthwise';

const FILTER_LAYOUT: Record<ConvKind, string> = {
  conv: '[filterHeight, filterWidth, inChannels, outChannels]',
  depthwise: '[filterHeight, filterWidth, inChannels, channelMultiplier]',
};

/** `x.shape=[..]` for a tensor argument, `inputShape=[..]` for a shape argument. */
function show(name: string, shape: Shape): string {
  return name.endsWith('Shape') ? `${name}=${fmtShape(shape)}` : `${name}.shape=${fmtShape(shape)}`;
}

function outChannels(kind: ConvKind, filter: Shape): Dim {
  if (kind === 'conv') return filter[3];
  return filter[2] === null || filter[3] === null ? null : filter[2] * filter[3];
}

/**
 * The output shape of a 2-D convolution of an NHWC input (rank 4, or rank 3 for one unbatched
 * image), checking ranks and channels. `names` are the argument names used in messages.
 */
export function conv2dOutputShape(
  op: string,
  kind: ConvKind,
  x: Shape,
  filter: Shape,
  attrs: Conv2dAttrs,
  names = { x: 'x', filter: 'filter' },
): Dim[] {
  expectRank(op, names.x, x, [4, 3], '[batch, height, width, channels], or [height, width, channels] for one image');
  expectRank(op, names.filter, filter, [4], FILTER_LAYOUT[kind]);
  const channels = x[x.length - 1];
  if (!dimsAgree(channels, filter[2])) {
    throw opError(
      op,
      `input channels differ: ${show(names.x, x)} has ${channels} channels, ${show(names.filter, filter)} expects ${filter[2]}`,
    );
  }
  const spatial = x.slice(-3, -1);
  const context = `${show(names.x, x)}, ${show(names.filter, filter)}`;
  const [h, w] = windowOutput(op, context, spatial, filter.slice(0, 2), attrs.strides, attrs.dilations, attrs.padding, [
    'height',
    'width',
  ]);
  return x.length === 4 ? [x[0], h, w, outChannels(kind, filter)] : [h, w, outChannels(kind, filter)];
}

/**
 * Checks that `dy` is what the forward convolution of an input of `inputShape` gives, so that the
 * backprop kernels never read past their buffers. Returns the input shape with its batch resolved.
 */
export function checkConvGradient(
  op: string,
  kind: ConvKind,
  inputShape: Shape,
  filter: Shape,
  dy: Shape,
  attrs: Conv2dAttrs,
  names: { input: string; filter: string; dy: string },
): Dim[] {
  expectRank(op, names.dy, dy, [4], '[batch, height, width, channels]');
  if (inputShape.length !== 4) {
    throw opError(
      op,
      `${names.input} must have 4 dimensions [batch, height, width, channels], received ${fmtShape(inputShape)}`,
    );
  }
  const forward = conv2dOutputShape(op, kind, inputShape, filter, attrs, { x: names.input, filter: names.filter });
  if (!forward.every((d, i) => dimsAgree(d, dy[i]))) {
    throw opError(
      op,
      `${show(names.dy, dy)} does not match the output ${fmtShape(forward)} of the convolution of ` +
        `${show(names.input, inputShape)} with ${show(names.filter, filter)} (strides=${fmtShape(attrs.strides)}, ` +
        `dilations=${fmtShape(attrs.dilations)}, padding ${JSON.stringify(attrs.padding)})`,
    );
  }
  return [inputShape[0] ?? dy[0], ...inputShape.slice(1)];
}
