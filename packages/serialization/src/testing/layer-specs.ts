// Test data: a small instance of every built-in layer, for catalog-wide tests.
import { Dense, LSTM, LSTMCell } from '@strata/layers';

export interface LayerSpec {
  options: () => Record<string, unknown>;
  /** Per-sample input shapes (no batch axis); several for layers that take a list. */
  inputs: number[][];
  /** Integer ids in [0, intMax) (Embedding). */
  intMax?: number;
}

const one = (shape: number[], options: () => Record<string, unknown> = () => ({})): LayerSpec => ({
  options,
  inputs: [shape],
});
const two = (shape: number[], options: () => Record<string, unknown> = () => ({})): LayerSpec => ({
  options,
  inputs: [shape, shape],
});

/** Small, sensible options and inputs for every built-in layer class (Lambda: the function `catalog_double`, which tests register). */
export const LAYER_SPECS: Record<string, LayerSpec> = {
  Dense: one([4], () => ({ units: 3, activation: 'relu' })),
  Activation: one([4], () => ({ activation: 'tanh' })),
  Embedding: { options: () => ({ inputDim: 10, outputDim: 3 }), inputs: [[5]], intMax: 10 },
  Identity: one([4]),
  Lambda: one([4], () => ({ function: 'catalog_double' })),
  EinsumDense: one([4], () => ({ equation: 'ab,bc->ac', outputShape: [3], biasAxes: 'c' })),
  ReLU: one([4], () => ({ maxValue: 1.5 })),
  LeakyReLU: one([4], () => ({ negativeSlope: 0.1 })),
  PReLU: one([4]),
  ELU: one([4]),
  Softmax: one([4]),
  Dropout: one([4], () => ({ rate: 0.5 })),
  SpatialDropout1D: one([4, 3], () => ({ rate: 0.5 })),
  SpatialDropout2D: one([4, 4, 3], () => ({ rate: 0.5 })),
  SpatialDropout3D: one([3, 3, 3, 2], () => ({ rate: 0.5 })),
  GaussianNoise: one([4], () => ({ stddev: 0.1 })),
  GaussianDropout: one([4], () => ({ rate: 0.2 })),
  ActivityRegularization: one([4], () => ({ l1: 0.01 })),
  Conv1D: one([5, 3], () => ({ filters: 2, kernelSize: 2 })),
  Conv1DTranspose: one([5, 3], () => ({ filters: 2, kernelSize: 2 })),
  Conv2D: one([5, 5, 3], () => ({ filters: 2, kernelSize: 2 })),
  Conv2DTranspose: one([5, 5, 3], () => ({ filters: 2, kernelSize: 2 })),
  Conv3D: one([4, 4, 4, 2], () => ({ filters: 2, kernelSize: 2 })),
  Conv3DTranspose: one([3, 3, 3, 2], () => ({ filters: 2, kernelSize: 2 })),
  DepthwiseConv1D: one([5, 3], () => ({ kernelSize: 2 })),
  DepthwiseConv2D: one([5, 5, 3], () => ({ kernelSize: 2 })),
  SeparableConv1D: one([5, 3], () => ({ filters: 2, kernelSize: 2 })),
  SeparableConv2D: one([5, 5, 3], () => ({ filters: 2, kernelSize: 2 })),
  AveragePooling1D: one([6, 3], () => ({ poolSize: 2 })),
  AveragePooling2D: one([6, 6, 3], () => ({ poolSize: 2 })),
  MaxPooling1D: one([6, 3], () => ({ poolSize: 2 })),
  MaxPooling2D: one([6, 6, 3], () => ({ poolSize: 2 })),
  GlobalAveragePooling1D: one([6, 3]),
  GlobalAveragePooling2D: one([6, 6, 3]),
  GlobalMaxPooling1D: one([6, 3]),
  GlobalMaxPooling2D: one([6, 6, 3]),
  Cropping1D: one([6, 3], () => ({ cropping: [1, 2] })),
  Cropping2D: one([6, 6, 3], () => ({
    cropping: [
      [1, 1],
      [2, 0],
    ],
  })),
  Flatten: one([3, 4]),
  Permute: one([3, 4], () => ({ dims: [2, 1] })),
  RepeatVector: one([4], () => ({ n: 3 })),
  Reshape: one([3, 4], () => ({ targetShape: [2, 6] })),
  UpSampling1D: one([3, 4], () => ({ size: 2 })),
  UpSampling2D: one([3, 3, 2], () => ({ size: [2, 2] })),
  ZeroPadding1D: one([3, 4], () => ({ padding: 1 })),
  ZeroPadding2D: one([3, 3, 2], () => ({ padding: 1 })),
  BatchNormalization: one([4]),
  LayerNormalization: one([4]),
  GroupNormalization: one([3, 4], () => ({ groups: 2 })),
  UnitNormalization: one([4]),
  Add: two([4]),
  Subtract: two([4]),
  Multiply: two([4]),
  Average: two([4]),
  Maximum: two([4]),
  Minimum: two([4]),
  Concatenate: two([4]),
  Dot: two([4], () => ({ axes: 1 })),
  Rescaling: one([4], () => ({ scale: 0.5, offset: 1 })),
  Normalization: one([4], () => ({ mean: 0.5, variance: 2 })),
  Resizing: one([6, 6, 2], () => ({ height: 4, width: 4 })),
  CenterCrop: one([4, 4, 2], () => ({ height: 2, width: 2 })),
  SimpleRNN: one([5, 3], () => ({ units: 3 })),
  GRU: one([5, 3], () => ({ units: 3 })),
  LSTM: one([5, 3], () => ({ units: 3, returnSequences: true })),
  RNN: one([5, 3], () => ({ cell: new LSTMCell({ units: 3 }) })),
  Bidirectional: one([5, 3], () => ({ layer: new LSTM({ units: 3 }) })),
  TimeDistributed: one([5, 3], () => ({ layer: new Dense({ units: 2 }) })),
  Attention: two([3, 4]),
  AdditiveAttention: two([3, 4]),
  MultiHeadAttention: {
    options: () => ({ numHeads: 2, keyDim: 3 }),
    inputs: [
      [3, 4],
      [5, 4],
    ],
  },
};
