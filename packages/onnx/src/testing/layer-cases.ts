// Test-only: every exportable catalog layer alone, as a small Functional model with its inputs.
import * as L from '@strata/layers';
import { input, type SymbolicTensor } from '@strata/graph';
import * as ops from '@strata/tensor';
import type { Tensor } from '@strata/tensor';
import { Functional, Model, Sequential } from '@strata/models';
import type { InputSpec } from './ort-oracle';

export interface ModelCase {
  name: string;
  inputs: InputSpec[];
  build(): Model;
}

type Out = SymbolicTensor | SymbolicTensor[];

/** A model of one layer (or a few) applied to inputs of `shapes`. */
export function layerCase(name: string, inputs: InputSpec[], body: (xs: SymbolicTensor[]) => Out): ModelCase {
  return {
    name,
    inputs,
    build: () => {
      const xs = inputs.map((s) => input({ shape: s.shape, dtype: s.dtype ?? 'float32' }));
      const outputs = body(xs) as SymbolicTensor | SymbolicTensor[];
      return new Functional({
        inputs: xs.length === 1 ? xs[0] : xs,
        outputs,
        name: name.replace(/[^A-Za-z0-9_]/g, '_'),
      });
    },
  };
}

const one = (name: string, shape: number[], layer: () => L.Layer): ModelCase =>
  layerCase(name, [{ shape }], ([x]) => layer().apply(x) as SymbolicTensor);

export const ACTIVATION_NAMES = [
  'linear',
  'relu',
  'relu6',
  'leaky_relu',
  'elu',
  'selu',
  'sigmoid',
  'tanh',
  'softplus',
  'exponential',
  'softsign',
  'hard_sigmoid',
  'hard_silu',
  'silu',
  'mish',
  'gelu',
  'gelu_approximate',
  'softmax',
  'log_softmax',
];

const mergeCase = (name: string, layer: () => L.Layer, n = 2, shape = [3, 4]): ModelCase =>
  layerCase(
    name,
    Array.from({ length: n }, () => ({ shape })),
    (xs) => layer().apply(xs) as SymbolicTensor,
  );

/** A subclassed block (a layer and raw ops in call()), to nest in other models. */
class GatedBlock extends Model {
  readonly dense = new L.Dense({ units: 4 });
  override call(x: Tensor): Tensor {
    const h = this.dense.apply(x);
    return ops.mul(h, ops.sigmoid(h));
  }
}

/** A Functional holding a Sequential and a subclassed model, each used as a layer. */
const nested = layerCase('Nested Sequential and subclassed models', [{ shape: [5] }], ([x]) => {
  const layers = [input({ shape: [5] }), new L.Dense({ units: 4, activation: 'tanh' })];
  const stack = new Sequential(layers, { name: 'stack' });
  const block = new GatedBlock({ name: 'gated' });
  const a = stack.apply(x) as SymbolicTensor;
  return new L.Add({}).apply([a, block.apply(a) as SymbolicTensor]) as SymbolicTensor;
});

export const LAYER_CASES: ModelCase[] = [
  nested,
  one('Dense', [5], () => new L.Dense({ units: 3 })),
  one('Dense on rank 3', [2, 5], () => new L.Dense({ units: 3, activation: 'relu' })),
  one('Dense without bias', [5], () => new L.Dense({ units: 3, useBias: false })),
  ...ACTIVATION_NAMES.map((a) => one(`Activation ${a}`, [6], () => new L.Activation({ activation: a }))),
  ...['relu', 'sigmoid', 'elu', 'leaky_relu', 'relu6', 'tanh'].map((a) =>
    one(`Dense fused ${a}`, [5], () => new L.Dense({ units: 4, activation: a })),
  ),
  one('EinsumDense', [3, 4], () => new L.EinsumDense({ equation: 'abc,cd->abd', outputShape: [3, 5], biasAxes: 'd' })),
  one('ReLU', [6], () => new L.ReLU({})),
  one('ReLU maxValue threshold slope', [6], () => new L.ReLU({ maxValue: 1.5, threshold: 0.1, negativeSlope: 0.3 })),
  one('LeakyReLU', [6], () => new L.LeakyReLU({ negativeSlope: 0.1 })),
  one('ELU', [6], () => new L.ELU({ alpha: 0.7 })),
  one('Softmax', [3, 4], () => new L.Softmax({ axis: 1 })),
  one('PReLU', [3, 4], () => new L.PReLU({})),
  one('Identity', [4], () => new L.Identity({})),
  one('Dropout', [6], () => new L.Dropout({ rate: 0.5 })),
  one('SpatialDropout1D', [4, 3], () => new L.SpatialDropout1D({ rate: 0.5 })),
  one('SpatialDropout2D', [4, 4, 3], () => new L.SpatialDropout2D({ rate: 0.5 })),
  one('SpatialDropout3D', [2, 2, 2, 3], () => new L.SpatialDropout3D({ rate: 0.5 })),
  one('GaussianNoise', [6], () => new L.GaussianNoise({ stddev: 0.5 })),
  one('GaussianDropout', [6], () => new L.GaussianDropout({ rate: 0.5 })),
  one('ActivityRegularization', [6], () => new L.ActivityRegularization({ l1: 0.1 })),
  one('Conv1D', [7, 3], () => new L.Conv1D({ filters: 4, kernelSize: 3 })),
  one('Conv1D same strided', [8, 3], () => new L.Conv1D({ filters: 4, kernelSize: 3, strides: 2, padding: 'same' })),
  one(
    'Conv1D causal dilated',
    [8, 3],
    () => new L.Conv1D({ filters: 2, kernelSize: 3, padding: 'causal', dilationRate: 2 }),
  ),
  one('Conv2D', [6, 6, 3], () => new L.Conv2D({ filters: 4, kernelSize: 3, activation: 'relu' })),
  one(
    'Conv2D same strided',
    [7, 6, 2],
    () => new L.Conv2D({ filters: 3, kernelSize: [3, 2], strides: 2, padding: 'same' }),
  ),
  one('Conv2D dilated', [7, 7, 2], () => new L.Conv2D({ filters: 3, kernelSize: 3, dilationRate: 2, padding: 'same' })),
  one('Conv3D', [4, 5, 4, 2], () => new L.Conv3D({ filters: 3, kernelSize: 2, padding: 'same' })),
  one('Conv1DTranspose', [5, 3], () => new L.Conv1DTranspose({ filters: 2, kernelSize: 3, strides: 2 })),
  one(
    'Conv2DTranspose',
    [4, 4, 3],
    () => new L.Conv2DTranspose({ filters: 2, kernelSize: 3, strides: 2, padding: 'same' }),
  ),
  one(
    'Conv2DTranspose valid',
    [4, 5, 3],
    () => new L.Conv2DTranspose({ filters: 2, kernelSize: [3, 2], strides: [2, 1] }),
  ),
  one('Conv3DTranspose', [3, 3, 3, 2], () => new L.Conv3DTranspose({ filters: 2, kernelSize: 2, strides: 2 })),
  one('DepthwiseConv1D', [7, 3], () => new L.DepthwiseConv1D({ kernelSize: 3, depthMultiplier: 2 })),
  one(
    'DepthwiseConv2D',
    [6, 6, 3],
    () => new L.DepthwiseConv2D({ kernelSize: 3, depthMultiplier: 2, padding: 'same' }),
  ),
  one('SeparableConv1D', [7, 3], () => new L.SeparableConv1D({ filters: 4, kernelSize: 3 })),
  one('SeparableConv2D', [6, 6, 3], () => new L.SeparableConv2D({ filters: 4, kernelSize: 3, depthMultiplier: 2 })),
  one('MaxPooling1D', [8, 3], () => new L.MaxPooling1D({ poolSize: 2 })),
  one('AveragePooling1D same', [7, 3], () => new L.AveragePooling1D({ poolSize: 3, strides: 2, padding: 'same' })),
  one('MaxPooling2D same', [5, 5, 2], () => new L.MaxPooling2D({ poolSize: 2, padding: 'same' })),
  one('AveragePooling2D', [6, 6, 2], () => new L.AveragePooling2D({ poolSize: 3, strides: 1 })),
  one('AveragePooling2D same', [5, 5, 2], () => new L.AveragePooling2D({ poolSize: 2, padding: 'same' })),
  one('GlobalAveragePooling1D', [5, 3], () => new L.GlobalAveragePooling1D({})),
  one('GlobalMaxPooling1D', [5, 3], () => new L.GlobalMaxPooling1D({})),
  one('GlobalAveragePooling2D', [4, 4, 3], () => new L.GlobalAveragePooling2D({})),
  one('GlobalMaxPooling2D keepdims', [4, 4, 3], () => new L.GlobalMaxPooling2D({ keepdims: true })),
  one('BatchNormalization', [5], () => new L.BatchNormalization({})),
  one('BatchNormalization on images', [3, 3, 4], () => new L.BatchNormalization({})),
  one('LayerNormalization', [3, 6], () => new L.LayerNormalization({})),
  one('GroupNormalization', [4, 6], () => new L.GroupNormalization({ groups: 3 })),
  one('UnitNormalization', [6], () => new L.UnitNormalization({})),
  one('Flatten', [3, 2, 2], () => new L.Flatten({})),
  one('Reshape', [12], () => new L.Reshape({ targetShape: [3, -1] })),
  one('Permute', [3, 4, 2], () => new L.Permute({ dims: [3, 1, 2] })),
  one('RepeatVector', [4], () => new L.RepeatVector({ n: 3 })),
  one('Cropping1D', [7, 2], () => new L.Cropping1D({ cropping: [1, 2] })),
  one(
    'Cropping2D',
    [6, 6, 2],
    () =>
      new L.Cropping2D({
        cropping: [
          [1, 0],
          [2, 1],
        ],
      }),
  ),
  one('ZeroPadding1D', [4, 2], () => new L.ZeroPadding1D({ padding: 2 })),
  one(
    'ZeroPadding2D',
    [3, 3, 2],
    () =>
      new L.ZeroPadding2D({
        padding: [
          [1, 0],
          [2, 1],
        ],
      }),
  ),
  one('UpSampling1D', [3, 2], () => new L.UpSampling1D({ size: 2 })),
  one('UpSampling2D', [3, 3, 2], () => new L.UpSampling2D({ size: 2 })),
  one('UpSampling2D bilinear', [3, 3, 2], () => new L.UpSampling2D({ size: 2, interpolation: 'bilinear' })),
  one('Rescaling', [4], () => new L.Rescaling({ scale: 0.5, offset: -1 })),
  one('Normalization', [3], () => new L.Normalization({ mean: [1, 2, 3], variance: [1, 4, 9] })),
  one('Resizing bilinear', [4, 4, 2], () => new L.Resizing({ height: 6, width: 3 })),
  one('Resizing nearest', [4, 4, 2], () => new L.Resizing({ height: 6, width: 3, interpolation: 'nearest' })),
  one('CenterCrop', [6, 5, 2], () => new L.CenterCrop({ height: 4, width: 3 })),
  mergeCase('Add', () => new L.Add({}), 3),
  mergeCase('Subtract', () => new L.Subtract({})),
  mergeCase('Multiply', () => new L.Multiply({})),
  mergeCase('Average', () => new L.Average({})),
  mergeCase('Maximum', () => new L.Maximum({})),
  mergeCase('Minimum', () => new L.Minimum({})),
  mergeCase('Concatenate', () => new L.Concatenate({ axis: -1 })),
  mergeCase('Concatenate axis 1', () => new L.Concatenate({ axis: 1 })),
  mergeCase('Dot', () => new L.Dot({ axes: [2, 2] })),
  mergeCase('Dot normalized', () => new L.Dot({ axes: 1, normalize: true }), 2, [4]),
  layerCase(
    'Embedding',
    [{ shape: [5], dtype: 'int32', max: 10 }],
    ([x]) => new L.Embedding({ inputDim: 10, outputDim: 3 }).apply(x) as SymbolicTensor,
  ),
  one('SimpleRNN', [5, 3], () => new L.SimpleRNN({ units: 4 })),
  one(
    'SimpleRNN sequences backwards',
    [5, 3],
    () => new L.SimpleRNN({ units: 4, returnSequences: true, goBackwards: true }),
  ),
  one('LSTM', [5, 3], () => new L.LSTM({ units: 4 })),
  one('LSTM sequences', [5, 3], () => new L.LSTM({ units: 4, returnSequences: true })),
  one('LSTM backwards', [5, 3], () => new L.LSTM({ units: 4, goBackwards: true, returnSequences: true })),
  layerCase(
    'LSTM state',
    [{ shape: [5, 3] }],
    ([x]) => new L.LSTM({ units: 4, returnState: true }).apply(x) as unknown as SymbolicTensor[],
  ),
  one('GRU', [5, 3], () => new L.GRU({ units: 4 })),
  one('GRU resetAfter false', [5, 3], () => new L.GRU({ units: 4, resetAfter: false, returnSequences: true })),
  one('GRU backwards', [5, 3], () => new L.GRU({ units: 4, goBackwards: true })),
  one(
    'Bidirectional LSTM concat',
    [5, 3],
    () => new L.Bidirectional({ layer: new L.LSTM({ units: 3, returnSequences: true }) }),
  ),
  one('Bidirectional GRU sum', [5, 3], () => new L.Bidirectional({ layer: new L.GRU({ units: 3 }), mergeMode: 'sum' })),
  one(
    'Bidirectional SimpleRNN ave',
    [5, 3],
    () => new L.Bidirectional({ layer: new L.SimpleRNN({ units: 3 }), mergeMode: 'ave' }),
  ),
  one('TimeDistributed Dense', [4, 3], () => new L.TimeDistributed({ layer: new L.Dense({ units: 2 }) })),
  layerCase(
    'MultiHeadAttention',
    [{ shape: [4, 6] }, { shape: [5, 6] }],
    ([q, v]) => new L.MultiHeadAttention({ numHeads: 2, keyDim: 3 }).apply([q, v]) as SymbolicTensor,
  ),
  layerCase(
    'MultiHeadAttention self causal',
    [{ shape: [4, 6] }],
    ([x]) =>
      new L.MultiHeadAttention({ numHeads: 2, keyDim: 3, valueDim: 2 }).apply([x, x], {
        useCausalMask: true,
      }) as SymbolicTensor,
  ),
  layerCase(
    'Attention',
    [{ shape: [4, 3] }, { shape: [5, 3] }],
    ([q, v]) => new L.Attention({ useScale: true }).apply([q, v]) as SymbolicTensor,
  ),
  layerCase(
    'AdditiveAttention',
    [{ shape: [4, 3] }, { shape: [5, 3] }],
    ([q, v]) => new L.AdditiveAttention({}).apply([q, v]) as SymbolicTensor,
  ),
];
