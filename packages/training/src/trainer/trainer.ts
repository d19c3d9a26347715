import { Tensor, Variable, add, concat, dispose, fmtShape, retain, scalar, tidy } from '@strata/tensor';
import { GradientTape } from '@strata/autodiff';
import type { SerializedObject } from '@strata/layers';
import { TrainingError, describeValue } from '../errors';
import { Optimizer } from '../optimizers/optimizer';
import { getOptimizer } from '../optimizers';
import { Mean } from '../metrics/reduction';
import type { Metric } from '../metrics/metric';
import { Callback, type Logs, type TrainingContext } from '../callbacks/callback';
import { CallbackList, lazyLogs } from '../callbacks/callback-list';
import { History, type FitHistory } from '../callbacks/history';
import { ProgressBar } from '../callbacks/progress-bar';
import { Dataset } from '../data/dataset';
import { flattenNest, nestTensors, type Nest } from '../utils/nest';
import { CompiledLoss, type LossConfig, type LossWeights } from './compile-loss';
import { CompiledMetrics, type MetricsConfig } from './compile-metrics';
import { ArraySource, DatasetSource, disposeBatch, makeSource, splitArrays, type DataInput, type EpochSource } from './data-adapter';
import type { ComputeLossArgs, ModelInputs, ModelOutputs, StepData, Targets, Trainable } from './trainable';

/** compile()'s options (Keras's, in camelCase). */
export interface CompileConfig {
  /** An Optimizer, or a name: 'adam', 'sgd', 'rmsprop', ... (default 'rmsprop', as Keras). */
  optimizer?: Optimizer | string | SerializedObject;
  /** A loss for every output, or per output (array by position, record by name). */
  loss?: LossConfig;
  /** Weights of the per-output losses in the total. */
  lossWeights?: LossWeights;
  /** Metrics, unweighted: names ('accuracy', 'mae', ...), Metric instances or functions; per output for several outputs. */
  metrics?: MetricsConfig;
  /** Metrics weighted by sampleWeight / classWeight. */
  weightedMetrics?: MetricsConfig;
}

export type Verbosity = 0 | 1 | 2 | 'auto';

/** fit()'s options (Keras's, in camelCase). */
export interface FitOptions {
  batchSize?: number;
  epochs?: number;
  /** 0 silent, 1 progress bar, 2 one line per epoch; 'auto' is 1. */
  verbose?: Verbosity;
  callbacks?: readonly Callback[];
  /** The fraction of the samples (the last ones) held out for validation. */
  validationSplit?: number;
  /** `[x, y]`, `[x, y, sampleWeight]` or a Dataset, evaluated at the end of each epoch. */
  validationData?: readonly [DataInput, unknown?, unknown?] | Dataset<unknown>;
  /** Shuffle the samples before each epoch (in-memory data; default true). 'batch' shuffles whole batches. */
  shuffle?: boolean | 'batch';
  /** Seed of the shuffle, for repeatable runs. */
  seed?: number | string;
  /** Weights per class index, applied to each sample's loss by its label. */
  classWeight?: Record<number, number>;
  sampleWeight?: Targets;
  initialEpoch?: number;
  /** Batches per epoch (default: one pass over the data). */
  stepsPerEpoch?: number;
  validationSteps?: number;
  validationBatchSize?: number;
  /** Validate every N epochs, or at the listed epochs (1-based). */
  validationFreq?: number | readonly number[];
}

export interface EvaluateOptions {
  batchSize?: number;
  verbose?: Verbosity;
  sampleWeight?: Targets;
  steps?: number;
  callbacks?: readonly Callback[];
}

export interface PredictOptions {
  batchSize?: number;
  verbose?: Verbosity;
  steps?: number;
  callbacks?: readonly Callback[];
}

export interface BatchOptions {
  sampleWeight?: Targets;
  classWeight?: Record<number, number>;
  /** Start the metrics afresh for this batch (default true). */
  resetMetrics?: boolean;
}

/** The Trainer running each model's fit, evaluate or predict right now. */
const running = new WeakMap<object, Trainer>();

/**
 * The Trainer currently running `model`'s fit, evaluate or predict, if any: a model whose
 * `trainStep` delegates to a Trainer it holds uses this, so that another Trainer training it
 * (`new Trainer(model).fit(...)`) gets its own compiled loss and optimizer.
 */
export function activeTrainer(model: object): Trainer | null {
  return running.get(model) ?? null;
}

/** Numbers from a record of tensors (a synchronisation point: used once per epoch, not per batch). */
export async function readLogs(tensors: Record<string, Tensor>): Promise<Logs> {
  const names = Object.keys(tensors);
  const values = await Promise.all(names.map((n) => tensors[n].data()));
  const logs: Logs = {};
  names.forEach((n, i) => {
    const v = values[i] as ArrayLike<number>;
    if (v.length === 1) logs[n] = v[0];
    else Array.from(v).forEach((x, k) => (logs[`${n}_${k}`] = x));
  });
  return logs;
}

function firstBatchSize(x: ModelInputs): number {
  const first = flattenNest(x as Nest<Tensor>).find((t) => t instanceof Tensor) as Tensor | undefined;
  return first && first.rank > 0 ? first.shape[0] : 1;
}

function verbosity(v: Verbosity | undefined, fallback: 0 | 1 | 2): 0 | 1 | 2 {
  if (v === undefined) return fallback;
  if (v === 'auto') return 1;
  if (v !== 0 && v !== 1 && v !== 2) throw new TrainingError(`verbose must be 0, 1, 2 or 'auto', received ${JSON.stringify(v)}`);
  return v;
}

function checkPositiveInt(owner: string, name: string, v: unknown): void {
  if (v !== undefined && v !== null && !(Number.isInteger(v) && (v as number) > 0)) throw new TrainingError(`${owner}: ${name} must be a positive integer, received ${JSON.stringify(v)}`);
}

/**
 * The training loop beneath a model (Keras 3's Trainer): compile, fit, evaluate, predict and the
 * per-batch variants over anything `Trainable`. Model (in @strata/models) holds one and delegates;
 * used directly, it trains a plain Layer. Subclasses (or the model) may override `trainStep`,
 * `testStep`, `predictStep` and `computeLoss`, the Keras 3 way to customise fit.
 */
export class Trainer implements TrainingContext {
  optimizer: Optimizer | null = null;
  compiledLoss: CompiledLoss | null = null;
  compiledMetrics: CompiledMetrics | null = null;
  /** The running mean of the loss over the batches of an epoch: the `loss` log. */
  readonly lossTracker = new Mean({ name: 'loss' });
  stopTraining = false;
  initialEpoch = 0;
  private warnedNoWeights = false;
  /** Whether compile() made the optimizer from a name (then it is freed on recompile and dispose). */
  private ownsOptimizer = false;

  constructor(readonly model: Trainable) {
    if (!model || typeof model.apply !== 'function' || !Array.isArray(model.trainableWeights)) {
      throw new TrainingError(`Trainer: expected a trainable model (something with apply(x, {training}) and trainableWeights, such as a Layer or a Model), received ${describeValue(model)}`);
    }
  }

  /** Configures training: optimizer, loss(es), metrics (resolved now, so a bad name fails here). */
  compile(config: CompileConfig = {}): void {
    if (typeof config !== 'object' || config === null) throw new TrainingError(`compile: expected {optimizer, loss, metrics}, received ${describeValue(config)}`);
    const known = ['optimizer', 'loss', 'lossWeights', 'metrics', 'weightedMetrics'];
    const unknown = Object.keys(config).filter((k) => !known.includes(k));
    if (unknown.length) throw new TrainingError(`compile: unknown option(s) ${unknown.join(', ')}; the options are ${known.join(', ')}`);
    const optimizer = getOptimizer(config.optimizer ?? 'rmsprop');
    const loss = new CompiledLoss(config.loss, config.lossWeights);
    const metrics = new CompiledMetrics(config.metrics, config.weightedMetrics);
    this.resetMetrics();
    if (this.ownsOptimizer && this.optimizer && this.optimizer !== optimizer) this.optimizer.dispose();
    this.ownsOptimizer = !(config.optimizer instanceof Optimizer);
    this.optimizer = optimizer;
    this.compiledLoss = loss;
    this.compiledMetrics = metrics;
  }

  get compiled(): boolean {
    return this.optimizer !== null;
  }

  private assertCompiled(what: string): void {
    if (!this.compiled) {
      throw new TrainingError(`${what}: the model must be compiled first: call compile({optimizer: 'adam', loss: 'sparse_categorical_crossentropy', metrics: ['accuracy']}) (with your loss) before ${what}()`);
    }
  }

  /** Every metric: the loss tracker, per-output loss trackers, then the compiled metrics. */
  get metrics(): Metric[] {
    return [this.lossTracker, ...(this.compiledLoss?.trackers ?? []), ...(this.compiledMetrics?.list ?? [])];
  }

  /** Starts every metric afresh (and frees their state). */
  resetMetrics(): void {
    for (const m of this.metrics) m.resetState();
  }

  // ---- TrainingContext, for callbacks ----

  get weightVariables(): Variable[] {
    return this.model.weights ?? [...this.model.trainableWeights, ...(this.model.nonTrainableWeights ?? [])];
  }

  getWeights(): Tensor[] {
    return this.weightVariables.map((v) => retain(v) as Tensor);
  }

  setWeights(values: readonly Tensor[]): void {
    const vars = this.weightVariables;
    if (values.length !== vars.length) throw new TrainingError(`setWeights: the model has ${vars.length} weights, received ${values.length}`);
    tidy(() => vars.forEach((v, i) => v.assign(values[i])));
  }

  // ---- the steps (override these, or define them on the model) ----

  /** The loss of a batch: the compiled loss(es) plus the model's own losses (regularizers, addLoss). */
  computeLoss({ y, yPred, sampleWeight }: ComputeLossArgs): Tensor {
    const terms: Tensor[] = [];
    const compiled = this.compiledLoss?.call(y, yPred, sampleWeight, this.model);
    if (compiled) terms.push(compiled);
    for (const l of this.model.losses ?? []) terms.push(l);
    if (terms.length === 0) {
      throw new TrainingError('no loss to compute: pass a loss to compile() (e.g. compile({optimizer, loss: "mse"})), or add losses in the model with addLoss()');
    }
    return terms.reduce((a, b) => add(a, b));
  }

  /** Updates the compiled metrics with a batch and returns every metric's result (Keras's compute_metrics). */
  computeMetrics(_x: ModelInputs, y: Targets | null | undefined, yPred: ModelOutputs, sampleWeight?: Targets | null): Record<string, Tensor> {
    this.compiledMetrics?.update(y, yPred, sampleWeight, this.model, this.compiledLoss?.perOutput ?? []);
    return this.metricsResult();
  }

  /** Every metric's current result, by name (Keras's get_metrics_result). */
  metricsResult(): Record<string, Tensor> {
    const out: Record<string, Tensor> = {};
    for (const m of this.metrics) {
      if (m === this.lossTracker || (this.compiledLoss?.trackers ?? []).includes(m as Mean)) out[m.name] = m.result();
    }
    return { ...out, ...(this.compiledMetrics?.results() ?? {}) };
  }

  /** One training step: forward pass under a tape, loss, gradients, optimizer update, metrics. */
  trainStep(data: StepData): Record<string, Tensor> {
    const [x, y, sampleWeight] = data;
    const model = this.model;
    const tape = new GradientTape();
    try {
      const { yPred, loss } = tape.record(() => {
        const yPred = model.apply(this.inputsFor(x), { training: true }) as ModelOutputs;
        const loss = this.callComputeLoss({ x, y, yPred, sampleWeight, training: true });
        return { yPred, loss };
      });
      this.lossTracker.updateState(loss, scalar(firstBatchSize(x)));
      // Read after the forward pass: a model's first call builds its weights.
      const weights = model.trainableWeights;
      if (weights.length > 0) {
        const grads = tape.gradient(loss, weights);
        (this.optimizer as Optimizer).applyGradients(weights.map((w, i) => [grads[i], w] as const));
      } else if (!this.warnedNoWeights) {
        this.warnedNoWeights = true;
        console.warn('fit: the model has no trainable weights; nothing is updated');
      }
      return this.computeMetrics(x, y, yPred, sampleWeight);
    } finally {
      tape.dispose();
    }
  }

  /** One evaluation step: forward pass (inference mode), loss, metrics. */
  testStep(data: StepData): Record<string, Tensor> {
    const [x, y, sampleWeight] = data;
    const yPred = this.model.apply(this.inputsFor(x), { training: false }) as ModelOutputs;
    const loss = this.callComputeLoss({ x, y, yPred, sampleWeight, training: false });
    this.lossTracker.updateState(loss, scalar(firstBatchSize(x)));
    return this.computeMetrics(x, y, yPred, sampleWeight);
  }

  /** One prediction step: the model in inference mode. */
  predictStep(data: StepData): ModelOutputs {
    return this.model.apply(this.inputsFor(data[0]), { training: false }) as ModelOutputs;
  }

  /** Inputs as the model takes them: a record keyed by input name becomes a list in the model's input order. */
  inputsFor(x: ModelInputs): ModelInputs {
    const names = this.model.inputNames;
    if (!names || x instanceof Tensor || Array.isArray(x)) return x;
    const record = x as Record<string, Tensor>;
    const missing = names.filter((n) => !(n in record));
    const unknown = Object.keys(record).filter((k) => !names.includes(k));
    if (missing.length || unknown.length) {
      throw new TrainingError(`the model's inputs are ${names.map((n) => `'${n}'`).join(', ')}; received keys ${Object.keys(record).map((n) => `'${n}'`).join(', ')}${missing.length ? ` (missing ${missing.join(', ')})` : ''}`);
    }
    return names.length === 1 ? record[names[0]] : names.map((n) => record[n]);
  }

  private callComputeLoss(args: ComputeLossArgs): Tensor {
    const loss = this.model.computeLoss ? this.model.computeLoss(args) : this.computeLoss(args);
    if (!(loss instanceof Tensor)) throw new TrainingError(`computeLoss must return a scalar Tensor, received ${describeValue(loss)}`);
    if (loss.rank !== 0 && loss.size !== 1) throw new TrainingError(`computeLoss must return a scalar loss, received shape ${fmtShape(loss.shape)}; reduce it (e.g. mean(...))`);
    return loss;
  }

  private runTrainStep(data: StepData): Record<string, Tensor> {
    return tidy(() => (this.model.trainStep ? this.model.trainStep(data) : this.trainStep(data)));
  }

  private runTestStep(data: StepData): Record<string, Tensor> {
    return tidy(() => (this.model.testStep ? this.model.testStep(data) : this.testStep(data)));
  }

  private runPredictStep(data: StepData): ModelOutputs {
    return tidy(() => (this.model.predictStep ? this.model.predictStep(data) : this.predictStep(data)));
  }

  private get stopping(): boolean {
    return this.stopTraining || this.model.stopTraining === true;
  }

  // ---- the loops ----

  /** Trains for `epochs` passes over the data; resolves to the History of logged values per epoch. */
  async fit(x: DataInput, y?: unknown, options: FitOptions = {}): Promise<FitHistory> {
    return this.asActive(() => this.fitLoop(x, y, options));
  }

  /** Runs `fn` with this Trainer registered as the one running the model (see activeTrainer). */
  private async asActive<T>(fn: () => Promise<T>): Promise<T> {
    const previous = running.get(this.model);
    running.set(this.model, this);
    try {
      return await fn();
    } finally {
      if (previous) running.set(this.model, previous);
      else running.delete(this.model);
    }
  }

  private async fitLoop(x: DataInput, y: unknown, options: FitOptions): Promise<FitHistory> {
    this.assertCompiled('fit');
    const owner = 'fit';
    checkOptions(owner, options as Record<string, unknown>, FIT_OPTIONS);
    const epochs = options.epochs ?? 1;
    checkPositiveInt(owner, 'epochs', epochs);
    checkPositiveInt(owner, 'batchSize', options.batchSize);
    checkPositiveInt(owner, 'stepsPerEpoch', options.stepsPerEpoch);
    const verbose = verbosity(options.verbose, 1);
    if (x instanceof Dataset && options.batchSize !== undefined) throw new TrainingError(`${owner}: batchSize cannot be used with a Dataset (its elements are batches already); batch the dataset with .batch(n)`);
    if (options.classWeight && options.sampleWeight) throw new TrainingError(`${owner}: pass classWeight or sampleWeight, not both`);

    const owned: Tensor[] = [];
    let train: EpochSource | null = null;
    let val: EpochSource | null = null;
    try {
      let [tx, ty, tsw]: [unknown, unknown, unknown] = [x, y, options.sampleWeight];
      let valData: readonly unknown[] | Dataset<unknown> | undefined = options.validationData;
      if (options.validationSplit && !valData) {
        const split = splitArrays(owner, x, y, options.sampleWeight, options.validationSplit);
        owned.push(...split.made);
        [tx, ty, tsw] = split.train;
        valData = split.val;
      }
      train = makeSource(owner, tx as DataInput, ty, tsw, { batchSize: options.batchSize, shuffle: options.shuffle ?? true, stepsPerEpoch: options.stepsPerEpoch, classWeight: options.classWeight, seed: options.seed });
      if (valData) val = this.validationSource(valData, options);

      const history = new History();
      const user = [...(options.callbacks ?? [])];
      user.forEach((cb, i) => {
        if (!(cb instanceof Callback)) throw new TrainingError(`${owner}: callbacks[${i}] is ${describeValue(cb)}; callbacks must extend Callback (or use new LambdaCallback({...}))`);
      });
      const bar = verbose > 0 && !user.some((c) => c instanceof ProgressBar) ? [new ProgressBar({ verbose: verbose as 1 | 2 })] : [];
      // As Keras: the History and the progress bar come after the user's callbacks, so they see what those add to the logs.
      const callbacks = new CallbackList([...user, history, ...bar]);
      this.stopTraining = false;
      if ('stopTraining' in this.model) this.model.stopTraining = false;
      this.initialEpoch = options.initialEpoch ?? 0;
      this.optimizer?.build(this.model.trainableWeights);
      callbacks.setContext(this, { epochs, steps: train.steps, verbose });

      await callbacks.onTrainBegin();
      const wantsBatchLogs = callbacks.wants('onTrainBatchEnd');
      let epochLogs: Logs = {};
      for (let epoch = this.initialEpoch; epoch < epochs; epoch++) {
        this.resetMetrics();
        await callbacks.onEpochBegin(epoch);
        let step = 0;
        for await (const batch of train.epoch()) {
          let logs: Record<string, Tensor> | null = null;
          try {
            await callbacks.onTrainBatchBegin(step);
            logs = this.runTrainStep(batch);
            if (wantsBatchLogs) await callbacks.onTrainBatchEnd(step, await this.batchLogs(logs));
          } finally {
            disposeBatch(batch);
            if (logs) dispose(Object.values(logs));
          }
          step++;
          if (this.stopping) break;
        }
        epochLogs = await this.readMetrics();
        if (val && this.shouldValidate(epoch, options.validationFreq) && !(train instanceof DatasetSource && train.exhausted)) {
          const valLogs = await this.evaluateLoop(val, callbacks, false);
          for (const [k, v] of Object.entries(valLogs)) epochLogs[`val_${k}`] = v;
        }
        await callbacks.onEpochEnd(epoch, epochLogs);
        if (this.stopping || (train instanceof DatasetSource && train.exhausted)) break;
      }
      await callbacks.onTrainEnd(epochLogs);
      this.optimizer?.finalizeVariableValues(this.model.trainableWeights);
      return history as FitHistory;
    } finally {
      this.resetMetrics();
      train?.dispose();
      val?.dispose();
      dispose(owned);
    }
  }

  private validationSource(data: readonly unknown[] | Dataset<unknown>, options: FitOptions): EpochSource {
    if (data instanceof Dataset) return makeSource('fit (validationData)', data, undefined, undefined, { shuffle: false, stepsPerEpoch: options.validationSteps });
    if (!Array.isArray(data) || data.length < 2 || data.length > 3) {
      throw new TrainingError(`fit: validationData must be [x, y], [x, y, sampleWeight] or a Dataset, received ${describeValue(data)}`);
    }
    return makeSource('fit (validationData)', data[0] as DataInput, data[1], data[2], { batchSize: options.validationBatchSize ?? options.batchSize ?? 32, shuffle: false, stepsPerEpoch: options.validationSteps });
  }

  private shouldValidate(epoch: number, freq: FitOptions['validationFreq']): boolean {
    if (freq === undefined) return true;
    if (typeof freq === 'number') {
      checkPositiveInt('fit', 'validationFreq', freq);
      return (epoch + 1) % freq === 0;
    }
    if (Array.isArray(freq)) return freq.includes(epoch + 1);
    throw new TrainingError(`fit: validationFreq must be a positive integer or an array of epoch numbers (1-based), received ${describeValue(freq)}`);
  }

  /** Batch logs for callbacks: lazy on backends that read synchronously, read (awaited) first on those that cannot. */
  private async batchLogs(logs: Record<string, Tensor>): Promise<Logs> {
    const first = Object.values(logs)[0];
    const syncReadable = !first || first.handle?.backend.canReadSync !== false;
    return lazyLogs(logs, syncReadable ? {} : await readLogs(logs));
  }

  private async readMetrics(): Promise<Logs> {
    const results = tidy(() => this.metricsResult());
    try {
      return await readLogs(results);
    } finally {
      dispose(Object.values(results));
    }
  }

  private async evaluateLoop(source: EpochSource, callbacks: CallbackList, standalone: boolean): Promise<Logs> {
    this.resetMetrics();
    if (standalone) await callbacks.onTestBegin();
    const wantsBatchLogs = callbacks.wants('onTestBatchEnd');
    let step = 0;
    for await (const batch of source.epoch()) {
      let logs: Record<string, Tensor> | null = null;
      try {
        await callbacks.onTestBatchBegin(step);
        logs = this.runTestStep(batch);
        if (wantsBatchLogs) await callbacks.onTestBatchEnd(step, await this.batchLogs(logs));
      } finally {
        disposeBatch(batch);
        if (logs) dispose(Object.values(logs));
      }
      step++;
    }
    const result = await this.readMetrics();
    this.resetMetrics();
    if (standalone) await callbacks.onTestEnd(result);
    return result;
  }

  /** The loss and metrics over the data, as numbers: `{loss, accuracy, ...}`. */
  async evaluate(x: DataInput, y?: unknown, options: EvaluateOptions = {}): Promise<Logs> {
    return this.asActive(() => this.evaluateData(x, y, options));
  }

  private async evaluateData(x: DataInput, y: unknown, options: EvaluateOptions): Promise<Logs> {
    this.assertCompiled('evaluate');
    checkOptions('evaluate', options as Record<string, unknown>, ['batchSize', 'verbose', 'sampleWeight', 'steps', 'callbacks']);
    checkPositiveInt('evaluate', 'batchSize', options.batchSize);
    const verbose = verbosity(options.verbose, 0);
    const source = makeSource('evaluate', x, y, options.sampleWeight, { batchSize: options.batchSize, shuffle: false, stepsPerEpoch: options.steps });
    try {
      const callbacks = new CallbackList([...(options.callbacks ?? [])]);
      callbacks.setContext(this, { steps: source.steps, verbose });
      const logs = await this.evaluateLoop(source, callbacks, true);
      if (verbose > 0) printEvaluation(logs);
      return logs;
    } finally {
      source.dispose();
      this.resetMetrics();
    }
  }

  /** The model's outputs over the data, batch by batch, joined along the first axis (tensors the caller owns). */
  async predict(x: DataInput, options: PredictOptions = {}): Promise<ModelOutputs> {
    return this.asActive(() => this.predictData(x, options));
  }

  private async predictData(x: DataInput, options: PredictOptions): Promise<ModelOutputs> {
    checkOptions('predict', options as Record<string, unknown>, ['batchSize', 'verbose', 'steps', 'callbacks']);
    checkPositiveInt('predict', 'batchSize', options.batchSize);
    const source = makeSource('predict', x, undefined, undefined, { batchSize: options.batchSize, shuffle: false, stepsPerEpoch: options.steps });
    const parts: ModelOutputs[] = [];
    try {
      const callbacks = new CallbackList([...(options.callbacks ?? [])]);
      callbacks.setContext(this, { steps: source.steps, verbose: verbosity(options.verbose, 0) });
      await callbacks.onPredictBegin();
      let step = 0;
      for await (const batch of source.epoch()) {
        try {
          await callbacks.onPredictBatchBegin(step);
          parts.push(this.runPredictStep(batch));
          await callbacks.onPredictBatchEnd(step);
        } finally {
          disposeBatch(batch);
        }
        step++;
      }
      await callbacks.onPredictEnd();
      if (parts.length === 0) throw new TrainingError('predict: the data produced no batches');
      return joinOutputs(parts);
    } finally {
      dispose(parts.flatMap((p) => nestTensors(p)));
      source.dispose();
    }
  }

  /** One training step on one batch; resolves to its logs (the metrics of this batch alone unless resetMetrics is false). */
  async trainOnBatch(x: DataInput, y?: unknown, options: BatchOptions = {}): Promise<Logs> {
    this.assertCompiled('trainOnBatch');
    this.optimizer?.build(this.model.trainableWeights);
    return this.asActive(() => this.onBatch('trainOnBatch', x, y, options, (data) => this.runTrainStep(data)));
  }

  /** One evaluation step on one batch; resolves to its logs. */
  async testOnBatch(x: DataInput, y?: unknown, options: BatchOptions = {}): Promise<Logs> {
    this.assertCompiled('testOnBatch');
    return this.asActive(() => this.onBatch('testOnBatch', x, y, options, (data) => this.runTestStep(data)));
  }

  private async onBatch(owner: string, x: DataInput, y: unknown, options: BatchOptions, step: (data: StepData) => Record<string, Tensor>): Promise<Logs> {
    if (x instanceof Dataset) throw new TrainingError(`${owner}: expected tensors for one batch, received a Dataset; use fit or evaluate for datasets`);
    const reset = options.resetMetrics ?? true;
    if (reset) this.resetMetrics();
    const source = makeSource(owner, x, y, options.sampleWeight, { batchSize: Number.MAX_SAFE_INTEGER, shuffle: false, classWeight: options.classWeight }) as ArraySource;
    const batch = source.batch(Int32Array.from({ length: source.size }, (_, i) => i));
    let logs: Record<string, Tensor> | null = null;
    try {
      logs = step(batch);
      return await readLogs(logs);
    } finally {
      disposeBatch(batch);
      if (logs) dispose(Object.values(logs));
      source.dispose();
      if (reset) this.resetMetrics();
    }
  }

  /** The model's outputs for one batch (inference mode). */
  predictOnBatch(x: ModelInputs): ModelOutputs {
    if (x instanceof Dataset) throw new TrainingError('predictOnBatch: expected tensors for one batch, received a Dataset; use predict for datasets');
    const previous = running.get(this.model);
    running.set(this.model, this);
    try {
      return this.runPredictStep([x, null, null]);
    } finally {
      if (previous) running.set(this.model, previous);
      else running.delete(this.model);
    }
  }

  /** Frees the optimizer's state and the metrics' state. */
  dispose(): void {
    this.resetMetrics();
    this.optimizer?.dispose();
  }
}


const FIT_OPTIONS = [
  'batchSize', 'epochs', 'verbose', 'callbacks', 'validationSplit', 'validationData', 'shuffle', 'seed', 'classWeight', 'sampleWeight',
  'initialEpoch', 'stepsPerEpoch', 'validationSteps', 'validationBatchSize', 'validationFreq',
];

function checkOptions(owner: string, options: Record<string, unknown>, known: readonly string[]): void {
  if (typeof options !== 'object' || options === null) throw new TrainingError(`${owner}: options must be an object, received ${describeValue(options)}`);
  const unknown = Object.keys(options).filter((k) => !known.includes(k));
  if (unknown.length) throw new TrainingError(`${owner}: unknown option(s) ${unknown.join(', ')}; the options are ${known.join(', ')}`);
}

/** Joins per-batch outputs along the first axis, keeping the output structure. */
function joinOutputs(parts: ModelOutputs[]): ModelOutputs {
  const first = parts[0];
  if (first instanceof Tensor) return concat(parts as Tensor[], 0);
  if (Array.isArray(first)) return first.map((_, i) => concat(parts.map((p) => (p as Tensor[])[i]), 0));
  const out: Record<string, Tensor> = {};
  for (const k of Object.keys(first)) out[k] = concat(parts.map((p) => (p as Record<string, Tensor>)[k]), 0);
  return out;
}

function printEvaluation(logs: Logs): void {
  console.log(Object.keys(logs).sort().map((k) => `${k}: ${logs[k].toFixed(4)}`).join(' - '));
}
