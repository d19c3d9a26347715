import type { OnnxBuilder } from '../builder';
import { cast, toChannelsFirst, toChannelsLast, unsupported, type OpCall, type OpConverter } from './common';
import { windowPads } from './conv';

function pool(opType: 'MaxPool' | 'AveragePool', spatial: number): OpConverter {
  return (b, c) => {
    const rank = spatial + 2;
    if (c.specs[0].shape.length !== rank)
      unsupported(c, `expected a batched input of rank ${rank}, received [${c.specs[0].shape.join(',')}]`);
    const list = (v: number | number[]) => (typeof v === 'number' ? Array(spatial).fill(v) : [...v]);
    const kernel = list(c.attrs.poolSize);
    const strides = list(c.attrs.strides);
    const pads = windowPads(
      c,
      { spatial, strides, dilations: Array(spatial).fill(1), padding: c.attrs.padding },
      kernel,
    );
    const x = toChannelsFirst(b, cast(b, c.inputs[0], c.specs[0].dtype, 'float32'), rank);
    // TensorFlow's average over a padded window counts only the values inside the input.
    const extra = opType === 'AveragePool' ? { count_include_pad: 0 } : {};
    const y = b.op(opType, [x], { kernel_shape: kernel, strides, pads, ...extra });
    return cast(b, toChannelsLast(b, y, rank), 'float32', c.outputs[0].dtype);
  };
}

/** Inference batch normalization over the last axis: (x - mean) / sqrt(variance + ε) · scale + offset. */
function batchNorm(b: OnnxBuilder, c: OpCall): string {
  const f = c.inputs.map((x, i) => cast(b, x, c.specs[i].dtype, 'float32'));
  const [x, mean, variance] = f;
  let rest = 3;
  const offset = c.attrs.hasOffset ? f[rest++] : null;
  const scale = c.attrs.hasScale ? f[rest++] : null;
  let inv = b.op('Reciprocal', [b.op('Sqrt', [b.op('Add', [variance, b.scalar(c.attrs.varianceEpsilon)])])]);
  if (scale) inv = b.op('Mul', [inv, scale]);
  const y = b.op('Mul', [b.op('Sub', [x, mean]), inv]);
  return offset ? b.op('Add', [y, offset]) : y;
}

/** TensorFlow's resize flags as ONNX Resize's coordinate modes; the output size is set per call. */
function resize(mode: 'nearest' | 'linear'): OpConverter {
  return (b, c) => {
    const { size, alignCorners, halfPixelCenters } = c.attrs as {
      size: [number, number];
      alignCorners: boolean;
      halfPixelCenters: boolean;
    };
    const x = toChannelsFirst(b, cast(b, c.inputs[0], c.specs[0].dtype, 'float32'), 4);
    const batchAndChannels = b.op('Slice', [b.op('Shape', [x]), b.int64s([0]), b.int64s([2])]);
    const sizes = b.op('Concat', [batchAndChannels, b.int64s(size)], { axis: 0 });
    let coordinate = 'asymmetric';
    let nearest = 'floor';
    if (alignCorners) [coordinate, nearest] = ['align_corners', 'round_prefer_ceil'];
    else if (halfPixelCenters)
      [coordinate, nearest] = mode === 'nearest' ? ['tf_half_pixel_for_nn', 'floor'] : ['half_pixel', 'floor'];
    const attrs =
      mode === 'nearest'
        ? { mode, coordinate_transformation_mode: coordinate, nearest_mode: nearest }
        : { mode, coordinate_transformation_mode: coordinate };
    const y = b.op('Resize', [x, '', '', sizes], attrs);
    return cast(b, toChannelsLast(b, y, 4), 'float32', c.outputs[0].dtype);
  };
}

export const NN: Record<string, OpConverter> = {
  maxPool1d: pool('MaxPool', 1),
  avgPool1d: pool('AveragePool', 1),
  maxPool2d: pool('MaxPool', 2),
  avgPool2d: pool('AveragePool', 2),
  softmax: (b, c) => b.op('Softmax', [cast(b, c.inputs[0], c.specs[0].dtype, 'float32')], { axis: c.attrs.axis }),
  logSoftmax: (b, c) => b.op('LogSoftmax', [cast(b, c.inputs[0], c.specs[0].dtype, 'float32')], { axis: c.attrs.axis }),
  batchNorm,
  resizeNearestNeighbor: resize('nearest'),
  resizeBilinear: resize('linear'),
  dropout: (_b, c) =>
    unsupported(c, 'it draws random numbers; layers call it only when training, and export is for inference'),
};
