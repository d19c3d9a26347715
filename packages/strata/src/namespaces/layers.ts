// The `layers` namespace, as keras.layers: the Layer base class, inputs, and every built-in layer with the
// type of its options.
// A TypeScript namespace, not `import * as`: the bundled .d.ts then declares it as it is, each class both a
// value and a type (rollup-plugin-dts rebuilds `import * as` namespaces from values alone).
import {
  Layer as Layer_,
  registerLambda as registerLambda_,
  unregisterLambda as unregisterLambda_,
} from '@strata/layers';
import type { LayerArgs as LayerArgs_, CallOptions as CallOptions_, InputSpec as InputSpec_ } from '@strata/layers';
import { InputLayer as InputLayer_, input as Input_ } from '@strata/graph';
import type { InputOptions as InputOptions_ } from '@strata/graph';
import {
  Dense as Dense_,
  Activation as Activation_,
  Embedding as Embedding_,
  Identity as Identity_,
  Lambda as Lambda_,
  EinsumDense as EinsumDense_,
  ReLU as ReLU_,
  LeakyReLU as LeakyReLU_,
  PReLU as PReLU_,
  ELU as ELU_,
  Softmax as Softmax_,
  Dropout as Dropout_,
  SpatialDropout1D as SpatialDropout1D_,
  SpatialDropout2D as SpatialDropout2D_,
  SpatialDropout3D as SpatialDropout3D_,
  GaussianNoise as GaussianNoise_,
  GaussianDropout as GaussianDropout_,
  ActivityRegularization as ActivityRegularization_,
  Conv1D as Conv1D_,
  Conv2D as Conv2D_,
  Conv3D as Conv3D_,
  Conv1DTranspose as Conv1DTranspose_,
  Conv2DTranspose as Conv2DTranspose_,
  Conv3DTranspose as Conv3DTranspose_,
  DepthwiseConv1D as DepthwiseConv1D_,
  DepthwiseConv2D as DepthwiseConv2D_,
  SeparableConv1D as SeparableConv1D_,
  SeparableConv2D as SeparableConv2D_,
  MaxPooling1D as MaxPooling1D_,
  MaxPooling2D as MaxPooling2D_,
  AveragePooling1D as AveragePooling1D_,
  AveragePooling2D as AveragePooling2D_,
  GlobalMaxPooling1D as GlobalMaxPooling1D_,
  GlobalMaxPooling2D as GlobalMaxPooling2D_,
  GlobalAveragePooling1D as GlobalAveragePooling1D_,
  GlobalAveragePooling2D as GlobalAveragePooling2D_,
  MaxPool1D as MaxPool1D_,
  MaxPool2D as MaxPool2D_,
  AvgPool1D as AvgPool1D_,
  AvgPool2D as AvgPool2D_,
  GlobalMaxPool1D as GlobalMaxPool1D_,
  GlobalMaxPool2D as GlobalMaxPool2D_,
  GlobalAvgPool1D as GlobalAvgPool1D_,
  GlobalAvgPool2D as GlobalAvgPool2D_,
  Flatten as Flatten_,
  Reshape as Reshape_,
  Permute as Permute_,
  RepeatVector as RepeatVector_,
  UpSampling1D as UpSampling1D_,
  UpSampling2D as UpSampling2D_,
  ZeroPadding1D as ZeroPadding1D_,
  ZeroPadding2D as ZeroPadding2D_,
  Cropping1D as Cropping1D_,
  Cropping2D as Cropping2D_,
  BatchNormalization as BatchNormalization_,
  LayerNormalization as LayerNormalization_,
  GroupNormalization as GroupNormalization_,
  UnitNormalization as UnitNormalization_,
  Add as Add_,
  Subtract as Subtract_,
  Multiply as Multiply_,
  Average as Average_,
  Maximum as Maximum_,
  Minimum as Minimum_,
  Concatenate as Concatenate_,
  Dot as Dot_,
  Rescaling as Rescaling_,
  Normalization as Normalization_,
  Resizing as Resizing_,
  CenterCrop as CenterCrop_,
  RNNCell as RNNCell_,
  RNN as RNN_,
  SimpleRNNCell as SimpleRNNCell_,
  SimpleRNN as SimpleRNN_,
  LSTMCell as LSTMCell_,
  LSTM as LSTM_,
  GRUCell as GRUCell_,
  GRU as GRU_,
  Bidirectional as Bidirectional_,
  TimeDistributed as TimeDistributed_,
  Attention as Attention_,
  AdditiveAttention as AdditiveAttention_,
  MultiHeadAttention as MultiHeadAttention_,
} from '@strata/layers';
import type {
  DenseArgs as DenseArgs_,
  ActivationArgs as ActivationArgs_,
  EmbeddingArgs as EmbeddingArgs_,
  LambdaFunction as LambdaFunction_,
  LambdaArgs as LambdaArgs_,
  EinsumDenseArgs as EinsumDenseArgs_,
  ReLUArgs as ReLUArgs_,
  LeakyReLUArgs as LeakyReLUArgs_,
  PReLUArgs as PReLUArgs_,
  ELUArgs as ELUArgs_,
  SoftmaxArgs as SoftmaxArgs_,
  SpatialDropoutArgs as SpatialDropoutArgs_,
  SpatialDropoutNdArgs as SpatialDropoutNdArgs_,
  DropoutArgs as DropoutArgs_,
  GaussianNoiseArgs as GaussianNoiseArgs_,
  GaussianDropoutArgs as GaussianDropoutArgs_,
  ActivityRegularizationArgs as ActivityRegularizationArgs_,
  DataFormat as DataFormat_,
  ConvPadding as ConvPadding_,
  Conv1DArgs as Conv1DArgs_,
  Conv2DArgs as Conv2DArgs_,
  Conv3DArgs as Conv3DArgs_,
  Conv1DTransposeArgs as Conv1DTransposeArgs_,
  Conv2DTransposeArgs as Conv2DTransposeArgs_,
  Conv3DTransposeArgs as Conv3DTransposeArgs_,
  DepthwiseConv1DArgs as DepthwiseConv1DArgs_,
  DepthwiseConv2DArgs as DepthwiseConv2DArgs_,
  SeparableConv1DArgs as SeparableConv1DArgs_,
  SeparableConv2DArgs as SeparableConv2DArgs_,
  MaxPooling1DArgs as MaxPooling1DArgs_,
  MaxPooling2DArgs as MaxPooling2DArgs_,
  AveragePooling1DArgs as AveragePooling1DArgs_,
  AveragePooling2DArgs as AveragePooling2DArgs_,
  GlobalMaxPooling1DArgs as GlobalMaxPooling1DArgs_,
  GlobalMaxPooling2DArgs as GlobalMaxPooling2DArgs_,
  GlobalAveragePooling1DArgs as GlobalAveragePooling1DArgs_,
  GlobalAveragePooling2DArgs as GlobalAveragePooling2DArgs_,
  FlattenArgs as FlattenArgs_,
  ReshapeArgs as ReshapeArgs_,
  PermuteArgs as PermuteArgs_,
  RepeatVectorArgs as RepeatVectorArgs_,
  UpSampling1DArgs as UpSampling1DArgs_,
  UpSampling2DArgs as UpSampling2DArgs_,
  UpSamplingInterpolation as UpSamplingInterpolation_,
  ZeroPadding1DArgs as ZeroPadding1DArgs_,
  ZeroPadding2DArgs as ZeroPadding2DArgs_,
  Cropping1DArgs as Cropping1DArgs_,
  Cropping2DArgs as Cropping2DArgs_,
  BatchNormalizationArgs as BatchNormalizationArgs_,
  LayerNormalizationArgs as LayerNormalizationArgs_,
  GroupNormalizationArgs as GroupNormalizationArgs_,
  UnitNormalizationArgs as UnitNormalizationArgs_,
  ConcatenateArgs as ConcatenateArgs_,
  DotArgs as DotArgs_,
  Interpolation as Interpolation_,
  RescalingArgs as RescalingArgs_,
  NormalizationArgs as NormalizationArgs_,
  ResizingArgs as ResizingArgs_,
  CenterCropArgs as CenterCropArgs_,
  CellStepOptions as CellStepOptions_,
  RNNArgs as RNNArgs_,
  RNNLayerArgs as RNNLayerArgs_,
  RNNCallOptions as RNNCallOptions_,
  SimpleRNNCellArgs as SimpleRNNCellArgs_,
  SimpleRNNArgs as SimpleRNNArgs_,
  LSTMCellArgs as LSTMCellArgs_,
  LSTMArgs as LSTMArgs_,
  GRUCellArgs as GRUCellArgs_,
  GRUArgs as GRUArgs_,
  BidirectionalArgs as BidirectionalArgs_,
  MergeMode as MergeMode_,
  TimeDistributedArgs as TimeDistributedArgs_,
  AttentionArgs as AttentionArgs_,
  AttentionCallOptions as AttentionCallOptions_,
  AdditiveAttentionArgs as AdditiveAttentionArgs_,
  MultiHeadAttentionArgs as MultiHeadAttentionArgs_,
  MultiHeadAttentionCallOptions as MultiHeadAttentionCallOptions_,
} from '@strata/layers';

export namespace layers {
  export const Layer = Layer_;
  export type Layer = Layer_;
  export const registerLambda = registerLambda_;
  export const unregisterLambda = unregisterLambda_;
  export type LayerArgs = LayerArgs_;
  export type CallOptions = CallOptions_;
  export type InputSpec = InputSpec_;
  export const InputLayer = InputLayer_;
  export type InputLayer = InputLayer_;
  export const Input = Input_;
  export type InputOptions = InputOptions_;
  export const Dense = Dense_;
  export type Dense = Dense_;
  export const Activation = Activation_;
  export type Activation = Activation_;
  export const Embedding = Embedding_;
  export type Embedding = Embedding_;
  export const Identity = Identity_;
  export type Identity = Identity_;
  export const Lambda = Lambda_;
  export type Lambda = Lambda_;
  export const EinsumDense = EinsumDense_;
  export type EinsumDense = EinsumDense_;
  export const ReLU = ReLU_;
  export type ReLU = ReLU_;
  export const LeakyReLU = LeakyReLU_;
  export type LeakyReLU = LeakyReLU_;
  export const PReLU = PReLU_;
  export type PReLU = PReLU_;
  export const ELU = ELU_;
  export type ELU = ELU_;
  export const Softmax = Softmax_;
  export type Softmax = Softmax_;
  export const Dropout = Dropout_;
  export type Dropout = Dropout_;
  export const SpatialDropout1D = SpatialDropout1D_;
  export type SpatialDropout1D = SpatialDropout1D_;
  export const SpatialDropout2D = SpatialDropout2D_;
  export type SpatialDropout2D = SpatialDropout2D_;
  export const SpatialDropout3D = SpatialDropout3D_;
  export type SpatialDropout3D = SpatialDropout3D_;
  export const GaussianNoise = GaussianNoise_;
  export type GaussianNoise = GaussianNoise_;
  export const GaussianDropout = GaussianDropout_;
  export type GaussianDropout = GaussianDropout_;
  export const ActivityRegularization = ActivityRegularization_;
  export type ActivityRegularization = ActivityRegularization_;
  export const Conv1D = Conv1D_;
  export type Conv1D = Conv1D_;
  export const Conv2D = Conv2D_;
  export type Conv2D = Conv2D_;
  export const Conv3D = Conv3D_;
  export type Conv3D = Conv3D_;
  export const Conv1DTranspose = Conv1DTranspose_;
  export type Conv1DTranspose = Conv1DTranspose_;
  export const Conv2DTranspose = Conv2DTranspose_;
  export type Conv2DTranspose = Conv2DTranspose_;
  export const Conv3DTranspose = Conv3DTranspose_;
  export type Conv3DTranspose = Conv3DTranspose_;
  export const DepthwiseConv1D = DepthwiseConv1D_;
  export type DepthwiseConv1D = DepthwiseConv1D_;
  export const DepthwiseConv2D = DepthwiseConv2D_;
  export type DepthwiseConv2D = DepthwiseConv2D_;
  export const SeparableConv1D = SeparableConv1D_;
  export type SeparableConv1D = SeparableConv1D_;
  export const SeparableConv2D = SeparableConv2D_;
  export type SeparableConv2D = SeparableConv2D_;
  export const MaxPooling1D = MaxPooling1D_;
  export type MaxPooling1D = MaxPooling1D_;
  export const MaxPooling2D = MaxPooling2D_;
  export type MaxPooling2D = MaxPooling2D_;
  export const AveragePooling1D = AveragePooling1D_;
  export type AveragePooling1D = AveragePooling1D_;
  export const AveragePooling2D = AveragePooling2D_;
  export type AveragePooling2D = AveragePooling2D_;
  export const GlobalMaxPooling1D = GlobalMaxPooling1D_;
  export type GlobalMaxPooling1D = GlobalMaxPooling1D_;
  export const GlobalMaxPooling2D = GlobalMaxPooling2D_;
  export type GlobalMaxPooling2D = GlobalMaxPooling2D_;
  export const GlobalAveragePooling1D = GlobalAveragePooling1D_;
  export type GlobalAveragePooling1D = GlobalAveragePooling1D_;
  export const GlobalAveragePooling2D = GlobalAveragePooling2D_;
  export type GlobalAveragePooling2D = GlobalAveragePooling2D_;
  export const MaxPool1D = MaxPool1D_;
  export type MaxPool1D = MaxPool1D_;
  export const MaxPool2D = MaxPool2D_;
  export type MaxPool2D = MaxPool2D_;
  export const AvgPool1D = AvgPool1D_;
  export type AvgPool1D = AvgPool1D_;
  export const AvgPool2D = AvgPool2D_;
  export type AvgPool2D = AvgPool2D_;
  export const GlobalMaxPool1D = GlobalMaxPool1D_;
  export type GlobalMaxPool1D = GlobalMaxPool1D_;
  export const GlobalMaxPool2D = GlobalMaxPool2D_;
  export type GlobalMaxPool2D = GlobalMaxPool2D_;
  export const GlobalAvgPool1D = GlobalAvgPool1D_;
  export type GlobalAvgPool1D = GlobalAvgPool1D_;
  export const GlobalAvgPool2D = GlobalAvgPool2D_;
  export type GlobalAvgPool2D = GlobalAvgPool2D_;
  export const Flatten = Flatten_;
  export type Flatten = Flatten_;
  export const Reshape = Reshape_;
  export type Reshape = Reshape_;
  export const Permute = Permute_;
  export type Permute = Permute_;
  export const RepeatVector = RepeatVector_;
  export type RepeatVector = RepeatVector_;
  export const UpSampling1D = UpSampling1D_;
  export type UpSampling1D = UpSampling1D_;
  export const UpSampling2D = UpSampling2D_;
  export type UpSampling2D = UpSampling2D_;
  export const ZeroPadding1D = ZeroPadding1D_;
  export type ZeroPadding1D = ZeroPadding1D_;
  export const ZeroPadding2D = ZeroPadding2D_;
  export type ZeroPadding2D = ZeroPadding2D_;
  export const Cropping1D = Cropping1D_;
  export type Cropping1D = Cropping1D_;
  export const Cropping2D = Cropping2D_;
  export type Cropping2D = Cropping2D_;
  export const BatchNormalization = BatchNormalization_;
  export type BatchNormalization = BatchNormalization_;
  export const LayerNormalization = LayerNormalization_;
  export type LayerNormalization = LayerNormalization_;
  export const GroupNormalization = GroupNormalization_;
  export type GroupNormalization = GroupNormalization_;
  export const UnitNormalization = UnitNormalization_;
  export type UnitNormalization = UnitNormalization_;
  export const Add = Add_;
  export type Add = Add_;
  export const Subtract = Subtract_;
  export type Subtract = Subtract_;
  export const Multiply = Multiply_;
  export type Multiply = Multiply_;
  export const Average = Average_;
  export type Average = Average_;
  export const Maximum = Maximum_;
  export type Maximum = Maximum_;
  export const Minimum = Minimum_;
  export type Minimum = Minimum_;
  export const Concatenate = Concatenate_;
  export type Concatenate = Concatenate_;
  export const Dot = Dot_;
  export type Dot = Dot_;
  export const Rescaling = Rescaling_;
  export type Rescaling = Rescaling_;
  export const Normalization = Normalization_;
  export type Normalization = Normalization_;
  export const Resizing = Resizing_;
  export type Resizing = Resizing_;
  export const CenterCrop = CenterCrop_;
  export type CenterCrop = CenterCrop_;
  export const RNNCell = RNNCell_;
  export type RNNCell = RNNCell_;
  export const RNN = RNN_;
  export type RNN = RNN_;
  export const SimpleRNNCell = SimpleRNNCell_;
  export type SimpleRNNCell = SimpleRNNCell_;
  export const SimpleRNN = SimpleRNN_;
  export type SimpleRNN = SimpleRNN_;
  export const LSTMCell = LSTMCell_;
  export type LSTMCell = LSTMCell_;
  export const LSTM = LSTM_;
  export type LSTM = LSTM_;
  export const GRUCell = GRUCell_;
  export type GRUCell = GRUCell_;
  export const GRU = GRU_;
  export type GRU = GRU_;
  export const Bidirectional = Bidirectional_;
  export type Bidirectional = Bidirectional_;
  export const TimeDistributed = TimeDistributed_;
  export type TimeDistributed = TimeDistributed_;
  export const Attention = Attention_;
  export type Attention = Attention_;
  export const AdditiveAttention = AdditiveAttention_;
  export type AdditiveAttention = AdditiveAttention_;
  export const MultiHeadAttention = MultiHeadAttention_;
  export type MultiHeadAttention = MultiHeadAttention_;
  export type DenseArgs = DenseArgs_;
  export type ActivationArgs = ActivationArgs_;
  export type EmbeddingArgs = EmbeddingArgs_;
  export type LambdaFunction = LambdaFunction_;
  export type LambdaArgs = LambdaArgs_;
  export type EinsumDenseArgs = EinsumDenseArgs_;
  export type ReLUArgs = ReLUArgs_;
  export type LeakyReLUArgs = LeakyReLUArgs_;
  export type PReLUArgs = PReLUArgs_;
  export type ELUArgs = ELUArgs_;
  export type SoftmaxArgs = SoftmaxArgs_;
  export type SpatialDropoutArgs = SpatialDropoutArgs_;
  export type SpatialDropoutNdArgs = SpatialDropoutNdArgs_;
  export type DropoutArgs = DropoutArgs_;
  export type GaussianNoiseArgs = GaussianNoiseArgs_;
  export type GaussianDropoutArgs = GaussianDropoutArgs_;
  export type ActivityRegularizationArgs = ActivityRegularizationArgs_;
  export type DataFormat = DataFormat_;
  export type ConvPadding = ConvPadding_;
  export type Conv1DArgs = Conv1DArgs_;
  export type Conv2DArgs = Conv2DArgs_;
  export type Conv3DArgs = Conv3DArgs_;
  export type Conv1DTransposeArgs = Conv1DTransposeArgs_;
  export type Conv2DTransposeArgs = Conv2DTransposeArgs_;
  export type Conv3DTransposeArgs = Conv3DTransposeArgs_;
  export type DepthwiseConv1DArgs = DepthwiseConv1DArgs_;
  export type DepthwiseConv2DArgs = DepthwiseConv2DArgs_;
  export type SeparableConv1DArgs = SeparableConv1DArgs_;
  export type SeparableConv2DArgs = SeparableConv2DArgs_;
  export type MaxPooling1DArgs = MaxPooling1DArgs_;
  export type MaxPooling2DArgs = MaxPooling2DArgs_;
  export type AveragePooling1DArgs = AveragePooling1DArgs_;
  export type AveragePooling2DArgs = AveragePooling2DArgs_;
  export type GlobalMaxPooling1DArgs = GlobalMaxPooling1DArgs_;
  export type GlobalMaxPooling2DArgs = GlobalMaxPooling2DArgs_;
  export type GlobalAveragePooling1DArgs = GlobalAveragePooling1DArgs_;
  export type GlobalAveragePooling2DArgs = GlobalAveragePooling2DArgs_;
  export type FlattenArgs = FlattenArgs_;
  export type ReshapeArgs = ReshapeArgs_;
  export type PermuteArgs = PermuteArgs_;
  export type RepeatVectorArgs = RepeatVectorArgs_;
  export type UpSampling1DArgs = UpSampling1DArgs_;
  export type UpSampling2DArgs = UpSampling2DArgs_;
  export type UpSamplingInterpolation = UpSamplingInterpolation_;
  export type ZeroPadding1DArgs = ZeroPadding1DArgs_;
  export type ZeroPadding2DArgs = ZeroPadding2DArgs_;
  export type Cropping1DArgs = Cropping1DArgs_;
  export type Cropping2DArgs = Cropping2DArgs_;
  export type BatchNormalizationArgs = BatchNormalizationArgs_;
  export type LayerNormalizationArgs = LayerNormalizationArgs_;
  export type GroupNormalizationArgs = GroupNormalizationArgs_;
  export type UnitNormalizationArgs = UnitNormalizationArgs_;
  export type ConcatenateArgs = ConcatenateArgs_;
  export type DotArgs = DotArgs_;
  export type Interpolation = Interpolation_;
  export type RescalingArgs = RescalingArgs_;
  export type NormalizationArgs = NormalizationArgs_;
  export type ResizingArgs = ResizingArgs_;
  export type CenterCropArgs = CenterCropArgs_;
  export type CellStepOptions = CellStepOptions_;
  export type RNNArgs = RNNArgs_;
  export type RNNLayerArgs = RNNLayerArgs_;
  export type RNNCallOptions = RNNCallOptions_;
  export type SimpleRNNCellArgs = SimpleRNNCellArgs_;
  export type SimpleRNNArgs = SimpleRNNArgs_;
  export type LSTMCellArgs = LSTMCellArgs_;
  export type LSTMArgs = LSTMArgs_;
  export type GRUCellArgs = GRUCellArgs_;
  export type GRUArgs = GRUArgs_;
  export type BidirectionalArgs = BidirectionalArgs_;
  export type MergeMode = MergeMode_;
  export type TimeDistributedArgs = TimeDistributedArgs_;
  export type AttentionArgs = AttentionArgs_;
  export type AttentionCallOptions = AttentionCallOptions_;
  export type AdditiveAttentionArgs = AdditiveAttentionArgs_;
  export type MultiHeadAttentionArgs = MultiHeadAttentionArgs_;
  export type MultiHeadAttentionCallOptions = MultiHeadAttentionCallOptions_;
}
