// The built-in layer classes, listed by hand: the one table that every resolver of a layer class
// name reads (wrapper configs here, model configs in @strata/models, files in
// @strata/serialization). An explicit list, not a scan of the package's exports or a registration
// on import: a bundler that drops unused modules keeps every class a config can name.
import type { Layer } from './layer';
import { LayerError } from './errors';
import { identifierKey, type SerializedObject } from './serializable';
import {
  Activation,
  ActivityRegularization,
  Add,
  AdditiveAttention,
  Attention,
  Average,
  AveragePooling1D,
  AveragePooling2D,
  BatchNormalization,
  Bidirectional,
  CenterCrop,
  Concatenate,
  Conv1D,
  Conv1DTranspose,
  Conv2D,
  Conv2DTranspose,
  Conv3D,
  Conv3DTranspose,
  Cropping1D,
  Cropping2D,
  Dense,
  DepthwiseConv1D,
  DepthwiseConv2D,
  Dot,
  Dropout,
  ELU,
  EinsumDense,
  Embedding,
  Flatten,
  GRU,
  GRUCell,
  GaussianDropout,
  GaussianNoise,
  GlobalAveragePooling1D,
  GlobalAveragePooling2D,
  GlobalMaxPooling1D,
  GlobalMaxPooling2D,
  GroupNormalization,
  Identity,
  LSTM,
  LSTMCell,
  Lambda,
  LayerNormalization,
  LeakyReLU,
  MaxPooling1D,
  MaxPooling2D,
  Maximum,
  Minimum,
  MultiHeadAttention,
  Multiply,
  Normalization,
  PReLU,
  Permute,
  RNN,
  ReLU,
  RepeatVector,
  Rescaling,
  Reshape,
  Resizing,
  SeparableConv1D,
  SeparableConv2D,
  SimpleRNN,
  SimpleRNNCell,
  Softmax,
  SpatialDropout1D,
  SpatialDropout2D,
  SpatialDropout3D,
  Subtract,
  TimeDistributed,
  UnitNormalization,
  UpSampling1D,
  UpSampling2D,
  ZeroPadding1D,
  ZeroPadding2D,
} from './layers';

/** A layer class as a config names it: constructible from its config, with its Keras class name. */
export type LayerClass = (new (
  args: never,
) => Layer) & {
  /** The Keras class name configs use (`'Dense'`). */
  className: string;
  /** Builds the layer from a config, for classes whose config holds other layers. */
  fromConfig?: (config: Record<string, unknown>, options?: FromConfigOptions) => Layer;
};

/** Turns `{className, config}` into a layer: @strata/serialization passes one that knows registered classes. */
export type LayerResolver = (serialized: SerializedObject) => Layer;

/** What `fromConfig` of a layer holding other layers (a wrapper, a model) takes. */
export interface FromConfigOptions {
  /** Resolves the layers named inside the config (default: the built-in layers). */
  resolveLayer?: LayerResolver;
}

let table: Map<string, LayerClass> | null = null;

/**
 * Every built-in layer class of @strata/layers (abstract bases, as BaseConv, are no class a config
 * names). Built on first use: the wrappers that read it are among the classes it lists.
 *
 * @example
 * ```ts
 * builtInLayerClasses().map((cls) => cls.className); // every built-in layer: 'Dense', 'Conv2D', 'LSTM', ...
 * ```
 */
export function builtInLayerClasses(): readonly LayerClass[] {
  return [...classTable().values()];
}

function classTable(): Map<string, LayerClass> {
  if (!table) {
    const classes: LayerClass[] = [
      Activation,
      ActivityRegularization,
      Add,
      AdditiveAttention,
      Attention,
      Average,
      AveragePooling1D,
      AveragePooling2D,
      BatchNormalization,
      Bidirectional,
      CenterCrop,
      Concatenate,
      Conv1D,
      Conv1DTranspose,
      Conv2D,
      Conv2DTranspose,
      Conv3D,
      Conv3DTranspose,
      Cropping1D,
      Cropping2D,
      Dense,
      DepthwiseConv1D,
      DepthwiseConv2D,
      Dot,
      Dropout,
      ELU,
      EinsumDense,
      Embedding,
      Flatten,
      GRU,
      GRUCell,
      GaussianDropout,
      GaussianNoise,
      GlobalAveragePooling1D,
      GlobalAveragePooling2D,
      GlobalMaxPooling1D,
      GlobalMaxPooling2D,
      GroupNormalization,
      Identity,
      LSTM,
      LSTMCell,
      Lambda,
      LayerNormalization,
      LeakyReLU,
      MaxPooling1D,
      MaxPooling2D,
      Maximum,
      Minimum,
      MultiHeadAttention,
      Multiply,
      Normalization,
      PReLU,
      Permute,
      RNN,
      ReLU,
      RepeatVector,
      Rescaling,
      Reshape,
      Resizing,
      SeparableConv1D,
      SeparableConv2D,
      SimpleRNN,
      SimpleRNNCell,
      Softmax,
      SpatialDropout1D,
      SpatialDropout2D,
      SpatialDropout3D,
      Subtract,
      TimeDistributed,
      UnitNormalization,
      UpSampling1D,
      UpSampling2D,
      ZeroPadding1D,
      ZeroPadding2D,
    ] as unknown as LayerClass[];
    table = new Map(classes.map((cls) => [cls.className, cls]));
  }
  return table;
}

let loose: Map<string, LayerClass> | null = null;

/**
 * A built-in layer class by its Keras class name (exactly, else ignoring case and underscores).
 *
 * @example
 * ```ts
 * const Cls = builtInLayerClass('Dense'); // Dense
 * const layer = layerFromConfig(Cls!, { units: 4 }, resolveBuiltInLayerClass);
 * ```
 */
export function builtInLayerClass(className: string): LayerClass | undefined {
  const exact = classTable().get(className);
  if (exact) return exact;
  loose ??= new Map([...classTable().values()].map((cls) => [identifierKey(cls.className), cls]));
  return loose.get(identifierKey(className));
}

/**
 * Builds a layer of `cls` from its config, nested layers resolved by `resolveLayer`.
 *
 * @example
 * ```ts
 * const copy = layerFromConfig(Dense, dense.getConfig(), resolveBuiltInLayerClass); // same options, new weights
 * ```
 */
export function layerFromConfig(cls: LayerClass, config: Record<string, unknown>, resolveLayer: LayerResolver): Layer {
  return cls.fromConfig ? cls.fromConfig(config, { resolveLayer }) : new cls(config as never);
}

/** The default resolver: built-in layer classes only, and the layers nested in them through itself. */
export const resolveBuiltInLayerClass: LayerResolver = (serialized: SerializedObject): Layer => {
  const cls = builtInLayerClass(serialized.className);
  if (!cls) {
    throw new LayerError(
      `unknown layer class "${serialized.className}": only built-in classes resolve here; give an instance, or rebuild` +
        ` with fromConfig(config, {resolveLayer}) (as @strata/serialization does for registered classes)`,
    );
  }
  return layerFromConfig(cls, serialized.config, resolveBuiltInLayerClass);
};
