// A spot-check of Keras 3's public API, namespace by namespace, as `keras name` or `keras name=strata
// name` where Strata spells it otherwise (snake_case functions are camelCase here unless mapped).
// api.test.ts checks that each Keras name exists in Keras itself (keras_names.py) and that the strata
// umbrella has the Strata name in the same namespace.
const SPOT_CHECK: Record<string, string> = {
  '': 'Model Sequential Input Layer Loss Metric Optimizer Initializer Regularizer Variable',
  layers:
    'Layer Input InputLayer Dense EinsumDense Embedding Activation Identity Lambda Conv1D Conv2D Conv3D ' +
    'Conv1DTranspose Conv2DTranspose Conv3DTranspose DepthwiseConv1D DepthwiseConv2D SeparableConv1D ' +
    'SeparableConv2D MaxPooling1D MaxPooling2D AveragePooling1D AveragePooling2D GlobalMaxPooling1D ' +
    'GlobalMaxPooling2D GlobalAveragePooling1D GlobalAveragePooling2D MaxPool2D AvgPool2D Flatten Reshape ' +
    'Permute RepeatVector UpSampling1D UpSampling2D ZeroPadding1D ZeroPadding2D Cropping1D Cropping2D ' +
    'Dropout SpatialDropout1D SpatialDropout2D SpatialDropout3D GaussianNoise GaussianDropout ' +
    'ActivityRegularization BatchNormalization LayerNormalization GroupNormalization UnitNormalization ' +
    'ReLU LeakyReLU PReLU ELU Softmax Add Subtract Multiply Average Maximum Minimum Concatenate Dot RNN ' +
    'SimpleRNN SimpleRNNCell LSTM LSTMCell GRU GRUCell Bidirectional TimeDistributed Attention ' +
    'AdditiveAttention MultiHeadAttention Rescaling Normalization Resizing CenterCrop',
  losses:
    'Loss MeanSquaredError MeanAbsoluteError MeanAbsolutePercentageError ' +
    'MeanSquaredLogarithmicError Huber LogCosh CosineSimilarity BinaryCrossentropy ' +
    'CategoricalCrossentropy SparseCategoricalCrossentropy KLDivergence Poisson Hinge SquaredHinge ' +
    'CategoricalHinge mean_squared_error mean_absolute_error binary_crossentropy categorical_crossentropy ' +
    'sparse_categorical_crossentropy huber log_cosh poisson hinge squared_hinge categorical_hinge ' +
    'cosine_similarity get',
  metrics:
    'Metric Mean Sum MeanMetricWrapper Accuracy BinaryAccuracy CategoricalAccuracy ' +
    'SparseCategoricalAccuracy TopKCategoricalAccuracy SparseTopKCategoricalAccuracy MeanSquaredError ' +
    'MeanAbsoluteError RootMeanSquaredError Precision Recall AUC F1Score FBetaScore binary_accuracy ' +
    'categorical_accuracy sparse_categorical_accuracy top_k_categorical_accuracy ' +
    'sparse_top_k_categorical_accuracy get',
  optimizers: 'Optimizer SGD Adam AdamW Adamax Nadam RMSprop Adagrad Adadelta Lion get',
  'optimizers.schedules':
    'LearningRateSchedule ExponentialDecay PiecewiseConstantDecay PolynomialDecay InverseTimeDecay ' +
    'CosineDecay CosineDecayRestarts',
  callbacks:
    'Callback CallbackList History EarlyStopping ModelCheckpoint ReduceLROnPlateau LearningRateScheduler ' +
    'CSVLogger TerminateOnNaN BackupAndRestore LambdaCallback TensorBoard',
  ops:
    'add subtract=sub multiply=mul divide=div matmul dot einsum sum mean max min prod argmax=argMax ' +
    'argmin=argMin cumsum logsumexp=logSumExp reshape transpose concatenate=concat stack squeeze ' +
    'expand_dims tile pad slice split take=gather one_hot top_k where cast clip=clipByValue maximum ' +
    'minimum abs square sqrt exp log log1p sign floor ceil round sin cos tanh erf equal not_equal greater ' +
    'less logical_and relu relu6 sigmoid softplus elu selu leaky_relu softmax log_softmax conv=conv2d ' +
    'depthwise_conv=depthwiseConv2d separable_conv=separableConv2d conv_transpose=conv2dTranspose ' +
    'max_pool=maxPool average_pool=avgPool',
  initializers:
    'Initializer Zeros Ones Constant RandomNormal RandomUniform TruncatedNormal VarianceScaling ' +
    'GlorotUniform GlorotNormal HeUniform HeNormal LecunUniform LecunNormal IdentityInitializer ' +
    'Orthogonal get',
  regularizers: 'Regularizer L1 L2 L1L2 get',
  constraints: 'Constraint MaxNorm MinMaxNorm NonNeg UnitNorm get',
  activations:
    'linear relu relu6 leaky_relu elu selu sigmoid tanh softplus softsign exponential hard_sigmoid ' +
    'hard_silu hard_swish silu swish mish gelu softmax log_softmax get serialize',
  applications: 'MobileNetV2=MobileNetV2 ResNet50=ResNet50',
  utils: 'plot_model model_to_dot clear_session set_random_seed',
};

/** Keras 3's names by namespace, as entries. */
export const KERAS_SPOT_CHECK: Record<string, string[]> = Object.fromEntries(
  Object.entries(SPOT_CHECK).map(([namespace, names]) => [namespace, names.split(' ')]),
);

/** The Strata name of a spot-check entry: the mapped one, else snake_case in camelCase. */
export function strataName(entry: string): string {
  const [keras, mapped] = entry.split('=');
  return mapped ?? keras.replace(/_([a-z0-9])/g, (_, c: string) => c.toUpperCase());
}

/** The Keras name of a spot-check entry. */
export const kerasName = (entry: string): string => entry.split('=')[0];
