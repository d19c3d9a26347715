import { add, concat, mul, reverse, type Shape, type Tensor } from '@strata/tensor';
import { Layer, type CallOptions, type LayerArgs, type ShapeOrShapes } from '../../layer';
import { LayerError } from '../../errors';
import type { FromConfigOptions } from '../../layer-catalog';
import { isSerializedObject, serialize } from '../../serializable';
import { RNN, type RNNCallOptions } from './rnn';
import { deserializeNestedLayer, rebuildNestedLayer, resolveNested, type NestedLayer } from './nested-layers';

/** How Bidirectional combines its two outputs: joined, summed, multiplied, averaged, or null (both returned). */
export type MergeMode = 'concat' | 'sum' | 'mul' | 'ave' | null;
const MERGE_MODES: readonly MergeMode[] = ['concat', 'sum', 'mul', 'ave', null];

export interface BidirectionalArgs extends LayerArgs {
  /** The recurrent layer (or its config) run forwards; a copy of it with goBackwards runs backwards unless backwardLayer is given. */
  layer: NestedLayer<RNN>;
  /** How the two outputs combine; null returns both. Default 'concat'. */
  mergeMode?: MergeMode;
  /** The layer run backwards: it must have goBackwards opposite to `layer`'s and the same stateful, returnSequences and returnState. */
  backwardLayer?: NestedLayer<RNN> | null;
}

/** Forward layers fromConfig made from the config for a new wrapper: taken as they are, not copied again. */
const fromConfigCopies = new WeakSet<Layer>();

function withoutPrefix(name: string, prefix: string): string {
  return name.startsWith(prefix) ? name.slice(prefix.length) : name;
}

/**
 * Runs a recurrent layer forwards and a copy backwards over the same sequence and merges the two
 * outputs (Keras's Bidirectional). Weights: the forward layer's, then the backward layer's.
 * With returnSequences, masked steps output zeros on both sides (as Keras forces).
 *
 * Output: the wrapped layer's output with the last axis doubled by `'concat'` (kept by the other modes); with mergeMode
 * null, the two outputs as a list.
 *
 * @example
 * ```ts
 * const model = new Sequential([
 *   input({ shape: [20, 8] }),
 *   new Bidirectional({ layer: new LSTM({ units: 16, returnSequences: true }) }), // [batch, 20, 32]
 * ]);
 * ```
 */
export class Bidirectional extends Layer {
  static override className = 'Bidirectional';
  /** The recurrent layer run forwards. */
  readonly forwardLayer: RNN;
  /** The recurrent layer run backwards. */
  readonly backwardLayer: RNN;
  /** How the two outputs combine, or null to return both. */
  readonly mergeMode: MergeMode;
  /** Whether every step's output is returned (both directions share it). */
  readonly returnSequences: boolean;
  /** Whether the last states of both directions are returned too. */
  readonly returnState: boolean;
  /** Whether the last states carry over to the next batch. */
  readonly stateful: boolean;

  /** From a config, its nested layers resolved by `resolveLayer` (which knows registered and custom classes). */
  static override fromConfig<T extends Layer>(
    this: new (
      args: never,
    ) => T,
    config: Record<string, unknown>,
    options: FromConfigOptions = {},
  ): T {
    const { resolveLayer } = options;
    const layer = config.layer;
    if (!resolveLayer || !isSerializedObject(layer)) return new this(config as never);
    // The two copies are made from the config itself (a copy of an instance would go through its
    // getConfig, which may name what only the resolver knows, as a legacy activation).
    const name = String(layer.config?.name ?? 'rnn');
    const copy = (changes: Record<string, unknown>) =>
      resolveLayer({ className: layer.className, config: { ...layer.config, ...changes } });
    const forward = copy({ name: `forward_${withoutPrefix(name, 'forward_')}` });
    const goBackwards = (forward as { goBackwards?: boolean }).goBackwards === true;
    const backward = config.backwardLayer
      ? resolveNested(config.backwardLayer, resolveLayer)
      : copy({ name: `backward_${withoutPrefix(name, 'backward_')}`, goBackwards: !goBackwards });
    fromConfigCopies.add(forward);
    return new this({ ...config, layer: forward, backwardLayer: backward } as never);
  }

  constructor(args: BidirectionalArgs) {
    super(args);
    if (args?.layer === undefined)
      throw new LayerError('Bidirectional: layer is required, e.g. new Bidirectional({layer: new LSTM({units: 8})})');
    if ('weights' in (args as object) && (args as { weights?: unknown }).weights != null) {
      throw new LayerError(
        'Bidirectional: the weights option is not supported; call setWeights() after the layer is built',
      );
    }
    const mergeMode = args.mergeMode === undefined ? 'concat' : args.mergeMode;
    if (!MERGE_MODES.includes(mergeMode)) {
      throw new LayerError(
        `Bidirectional: mergeMode must be one of 'concat', 'sum', 'mul', 'ave' or null, received ${JSON.stringify(args.mergeMode)}`,
      );
    }
    this.mergeMode = mergeMode;
    // Fresh copies from the config (as Keras), so the given instance and its state are never shared.
    const name =
      args.layer instanceof Layer
        ? args.layer.name
        : String((args.layer as { config?: { name?: unknown } }).config?.name ?? 'rnn');
    this.forwardLayer =
      args.layer instanceof RNN && fromConfigCopies.delete(args.layer)
        ? args.layer
        : rebuildNestedLayer('Bidirectional', 'layer', args.layer, RNN, {
            name: `forward_${withoutPrefix(name, 'forward_')}`,
          });
    this.backwardLayer = args.backwardLayer
      ? deserializeNestedLayer('Bidirectional', 'backwardLayer', args.backwardLayer, RNN)
      : rebuildNestedLayer('Bidirectional', 'layer', args.layer, RNN, {
          name: `backward_${withoutPrefix(name, 'backward_')}`,
          goBackwards: !this.forwardLayer.goBackwards,
        });
    this.checkPair();
    for (const layer of [this.forwardLayer, this.backwardLayer]) layer.zeroOutputForMask = layer.returnSequences;
    this.returnSequences = this.forwardLayer.returnSequences;
    this.returnState = this.forwardLayer.returnState;
    this.stateful = this.forwardLayer.stateful;
    this.supportsMasking = true;
  }

  private checkPair(): void {
    const [f, b] = [this.forwardLayer, this.backwardLayer];
    if (f.goBackwards === b.goBackwards) {
      throw new LayerError(
        `Bidirectional: the forward and backward layers must have different goBackwards, received ${f.goBackwards} for both; set goBackwards: true on backwardLayer`,
      );
    }
    for (const key of ['stateful', 'returnSequences', 'returnState'] as const) {
      if (f[key] !== b[key])
        throw new LayerError(
          `Bidirectional: the forward and backward layers must have the same ${key}, received ${f[key]} (forward) and ${b[key]} (backward)`,
        );
    }
  }

  override build(inputShape: ShapeOrShapes): void {
    const shape = (Array.isArray(inputShape[0]) ? inputShape[0] : inputShape) as Shape;
    this.forwardLayer.ensureBuilt(shape);
    this.backwardLayer.ensureBuilt(shape);
    this.built = true;
  }

  override call(inputs: Tensor | Tensor[], options: RNNCallOptions = {}): Tensor | Tensor[] {
    const [sequences, ...stateInputs] = Array.isArray(inputs) ? inputs : [inputs];
    const initial = stateInputs.length > 0 ? stateInputs : options.initialState ? [options.initialState].flat() : null;
    if (initial && initial.length % 2 !== 0) {
      throw new LayerError(
        `Bidirectional "${this.name}": initial states come in two halves (forward, then backward), received ${initial.length}`,
      );
    }
    const half = initial ? initial.length / 2 : 0;
    const mask = Array.isArray(options.mask) ? options.mask[0] : options.mask;
    const run = (layer: RNN, initialState: Tensor[] | null): Tensor[] =>
      [layer.apply(sequences, { training: options.training, mask: mask ?? null, initialState })].flat();
    const [y, ...forwardStates] = run(this.forwardLayer, initial ? initial.slice(0, half) : null);
    const [yBackward, ...backwardStates] = run(this.backwardLayer, initial ? initial.slice(half) : null);
    // The backward layer returns its sequence in reading order, last step first: flip it to line up.
    const yReversed = this.returnSequences ? reverse(yBackward, 1) : yBackward;
    const merged = this.merge(y, yReversed);
    return this.returnState || this.mergeMode === null ? [...merged, ...forwardStates, ...backwardStates] : merged[0];
  }

  private merge(y: Tensor, yReversed: Tensor): Tensor[] {
    switch (this.mergeMode) {
      case 'concat':
        return [concat([y, yReversed], -1)];
      case 'sum':
        return [add(y, yReversed)];
      case 'mul':
        return [mul(y, yReversed)];
      case 'ave':
        return [mul(add(y, yReversed), 0.5)];
      case null:
        return [y, yReversed];
    }
  }

  override computeOutputShape(inputShape: ShapeOrShapes): Shape | Shape[] {
    const shape = (Array.isArray(inputShape[0]) ? inputShape[0] : inputShape) as Shape;
    const forward = this.forwardLayer.computeOutputShape(shape);
    const [output, ...states] = (this.returnState ? forward : [forward]) as Shape[];
    const last = output[output.length - 1];
    const outputs: Shape[] =
      this.mergeMode === 'concat'
        ? [[...output.slice(0, -1), last === null ? null : 2 * last]]
        : this.mergeMode === null
          ? [output, output]
          : [output];
    return outputs.length === 1 && !this.returnState ? outputs[0] : [...outputs, ...states, ...states];
  }

  override computeMask(_inputs: Tensor | Tensor[], mask: CallOptions['mask']): Tensor | null | (Tensor | null)[] {
    const inputMask = (Array.isArray(mask) ? mask[0] : mask) ?? null;
    const outputMask = this.returnSequences ? inputMask : null;
    const outputs = this.mergeMode === null ? [outputMask, outputMask] : [outputMask];
    if (!this.returnState) return this.mergeMode === null ? outputs : outputMask;
    return [...outputs, ...this.forwardLayer.cell.stateSizes.flatMap(() => [null, null])];
  }

  /** Zeroes (or sets) the carried states of both directions: `states` holds the forward ones, then the backward ones. */
  resetStates(states?: readonly Tensor[]): void {
    if (!this.stateful)
      throw new LayerError(`Bidirectional "${this.name}" is not stateful; wrap a layer made with stateful: true`);
    const half = states ? states.length / 2 : 0;
    this.forwardLayer.resetStates(states?.slice(0, half));
    this.backwardLayer.resetStates(states?.slice(half));
  }

  /** Keras 3's name for resetStates. */
  resetState(states?: readonly Tensor[]): void {
    this.resetStates(states);
  }

  override getConfig(): Record<string, unknown> {
    return {
      ...super.getConfig(),
      mergeMode: this.mergeMode,
      layer: serialize(this.forwardLayer),
      backwardLayer: serialize(this.backwardLayer),
    };
  }
}
