import { type Tensor, add, mul, tidy } from '@strata/tensor';
import { TrainingError } from '../errors';
import { Loss, getLoss, type LossIdentifier } from '../losses';
import { Mean } from '../metrics/reduction';
import { alignTargets, perOutput, type OutputList } from './structure';
import type { ModelOutputs, Targets, Trainable } from './trainable';
import { flattenOutputs } from './structure';

/** compile()'s `loss`: one for every output, an array by output position, or a record by output name. */
export type LossConfig =
  | LossIdentifier
  | null
  | readonly (LossIdentifier | null)[]
  | { readonly [output: string]: LossIdentifier | null };
/** compile()'s `lossWeights`: an array by output position or a record by output name. */
export type LossWeights = readonly number[] | { readonly [output: string]: number } | null;

const isLossId = (x: unknown) =>
  typeof x === 'string' ||
  typeof x === 'function' ||
  x instanceof Loss ||
  (typeof x === 'object' && x !== null && 'className' in x && 'config' in x);

/** The compiled loss of a model (Keras's CompileLoss): per-output losses, weighted and summed. */
export class CompiledLoss {
  private losses: (Loss | null)[] | null = null;
  private weights: number[] = [];
  /** One Mean per output, for the `<output>_loss` logs of a multi-output model. */
  readonly trackers: Mean[] = [];
  outputs: OutputList | null = null;

  constructor(
    readonly config: LossConfig | undefined,
    readonly lossWeights: LossWeights | undefined,
  ) {
    // Resolve names now, so an unknown one fails at compile(), not at the first batch.
    if (config === null || config === undefined) return;
    const ids = isLossId(config) ? [config] : Array.isArray(config) ? config : Object.values(config);
    for (const id of ids) if (id !== null) getLoss(id as LossIdentifier);
  }

  get hasLoss(): boolean {
    return this.config !== null && this.config !== undefined;
  }

  /** The loss of each output once built (null where an output has none). */
  get perOutput(): readonly (Loss | null)[] {
    return this.losses ?? [];
  }

  private build(outputs: OutputList): void {
    const ids = perOutput<LossIdentifier>(this.config as never, outputs, 'loss', isLossId);
    this.losses = ids.map((id) => (id === null ? null : getLoss(id)));
    const w = perOutput<number>(this.lossWeights as never, outputs, 'lossWeights', (x) => typeof x === 'number');
    this.weights = w.map((x) => x ?? 1);
    if (outputs.tensors.length > 1)
      for (const name of outputs.names) this.trackers.push(new Mean({ name: `${name}_loss` }));
    this.outputs = outputs;
  }

  /** The weighted sum of the per-output losses, or null when none was compiled. */
  call(
    y: Targets | null | undefined,
    yPred: ModelOutputs,
    sampleWeight: Targets | null | undefined,
    model: Trainable,
  ): Tensor | null {
    if (!this.hasLoss) return null;
    const outputs = flattenOutputs(yPred, model);
    if (!this.losses) this.build(outputs);
    const losses = this.losses as (Loss | null)[];
    if (losses.length !== outputs.tensors.length) {
      throw new TrainingError(
        `the model returned ${outputs.tensors.length} outputs but was compiled for ${losses.length}; compile it again`,
      );
    }
    const targets = alignTargets(y, outputs, 'y');
    const weights = alignTargets(sampleWeight, outputs, 'sampleWeight');
    let total: Tensor | null = null;
    losses.forEach((loss, i) => {
      if (!loss) return;
      const target = targets[i];
      if (!target)
        throw new TrainingError(
          `no labels were given for output '${outputs.names[i]}', which has a loss (${loss.name}); pass y for it, or compile with loss null for that output`,
        );
      const value = loss.apply(target, outputs.tensors[i], weights[i]);
      if (this.trackers.length) tidy(() => this.trackers[i].updateState(value));
      const weighted = this.weights[i] === 1 ? value : mul(value, this.weights[i]);
      total = total ? add(total, weighted) : weighted;
    });
    return total;
  }
}
