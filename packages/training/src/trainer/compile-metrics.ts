import { type Tensor, tidy } from '@strata/tensor';
import { TrainingError } from '../errors';
import {
  BinaryCrossentropy,
  CategoricalCrossentropy,
  type Loss,
  SparseCategoricalCrossentropy,
  binaryCrossentropy,
  categoricalCrossentropy,
  sparseCategoricalCrossentropy,
} from '../losses';
import { Metric, MeanMetricWrapper, getMetric, type MetricIdentifier } from '../metrics';
import { BinaryAccuracy, CategoricalAccuracy, SparseCategoricalAccuracy } from '../metrics/accuracy';
import { alignTargets, flattenOutputs, perOutput, type OutputList } from './structure';
import type { ModelOutputs, Targets, Trainable } from './trainable';

/** compile()'s `metrics`: a list for every output, a list of lists by output position, or a record by output name. */
export type MetricsConfig =
  | readonly MetricIdentifier[]
  | readonly (readonly MetricIdentifier[] | MetricIdentifier | null)[]
  | { readonly [output: string]: MetricIdentifier | readonly MetricIdentifier[] };

interface Compiled {
  metric: Metric;
  output: number;
  weighted: boolean;
}

type Kind = 'binary' | 'sparse' | 'categorical';

/**
 * Which family 'accuracy' and 'crossentropy' mean for one output (Keras's rule, helped by the loss):
 * one prediction column is binary; labels with one axis fewer than the predictions (or a last axis of
 * 1 against several classes), or a sparse loss, are sparse; otherwise categorical.
 */
export function labelKind(yTrue: Tensor, yPred: Tensor, loss: Loss | null): Kind {
  if (loss instanceof BinaryCrossentropy) return 'binary';
  if (loss instanceof SparseCategoricalCrossentropy) return 'sparse';
  if (loss instanceof CategoricalCrossentropy) return 'categorical';
  const classes = yPred.shape[yPred.rank - 1];
  if (yPred.rank === 0 || classes === 1) return 'binary';
  if (yTrue.rank < yPred.rank || (yTrue.rank === yPred.rank && yTrue.shape[yTrue.rank - 1] === 1 && classes > 1))
    return 'sparse';
  return 'categorical';
}

function resolve(id: MetricIdentifier, yTrue: Tensor, yPred: Tensor, loss: Loss | null): Metric {
  if (typeof id === 'string' && ['accuracy', 'acc'].includes(id)) {
    const kind = labelKind(yTrue, yPred, loss);
    return kind === 'binary'
      ? new BinaryAccuracy({ name: id })
      : kind === 'sparse'
        ? new SparseCategoricalAccuracy({ name: id })
        : new CategoricalAccuracy({ name: id });
  }
  if (typeof id === 'string' && ['crossentropy', 'ce'].includes(id)) {
    const kind = labelKind(yTrue, yPred, loss);
    const fromLogits = (loss as { fromLogits?: boolean } | null)?.fromLogits ?? false;
    const fn =
      kind === 'binary'
        ? binaryCrossentropy
        : kind === 'sparse'
          ? sparseCategoricalCrossentropy
          : categoricalCrossentropy;
    return new MeanMetricWrapper((t, p) => fn(t, p, { fromLogits }), { name: id }, id, 'down');
  }
  return getMetric(id);
}

const isMetricId = (x: unknown) =>
  typeof x === 'string' ||
  typeof x === 'function' ||
  x instanceof Metric ||
  (typeof x === 'object' && x !== null && 'className' in x && 'config' in x);

/** The compiled metrics of a model (Keras's CompileMetrics): built at the first batch, when the shapes are known. */
export class CompiledMetrics {
  private compiled: Compiled[] | null = null;

  constructor(
    readonly metrics: MetricsConfig | undefined,
    readonly weightedMetrics: MetricsConfig | undefined,
  ) {
    // Resolve names now, so an unknown one fails at compile(), not at the first batch.
    for (const config of [metrics, weightedMetrics]) {
      if (!config) continue;
      const flat = (Array.isArray(config) ? config : Object.values(config)).flat() as MetricIdentifier[];
      for (const id of flat)
        if (id !== null && !(typeof id === 'string' && ['accuracy', 'acc', 'crossentropy', 'ce'].includes(id)))
          getMetric(id);
    }
  }

  /** The metrics, once built (empty before the first batch). */
  get list(): Metric[] {
    return (this.compiled ?? []).map((c) => c.metric);
  }

  private build(outputs: OutputList, targets: (Tensor | null)[], losses: readonly (Loss | null)[]): void {
    const compiled: Compiled[] = [];
    const many = outputs.tensors.length > 1;
    for (const [config, weighted] of [
      [this.metrics, false],
      [this.weightedMetrics, true],
    ] as const) {
      if (!config) continue;
      // A flat list applies to every output; a list of lists or a record goes output by output.
      const flat = Array.isArray(config) && config.every((c) => !Array.isArray(c));
      const ids = flat
        ? new Array(outputs.tensors.length).fill(config)
        : perOutput<MetricIdentifier | readonly MetricIdentifier[]>(
            config as never,
            outputs,
            weighted ? 'weightedMetrics' : 'metrics',
            isMetricId,
          );
      ids.forEach((entry, i) => {
        if (entry === null) return;
        const target = targets[i];
        if (!target) return;
        for (const id of Array.isArray(entry) ? entry : [entry]) {
          if (id === null) continue;
          let metric = resolve(id as MetricIdentifier, target, outputs.tensors[i], losses[i] ?? null);
          if (many) metric = renamed(metric, `${outputs.names[i]}_${metric.name}`);
          if (weighted && !many && compiled.some((c) => c.metric.name === metric.name))
            metric = renamed(metric, `weighted_${metric.name}`);
          compiled.push({ metric, output: i, weighted });
        }
      });
    }
    const names = compiled.map((c) => c.metric.name);
    const duplicate = names.find((n, i) => names.indexOf(n) !== i);
    if (duplicate)
      throw new TrainingError(
        `compile: two metrics are named '${duplicate}'; give them distinct names (e.g. new metrics.AUC({name: 'auc_2'}))`,
      );
    this.compiled = compiled;
  }

  /** Adds a batch to every metric. */
  update(
    y: Targets | null | undefined,
    yPred: ModelOutputs,
    sampleWeight: Targets | null | undefined,
    model: Trainable,
    losses: readonly (Loss | null)[],
  ): void {
    if (!this.metrics && !this.weightedMetrics) return;
    const outputs = flattenOutputs(yPred, model);
    const targets = alignTargets(y, outputs, 'y');
    if (!this.compiled) this.build(outputs, targets, losses);
    const weights = alignTargets(sampleWeight, outputs, 'sampleWeight');
    for (const c of this.compiled ?? []) {
      const target = targets[c.output];
      if (!target) continue;
      tidy(() => c.metric.updateState(target, outputs.tensors[c.output], c.weighted ? weights[c.output] : null));
    }
  }

  /** Every metric's result, by name. */
  results(): Record<string, Tensor> {
    const out: Record<string, Tensor> = {};
    for (const c of this.compiled ?? []) out[c.metric.name] = c.metric.result();
    return out;
  }

  reset(): void {
    for (const c of this.compiled ?? []) c.metric.resetState();
  }
}

/** The same metric reporting under another name (per-output prefixes). */
function renamed(metric: Metric, name: string): Metric {
  Object.defineProperty(metric, 'name', { value: name, configurable: true, enumerable: true });
  return metric;
}
