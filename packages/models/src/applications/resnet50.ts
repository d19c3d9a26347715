import {
  Activation,
  Add,
  BatchNormalization,
  Conv2D,
  Dense,
  GlobalAveragePooling2D,
  GlobalMaxPooling2D,
  MaxPooling2D,
  ZeroPadding2D,
} from '@strata/layers';
import { input, type SymbolicTensor } from '@strata/graph';
import { Functional } from '../functional';
import { applicationInputShape, on, type ApplicationArgs } from './common';

const bn = (name: string) => new BatchNormalization({ axis: 3, epsilon: 1.001e-5, name });
const relu = (name: string) => new Activation({ activation: 'relu', name });

/** Keras's `residual_block_v1`: a 1x1, 3x3, 1x1 bottleneck added to the input (or its 1x1 projection). */
function residualBlock(x: SymbolicTensor, filters: number, stride: number, convShortcut: boolean, name: string) {
  let shortcut = x;
  if (convShortcut) {
    shortcut = on(new Conv2D({ filters: 4 * filters, kernelSize: 1, strides: stride, name: `${name}_0_conv` }), x);
    shortcut = on(bn(`${name}_0_bn`), shortcut);
  }
  let h = on(new Conv2D({ filters, kernelSize: 1, strides: stride, name: `${name}_1_conv` }), x);
  h = on(relu(`${name}_1_relu`), on(bn(`${name}_1_bn`), h));
  h = on(new Conv2D({ filters, kernelSize: 3, padding: 'same', name: `${name}_2_conv` }), h);
  h = on(relu(`${name}_2_relu`), on(bn(`${name}_2_bn`), h));
  h = on(new Conv2D({ filters: 4 * filters, kernelSize: 1, name: `${name}_3_conv` }), h);
  h = on(bn(`${name}_3_bn`), h);
  return on(relu(`${name}_out`), new Add({ name: `${name}_add` }).apply([shortcut, h]) as SymbolicTensor);
}

function stack(x: SymbolicTensor, filters: number, blocks: number, stride1: number, name: string): SymbolicTensor {
  let h = residualBlock(x, filters, stride1, true, `${name}_block1`);
  for (let i = 2; i <= blocks; i++) h = residualBlock(h, filters, 1, false, `${name}_block${i}`);
  return h;
}

/**
 * ResNet50 (He et al. 2015, v1) as `keras.applications.ResNet50` builds it: the same layers, names
 * and weight shapes, so weight files Keras writes for it load into it. Channels last; random weights.
 * @example
 * ```ts
 * const model = resNet50({ includeTop: false, inputShape: [32, 32, 3] });
 * model.countParams(); // 23587712, as Keras's count_params()
 * model.outputs[0].shape; // [null, 1, 1, 2048]
 * ```
 */
export function resNet50(args: ApplicationArgs = {}): Functional {
  const includeTop = args.includeTop ?? true;
  const image = input({
    shape: applicationInputShape('resNet50', args.inputShape, 32, includeTop),
    name: 'input_layer',
  });
  let x = on(
    new ZeroPadding2D({
      padding: [
        [3, 3],
        [3, 3],
      ],
      name: 'conv1_pad',
    }),
    image,
  );
  x = on(new Conv2D({ filters: 64, kernelSize: 7, strides: 2, name: 'conv1_conv' }), x);
  x = on(relu('conv1_relu'), on(bn('conv1_bn'), x));
  x = on(
    new ZeroPadding2D({
      padding: [
        [1, 1],
        [1, 1],
      ],
      name: 'pool1_pad',
    }),
    x,
  );
  x = on(new MaxPooling2D({ poolSize: 3, strides: 2, name: 'pool1_pool' }), x);
  x = stack(x, 64, 3, 1, 'conv2');
  x = stack(x, 128, 4, 2, 'conv3');
  x = stack(x, 256, 6, 2, 'conv4');
  x = stack(x, 512, 3, 2, 'conv5');
  if (includeTop) {
    x = on(new GlobalAveragePooling2D({ name: 'avg_pool' }), x);
    x = on(
      new Dense({
        units: args.classes ?? 1000,
        activation: args.classifierActivation === undefined ? 'softmax' : (args.classifierActivation ?? 'linear'),
        name: 'predictions',
      }),
      x,
    );
  } else if (args.pooling === 'avg') x = on(new GlobalAveragePooling2D({ name: 'avg_pool' }), x);
  else if (args.pooling === 'max') x = on(new GlobalMaxPooling2D({ name: 'max_pool' }), x);
  return new Functional({ inputs: image, outputs: x, name: args.name ?? 'resnet50' });
}
