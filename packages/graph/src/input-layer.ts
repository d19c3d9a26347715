import type { DType, Dim } from '@strata/tensor';
import { DTYPES, fmtShape } from '@strata/tensor/internal';
import { Layer, LayerError, type LayerArgs } from '@strata/layers';
import { InputNode } from './node';
import { registerNode } from './collect';
import type { SymbolicTensor } from './symbolic-tensor';

/** Options of {@link input}: the shape of one sample (or the whole batch shape), dtype and name. */
export interface InputOptions {
  /** The shape of one sample, without the batch axis; null where any size is allowed. */
  shape?: readonly Dim[];
  /** A fixed batch size (default: any). */
  batchSize?: number;
  /** The full shape, batch axis first: instead of `shape` and `batchSize`. */
  batchShape?: readonly Dim[];
  /** The dtype of the values the input will receive. Default: 'float32'. */
  dtype?: DType;
  /** The name of its InputLayer (and of the model input). Default: `input_layer`, `input_layer_1`, ... */
  name?: string;
}

function checkShape(what: string, shape: unknown): readonly Dim[] {
  const ok = Array.isArray(shape) && shape.every((d) => d === null || (Number.isInteger(d) && d >= 0));
  if (!ok)
    throw new LayerError(
      `input: ${what} must be a list of non-negative integers or nulls, received ${JSON.stringify(shape)}`,
    );
  return shape as readonly Dim[];
}

/**
 * Where a functional model starts: a layer with no computation whose output is the model's input.
 * @example
 * ```ts
 * const layer = new InputLayer({ inputShape: [28, 28, 1] });
 * layer.output.shape; // [null, 28, 28, 1]
 * ```
 */
export class InputLayer extends Layer {
  /** The class name in saved configs (Keras's). */
  static override className = 'InputLayer';

  constructor(args: LayerArgs & { batchShape?: readonly Dim[] } = {}) {
    const batchInputShape =
      args.batchShape ??
      args.batchInputShape ??
      (args.inputShape ? [args.batchSize ?? null, ...args.inputShape] : undefined);
    if (batchInputShape === undefined) {
      throw new LayerError(
        'InputLayer: give its shape: inputShape (without the batch axis) or batchInputShape (with it)',
      );
    }
    checkShape('batchInputShape', batchInputShape);
    if (args.dtype !== undefined && !DTYPES.includes(args.dtype)) {
      throw new LayerError(`input: dtype must be one of ${DTYPES.join(', ')}, received ${JSON.stringify(args.dtype)}`);
    }
    super({ name: args.name, dtype: args.dtype, batchInputShape });
    this.built = true;
    const node = new InputNode(this);
    this.recordInboundCall([], node.setOutputs([{ shape: [...batchInputShape], dtype: this.dtype }])[0]);
    registerNode(node);
  }

  /** The symbolic tensor this layer stands for. */
  override get output(): SymbolicTensor {
    return this.getOutputAt(0) as SymbolicTensor;
  }

  override getConfig(): Record<string, unknown> {
    return { ...super.getConfig(), sparse: false };
  }

  /** `InputLayer(name=input_layer, shape=[null,784])`. */
  override toString(): string {
    return `InputLayer(name=${this.name}, shape=${fmtShape(this.batchInputShape ?? [])})`;
  }
}

/**
 * A symbolic input of a graph (Keras's `keras.Input`): `input({shape: [784]})` stands for a batch of
 * 784-vectors, shape [null, 784]. Apply layers and ops to it, then make a model of the result.
 * @example
 * ```ts
 * const images = input({ shape: [28, 28, 1], name: 'images' });
 * const tokens = input({ shape: [null], dtype: 'int32' }); // variable-length sequences
 * ```
 */
export function input(options: InputOptions): SymbolicTensor {
  if (typeof options !== 'object' || options === null)
    throw new LayerError(`input: expected options like {shape: [784]}, received ${JSON.stringify(options)}`);
  const { shape, batchSize, batchShape, dtype, name } = options;
  if (shape !== undefined && batchShape !== undefined)
    throw new LayerError('input: pass shape (without the batch axis) or batchShape (with it), not both');
  if (shape === undefined && batchShape === undefined)
    throw new LayerError(
      'input: pass shape, the shape of one sample without the batch axis (e.g. {shape: [784]}), or batchShape',
    );
  if (batchSize !== undefined && !(Number.isInteger(batchSize) && batchSize > 0))
    throw new LayerError(`input: batchSize must be a positive integer, received ${JSON.stringify(batchSize)}`);
  const full =
    batchShape !== undefined
      ? checkShape('batchShape', batchShape)
      : [batchSize ?? null, ...checkShape('shape', shape)];
  return new InputLayer({ batchShape: full, dtype, name }).output;
}
