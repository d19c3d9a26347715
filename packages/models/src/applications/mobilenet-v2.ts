import {
  Add,
  BatchNormalization,
  Conv2D,
  Dense,
  DepthwiseConv2D,
  GlobalAveragePooling2D,
  GlobalMaxPooling2D,
  ReLU,
  ZeroPadding2D,
} from '@strata/layers';
import { input, type SymbolicTensor } from '@strata/graph';
import { Functional } from '../functional';
import { ModelError } from '../errors';
import { applicationInputShape, on, type ApplicationArgs } from './common';

export interface MobileNetV2Args extends ApplicationArgs {
  /** Width multiplier: the filters of every layer scale with it (default 1). */
  alpha?: number;
}

/** Keras's `_make_divisible`: the nearest multiple of `divisor`, never more than 10% below `v`. */
function makeDivisible(v: number, divisor = 8): number {
  const rounded = Math.max(divisor, Math.floor((v + divisor / 2) / divisor) * divisor);
  return rounded < 0.9 * v ? rounded + divisor : rounded;
}

/** Keras's `correct_pad` for a 3x3 kernel: pad so that a stride-2 "valid" convolution keeps "same"'s output size. */
function correctPad(x: SymbolicTensor): [[number, number], [number, number]] {
  const [h, w] = [x.shape[1], x.shape[2]];
  const adjust = (d: number | null) => (d === null ? 1 : 1 - (d % 2));
  return [
    [1 - adjust(h), 1],
    [1 - adjust(w), 1],
  ];
}

const bn = (name: string) => new BatchNormalization({ axis: -1, epsilon: 1e-3, momentum: 0.999, name });

function invertedResBlock(
  x: SymbolicTensor,
  expansion: number,
  stride: number,
  alpha: number,
  filters: number,
  id: number,
) {
  const inChannels = x.shape[x.shape.length - 1] as number;
  const pointwise = makeDivisible(Math.trunc(filters * alpha));
  let prefix = `block_${id}_`;
  let h = x;
  if (id) {
    h = on(
      new Conv2D({
        filters: expansion * inChannels,
        kernelSize: 1,
        padding: 'same',
        useBias: false,
        name: `${prefix}expand`,
      }),
      h,
    );
    h = on(bn(`${prefix}expand_BN`), h);
    h = on(new ReLU({ maxValue: 6, name: `${prefix}expand_relu` }), h);
  } else prefix = 'expanded_conv_';
  if (stride === 2) h = on(new ZeroPadding2D({ padding: correctPad(h), name: `${prefix}pad` }), h);
  h = on(
    new DepthwiseConv2D({
      kernelSize: 3,
      strides: stride,
      useBias: false,
      padding: stride === 1 ? 'same' : 'valid',
      name: `${prefix}depthwise`,
    }),
    h,
  );
  h = on(bn(`${prefix}depthwise_BN`), h);
  h = on(new ReLU({ maxValue: 6, name: `${prefix}depthwise_relu` }), h);
  h = on(
    new Conv2D({ filters: pointwise, kernelSize: 1, padding: 'same', useBias: false, name: `${prefix}project` }),
    h,
  );
  h = on(bn(`${prefix}project_BN`), h);
  if (inChannels === pointwise && stride === 1)
    return new Add({ name: `${prefix}add` }).apply([x, h]) as SymbolicTensor;
  return h;
}

// [filters, stride, expansion] of blocks 0..16, as Keras's MobileNetV2 lists them.
const BLOCKS: [number, number, number][] = [
  [16, 1, 1],
  [24, 2, 6],
  [24, 1, 6],
  [32, 2, 6],
  [32, 1, 6],
  [32, 1, 6],
  [64, 2, 6],
  [64, 1, 6],
  [64, 1, 6],
  [64, 1, 6],
  [96, 1, 6],
  [96, 1, 6],
  [96, 1, 6],
  [160, 2, 6],
  [160, 1, 6],
  [160, 1, 6],
  [320, 1, 6],
];

/**
 * MobileNetV2 (Sandler et al. 2018) as `keras.applications.MobileNetV2` builds it: the same layers,
 * names and weight shapes, so weight files Keras writes for it (`.h5`, `.weights.h5`) load into it.
 * Channels last. Weights are random; load trained ones with `loadModelWeights`.
 * @example
 * ```ts
 * const model = mobileNetV2({ alpha: 0.35, includeTop: false, inputShape: [32, 32, 3] });
 * model.countParams(); // 410208, as Keras's count_params()
 * model.outputs[0].shape; // [null, 1, 1, 1280]
 * ```
 */
export function mobileNetV2(args: MobileNetV2Args = {}): Functional {
  const alpha = args.alpha ?? 1;
  if (!(alpha > 0)) throw new ModelError(`mobileNetV2: alpha must be a positive number, received ${alpha}`);
  const includeTop = args.includeTop ?? true;
  const shape = applicationInputShape('mobileNetV2', args.inputShape, 32, includeTop);
  const image = input({ shape, name: 'input_layer' });
  let x = on(
    new Conv2D({
      filters: makeDivisible(32 * alpha),
      kernelSize: 3,
      strides: 2,
      padding: 'same',
      useBias: false,
      name: 'Conv1',
    }),
    image,
  );
  x = on(bn('bn_Conv1'), x);
  x = on(new ReLU({ maxValue: 6, name: 'Conv1_relu' }), x);
  BLOCKS.forEach(([filters, stride, expansion], id) => {
    x = invertedResBlock(x, expansion, stride, alpha, filters, id);
  });
  const lastFilters = alpha > 1 ? makeDivisible(1280 * alpha) : 1280;
  x = on(new Conv2D({ filters: lastFilters, kernelSize: 1, useBias: false, name: 'Conv_1' }), x);
  x = on(bn('Conv_1_bn'), x);
  x = on(new ReLU({ maxValue: 6, name: 'out_relu' }), x);
  if (includeTop) {
    x = on(new GlobalAveragePooling2D({ name: 'global_average_pooling2d' }), x);
    x = on(
      new Dense({
        units: args.classes ?? 1000,
        activation: args.classifierActivation === undefined ? 'softmax' : (args.classifierActivation ?? 'linear'),
        name: 'predictions',
      }),
      x,
    );
  } else if (args.pooling === 'avg') x = on(new GlobalAveragePooling2D({ name: 'global_average_pooling2d' }), x);
  else if (args.pooling === 'max') x = on(new GlobalMaxPooling2D({ name: 'global_max_pooling2d' }), x);
  const rows = shape[0] ?? 224;
  return new Functional({ inputs: image, outputs: x, name: args.name ?? `mobilenetv2_${alpha.toFixed(2)}_${rows}` });
}
