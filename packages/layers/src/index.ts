// @strata/layers: the public API, by name. Registry plumbing, base classes of the built-in layers and the
// helpers sibling packages share are in '@strata/layers/internal'.

// The Layer base class, its options and errors
export {
  Layer,
  type LayerArgs,
  type CallOptions,
  type LayerInput,
  type LayerInputs,
  type AddWeightOptions,
  type ShapeOrShapes,
} from './layer';
export type { InputSpec } from './input-spec';
export { LayerError } from './errors';
export { clearSession } from './naming';

// Configs: serializing and building layers from them
export { type SerializedObject, type Configurable, serialize } from './serializable';
export { layerFromConfig, type LayerClass, type LayerResolver, type FromConfigOptions } from './layer-catalog';

// Activations (also as the `activations` namespace)
import * as activations from './activations';
export { activations };
export {
  getActivation,
  serializeActivation,
  type Activation as ActivationFunction,
  type ActivationIdentifier,
} from './activations';

// Initializers
export {
  getInitializer,
  Initializer,
  Zeros,
  Ones,
  Constant,
  RandomNormal,
  RandomUniform,
  TruncatedNormal,
  VarianceScaling,
  GlorotUniform,
  GlorotNormal,
  HeUniform,
  HeNormal,
  LecunUniform,
  LecunNormal,
  IdentityInitializer,
  Orthogonal,
  type InitializerIdentifier,
} from './initializers';

// Regularizers
export { getRegularizer, Regularizer, L1, L2, L1L2, type RegularizerIdentifier } from './regularizers';

// Constraints
export {
  getConstraint,
  Constraint,
  MaxNorm,
  MinMaxNorm,
  NonNeg,
  UnitNorm,
  type ConstraintIdentifier,
} from './constraints';

// Layers: core
export {
  type DenseArgs,
  Dense,
  type ActivationArgs,
  Activation,
  type EmbeddingArgs,
  Embedding,
  Identity,
  registerLambda,
  unregisterLambda,
  type LambdaFunction,
  type LambdaArgs,
  Lambda,
  type EinsumDenseArgs,
  EinsumDense,
} from './layers/core';

// Layers: activations
export {
  type ReLUArgs,
  ReLU,
  type LeakyReLUArgs,
  LeakyReLU,
  type PReLUArgs,
  PReLU,
  type ELUArgs,
  ELU,
  type SoftmaxArgs,
  Softmax,
} from './layers/activations';

// Layers: regularization
export {
  type SpatialDropoutArgs,
  type SpatialDropoutNdArgs,
  type DropoutArgs,
  Dropout,
  SpatialDropout1D,
  SpatialDropout2D,
  SpatialDropout3D,
  type GaussianNoiseArgs,
  GaussianNoise,
  type GaussianDropoutArgs,
  GaussianDropout,
  type ActivityRegularizationArgs,
  ActivityRegularization,
} from './layers/regularization';

// Layers: convolution
export {
  type DataFormat,
  type ConvPadding,
  Conv1D,
  type Conv1DArgs,
  Conv2D,
  type Conv2DArgs,
  Conv3D,
  type Conv3DArgs,
  Conv1DTranspose,
  type Conv1DTransposeArgs,
  Conv2DTranspose,
  type Conv2DTransposeArgs,
  Conv3DTranspose,
  type Conv3DTransposeArgs,
  DepthwiseConv1D,
  type DepthwiseConv1DArgs,
  DepthwiseConv2D,
  type DepthwiseConv2DArgs,
  SeparableConv1D,
  type SeparableConv1DArgs,
  SeparableConv2D,
  type SeparableConv2DArgs,
} from './layers/convolutional';

// Layers: pooling
export {
  MaxPooling1D,
  type MaxPooling1DArgs,
  MaxPooling2D,
  type MaxPooling2DArgs,
  AveragePooling1D,
  type AveragePooling1DArgs,
  AveragePooling2D,
  type AveragePooling2DArgs,
  GlobalMaxPooling1D,
  type GlobalMaxPooling1DArgs,
  GlobalMaxPooling2D,
  type GlobalMaxPooling2DArgs,
  GlobalAveragePooling1D,
  type GlobalAveragePooling1DArgs,
  GlobalAveragePooling2D,
  type GlobalAveragePooling2DArgs,
  MaxPool1D,
  MaxPool2D,
  AvgPool1D,
  AvgPool2D,
  GlobalMaxPool1D,
  GlobalMaxPool2D,
  GlobalAvgPool1D,
  GlobalAvgPool2D,
} from './layers/pooling';

// Layers: reshaping
export {
  Flatten,
  type FlattenArgs,
  Reshape,
  type ReshapeArgs,
  Permute,
  type PermuteArgs,
  RepeatVector,
  type RepeatVectorArgs,
  UpSampling1D,
  type UpSampling1DArgs,
  UpSampling2D,
  type UpSampling2DArgs,
  type UpSamplingInterpolation,
  ZeroPadding1D,
  type ZeroPadding1DArgs,
  ZeroPadding2D,
  type ZeroPadding2DArgs,
  Cropping1D,
  type Cropping1DArgs,
  Cropping2D,
  type Cropping2DArgs,
} from './layers/reshaping';

// Layers: normalization
export {
  type BatchNormalizationArgs,
  BatchNormalization,
  type LayerNormalizationArgs,
  LayerNormalization,
  type GroupNormalizationArgs,
  GroupNormalization,
  type UnitNormalizationArgs,
  UnitNormalization,
} from './layers/normalization';

// Layers: merging
export {
  Add,
  Subtract,
  Multiply,
  Average,
  Maximum,
  Minimum,
  type ConcatenateArgs,
  Concatenate,
  type DotArgs,
  Dot,
} from './layers/merging';

// Layers: preprocessing
export {
  type Interpolation,
  type RescalingArgs,
  Rescaling,
  type NormalizationArgs,
  Normalization,
  type ResizingArgs,
  Resizing,
  type CenterCropArgs,
  CenterCrop,
} from './layers/preprocessing';

// Layers: recurrent
export {
  RNNCell,
  type CellStepOptions,
  RNN,
  type RNNArgs,
  type RNNLayerArgs,
  type RNNCallOptions,
  SimpleRNNCell,
  type SimpleRNNCellArgs,
  SimpleRNN,
  type SimpleRNNArgs,
  LSTMCell,
  type LSTMCellArgs,
  LSTM,
  type LSTMArgs,
  GRUCell,
  type GRUCellArgs,
  GRU,
  type GRUArgs,
  Bidirectional,
  type BidirectionalArgs,
  type MergeMode,
  TimeDistributed,
  type TimeDistributedArgs,
} from './layers/rnn';

// Layers: attention
export {
  Attention,
  type AttentionArgs,
  type AttentionCallOptions,
  AdditiveAttention,
  type AdditiveAttentionArgs,
  MultiHeadAttention,
  type MultiHeadAttentionArgs,
  type MultiHeadAttentionCallOptions,
} from './layers/attention';
