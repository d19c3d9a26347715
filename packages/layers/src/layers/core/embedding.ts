import { cast, gather, notEqual, type Shape, type Tensor, type Variable } from '@strata/tensor';
import { Layer, type CallOptions, type LayerArgs, type ShapeOrShapes } from '../../layer';
import { LayerError } from '../../errors';
import { weightConfig, weightSettings, type WeightArgs, type WeightSettings } from '../../weight-settings';
import { checkNumber } from './option-checks';

/** Embedding's options; `embeddingsInitializer` defaults to 'uniform' (RandomUniform in ±0.05), as Keras. */
export interface EmbeddingArgs extends LayerArgs, WeightArgs<'embeddings'> {
  /** The vocabulary size: indices are in [0, inputDim). */
  inputDim: number;
  /** The size of each embedding vector. */
  outputDim: number;
  /** Index 0 is padding: the output mask is `inputs != 0` (so inputDim counts it). */
  maskZero?: boolean;
  /** Deprecated in Keras 3 and ignored; accepted so Keras 2 and TensorFlow.js configs load. */
  inputLength?: number | null;
}

/**
 * Turns integer indices into dense vectors: row `i` of the `embeddings` weight for index `i`.
 *
 * Input: integer indices of any shape, [batch, ...]. Output: [batch, ..., outputDim]. Weights: `embeddings` [inputDim,
 * outputDim].
 *
 * @example
 * ```ts
 * const model = new Sequential([
 *   input({ shape: [20], dtype: 'int32' }),
 *   new Embedding({ inputDim: 1000, outputDim: 64, maskZero: true }), // [batch, 20, 64]
 *   new LSTM({ units: 32 }),
 * ]);
 * ```
 */
export class Embedding extends Layer {
  static override className = 'Embedding';
  /** The vocabulary size. */
  readonly inputDim: number;
  /** The size of each embedding vector. */
  readonly outputDim: number;
  /** The embedding matrix's initializer, regularizer and constraint. */
  readonly embeddingsSettings: WeightSettings;
  /** Whether index 0 is padding (the output carries a mask). */
  readonly maskZero: boolean;
  /** The embedding matrix [inputDim, outputDim]; created by build(). */
  embeddings!: Variable;

  constructor(args: EmbeddingArgs) {
    super(args);
    this.inputDim = checkNumber('Embedding', 'inputDim', args?.inputDim, undefined, { integer: true, min: 1 });
    this.outputDim = checkNumber('Embedding', 'outputDim', args.outputDim, undefined, { integer: true, min: 1 });
    this.embeddingsSettings = weightSettings(args, 'embeddings', 'uniform');
    if (args.maskZero !== undefined && typeof args.maskZero !== 'boolean')
      throw new LayerError(`Embedding: maskZero must be a boolean, received ${JSON.stringify(args.maskZero)}`);
    this.maskZero = args.maskZero ?? false;
    this.supportsMasking = this.maskZero;
  }

  override build(): void {
    this.embeddings = this.addWeight('embeddings', [this.inputDim, this.outputDim], this.embeddingsSettings);
    this.built = true;
  }

  override call(inputs: Tensor): Tensor {
    // Float indices (a Sequential fed float data) are truncated, as Keras casts them.
    const indices = inputs.dtype === 'int32' ? inputs : cast(inputs, 'int32');
    return gather(this.embeddings, indices, 0);
  }

  override computeMask(inputs: Tensor | Tensor[], _mask: CallOptions['mask']): Tensor | null {
    return this.maskZero ? notEqual(inputs as Tensor, 0) : null;
  }

  override computeOutputShape(inputShape: ShapeOrShapes): Shape {
    return [...(inputShape as Shape), this.outputDim];
  }

  override getConfig(): Record<string, unknown> {
    return {
      ...super.getConfig(),
      inputDim: this.inputDim,
      outputDim: this.outputDim,
      ...weightConfig({ embeddings: this.embeddingsSettings }),
      maskZero: this.maskZero,
    };
  }
}
