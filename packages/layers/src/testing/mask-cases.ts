// Test data: one or more masked calls of every built-in layer, for mask-behaviour.test.ts, which
// runs each in Strata and in Keras 3 (mask_behaviour.py) and compares the output masks.

export interface MaskCaseInput {
  /** With the batch axis (2 everywhere). */
  shape: number[];
  dtype?: 'float32' | 'int32';
  /** Integer ids (Embedding); floats are made up from the index otherwise. */
  values?: number[];
  /** Whether the input carries a mask, shaped as the input without its last axis (default true). */
  masked?: boolean;
}

export interface MaskCase {
  name: string;
  className: string;
  /** Strata's options (camelCase); the test turns them into Keras's config. */
  options: Record<string, unknown>;
  inputs: MaskCaseInput[];
  /** How Keras calls it: one tensor, a list (merging, Attention) or positional (MultiHeadAttention's query, value). */
  call?: 'single' | 'list' | 'positional';
}

/** Built-in classes no case calls, and why. */
export const MASK_CASES_NOT_RUN: Record<string, string> = {
  GRUCell: 'a cell sees one step at a time inside an RNN, which applies the mask; it never receives one',
  LSTMCell: 'a cell sees one step at a time inside an RNN, which applies the mask; it never receives one',
  SimpleRNNCell: 'a cell sees one step at a time inside an RNN, which applies the mask; it never receives one',
};

const seq = [2, 4, 3];
const image = [2, 4, 4, 3];
const volume = [2, 3, 3, 3, 2];
const one = (className: string, options: Record<string, unknown>, shape = seq, name = className): MaskCase => ({
  name,
  className,
  options,
  inputs: [{ shape }],
});
const two = (className: string, options: Record<string, unknown> = {}, name = className): MaskCase => ({
  name,
  className,
  options,
  inputs: [{ shape: seq }, { shape: seq }],
  call: 'list',
});
const lstm = (config: Record<string, unknown>) => ({ className: 'LSTM', config: { units: 2, ...config } });

export const MASK_CASES: MaskCase[] = [
  // Core
  one('Dense', { units: 2 }),
  one('Dense', { units: 2 }, image, 'Dense on images'),
  one('Activation', { activation: 'relu' }),
  one('EinsumDense', { equation: 'abc,cd->abd', outputShape: [4, 2], biasAxes: 'd' }),
  {
    name: 'Embedding maskZero',
    className: 'Embedding',
    options: { inputDim: 5, outputDim: 2, maskZero: true },
    inputs: [{ shape: [2, 4], dtype: 'int32', values: [1, 2, 0, 0, 3, 0, 4, 0], masked: false }],
  },
  {
    name: 'Embedding',
    className: 'Embedding',
    options: { inputDim: 5, outputDim: 2 },
    inputs: [{ shape: [2, 4], dtype: 'int32', values: [1, 2, 0, 0, 3, 0, 4, 0] }],
  },
  one('Identity', {}),
  one('Lambda', { function: 'mask_oracle_double' }),
  // Activations
  one('ReLU', {}),
  one('LeakyReLU', {}),
  one('PReLU', {}),
  one('ELU', {}),
  // Keras's Softmax adds the mask to the logits, which needs a mask that broadcasts to the input:
  // a sequence mask [batch, time] does against [batch, time, features] only where time = batch, features = time.
  one('Softmax', {}, [2, 2, 2]),
  // Regularization
  one('Dropout', { rate: 0.5 }),
  one('SpatialDropout1D', { rate: 0.5 }),
  one('SpatialDropout2D', { rate: 0.5 }, image),
  one('SpatialDropout3D', { rate: 0.5 }, volume),
  one('GaussianNoise', { stddev: 0.1 }),
  one('GaussianDropout', { rate: 0.5 }),
  one('ActivityRegularization', { l1: 0.01 }),
  // Convolutions
  one('Conv1D', { filters: 2, kernelSize: 2 }),
  one('Conv2D', { filters: 2, kernelSize: 2 }, image),
  one('Conv3D', { filters: 2, kernelSize: 2 }, volume),
  one('Conv1DTranspose', { filters: 2, kernelSize: 2 }),
  one('Conv2DTranspose', { filters: 2, kernelSize: 2 }, image),
  one('Conv3DTranspose', { filters: 2, kernelSize: 2 }, volume),
  one('DepthwiseConv1D', { kernelSize: 2 }),
  one('DepthwiseConv2D', { kernelSize: 2 }, image),
  one('SeparableConv1D', { filters: 2, kernelSize: 2 }),
  one('SeparableConv2D', { filters: 2, kernelSize: 2 }, image),
  // Pooling
  one('AveragePooling1D', { poolSize: 2 }),
  one('AveragePooling2D', { poolSize: 2 }, image),
  one('MaxPooling1D', { poolSize: 2 }),
  one('MaxPooling2D', { poolSize: 2 }, image),
  one('GlobalAveragePooling1D', {}),
  one('GlobalAveragePooling2D', {}, image),
  one('GlobalMaxPooling1D', {}),
  one('GlobalMaxPooling2D', {}, image),
  // Normalization
  one('BatchNormalization', {}),
  one('LayerNormalization', {}),
  one('GroupNormalization', { groups: 3 }),
  one('UnitNormalization', {}),
  one('Normalization', { mean: 0.5, variance: 2 }),
  // Reshaping
  one('Cropping1D', { cropping: 1 }),
  one('Cropping2D', { cropping: 1 }, image),
  one('Flatten', {}),
  one('Permute', { dims: [2, 1] }),
  one('RepeatVector', { n: 2 }, [2, 3]),
  one('Reshape', { targetShape: [12] }),
  one('UpSampling1D', { size: 2 }),
  one('UpSampling2D', { size: 2 }, image),
  one('ZeroPadding1D', { padding: 1 }),
  one('ZeroPadding2D', { padding: 1 }, image),
  // Preprocessing
  one('CenterCrop', { height: 2, width: 2 }, image),
  one('Resizing', { height: 2, width: 2 }, image),
  one('Rescaling', { scale: 0.5 }),
  // Merging
  two('Add'),
  two('Subtract'),
  two('Multiply'),
  two('Average'),
  two('Maximum'),
  two('Minimum'),
  two('Concatenate', { axis: -1 }),
  two('Concatenate', { axis: 1 }, 'Concatenate on the time axis'),
  two('Dot', { axes: -1 }),
  // Attention
  two('Attention'),
  two('AdditiveAttention'),
  {
    name: 'MultiHeadAttention',
    className: 'MultiHeadAttention',
    options: { numHeads: 2, keyDim: 2 },
    inputs: [{ shape: seq }, { shape: [2, 5, 3] }],
    call: 'positional',
  },
  // Recurrent
  one('SimpleRNN', { units: 2 }),
  one('SimpleRNN', { units: 2, returnSequences: true }, seq, 'SimpleRNN returnSequences'),
  one('GRU', { units: 2 }),
  one('GRU', { units: 2, returnSequences: true }, seq, 'GRU returnSequences'),
  one('LSTM', { units: 2 }),
  one('LSTM', { units: 2, returnSequences: true }, seq, 'LSTM returnSequences'),
  one('LSTM', { units: 2, returnSequences: true, returnState: true }, seq, 'LSTM returnState'),
  one('RNN', { cell: { className: 'SimpleRNNCell', config: { units: 2 } }, returnSequences: true }),
  one('Bidirectional', { layer: lstm({ returnSequences: true }) }),
  one('Bidirectional', { layer: lstm({}) }, seq, 'Bidirectional last step'),
  one('TimeDistributed', { layer: { className: 'Dense', config: { units: 2 } } }),
];
