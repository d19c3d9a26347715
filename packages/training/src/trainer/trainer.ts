import { Tensor, add, scalar, type Variable } from '@strata/tensor';
import { fmtShape } from '@strata/tensor/internal';
import { GradientTape } from '@strata/autodiff';
import { Layer } from '@strata/layers';
import { TrainingError, describeValue } from '../errors';
import { Optimizer } from '../optimizers/optimizer';
import { getOptimizer } from '../optimizers';
import { Mean } from '../metrics/reduction';
import type { Metric } from '../metrics/metric';
import type { Logs, TrainingContext } from '../callbacks/callback';
import type { FitHistory } from '../callbacks/history';
import { Dataset } from '../data/dataset';
import { type Nest, DATA } from '../utils/nest';
import { CompiledLoss } from './compile-loss';
import { CompiledMetrics } from './compile-metrics';
import type { DataInput } from './data-adapter';
import { assertCompiled, evaluateData, fitLoop, onBatch, predictDataset, predictLoop } from './loops';
import {
  COMPILE_OPTIONS,
  checkPositiveInt,
  type BatchOptions,
  type CompileConfig,
  type EvaluateOptions,
  type FitOptions,
  type PredictOptions,
} from './options';
import type { ComputeLossArgs, ModelInputs, ModelOutputs, StepData, Targets } from './trainable';
import { nest } from '@strata/tensor';

function firstBatchSize(x: ModelInputs): number {
  const first = nest.flatten(x as Nest<Tensor>, DATA).find((t) => t instanceof Tensor) as Tensor | undefined;
  return first && first.rank > 0 ? first.shape[0] : 1;
}

/**
 * Keras 3's Trainer: the layer that trains. It owns compile, fit, evaluate and predict, the steps
 * they run (`trainStep`, `testStep`, `predictStep`, `computeLoss`, `computeMetrics`) and the
 * training state (optimizer, compiled loss and metrics). `Model` of @strata/models extends it, as
 * Keras's `Model(Trainer, Layer)`: override a step in a subclass and `super.trainStep(data)` is the
 * default step.
 *
 * @example
 * ```ts
 * // Model (from @strata/models) is a Trainer: compile, fit, evaluate and predict come from here.
 * model.compile({ optimizer: 'adam', loss: 'sparse_categorical_crossentropy', metrics: ['accuracy'] });
 * const history = await model.fit(xTrain, yTrain, { epochs: 5, batchSize: 64, validationSplit: 0.1 });
 * const logs = await model.evaluate(xTest, yTest); // { loss, accuracy }
 * const probabilities = model.predict(xTest); // a Dataset's predictions come as a promise
 * ```
 */
export abstract class Trainer extends Layer implements TrainingContext {
  /** The optimizer compile() set, or null before compile. */
  optimizer: Optimizer | null = null;
  /** The losses compile() set, or null. */
  compiledLoss: CompiledLoss | null = null;
  /** The metrics compile() set, or null. */
  compiledMetrics: CompiledMetrics | null = null;
  /** The running mean of the loss over the batches of an epoch: the `loss` log. */
  readonly lossTracker = new Mean({ name: 'loss' });
  /** Set by a callback to end fit() after the current batch (Keras's `stop_training`). */
  stopTraining = false;
  /** The epoch the current fit starts from; BackupAndRestore moves it forward on resume. */
  initialEpoch = 0;
  #warnedNoWeights = false;
  /** Whether compile() made the optimizer from a name (then it is freed on recompile). */
  #ownsOptimizer = false;

  /** Names of the inputs: with them, inputs given as a record by name reach `apply` as a list in this order. */
  get inputNames(): readonly string[] | undefined {
    return undefined;
  }

  /** Names of the outputs of a multi-output model, for per-output losses, metrics and logs. */
  get outputNames(): readonly string[] | undefined {
    return undefined;
  }

  /** Configures training: optimizer, loss(es), metrics (resolved now, so a bad name fails here). */
  compile(config: CompileConfig = {}): void {
    if (typeof config !== 'object' || config === null)
      throw new TrainingError(`compile: expected {optimizer, loss, metrics}, received ${describeValue(config)}`);
    const unknown = Object.keys(config).filter((k) => !COMPILE_OPTIONS.includes(k));
    if (unknown.length)
      throw new TrainingError(
        `compile: unknown option(s) ${unknown.join(', ')}; the options are ${COMPILE_OPTIONS.join(', ')}`,
      );
    const optimizer = getOptimizer(config.optimizer ?? 'rmsprop');
    const loss = new CompiledLoss(config.loss, config.lossWeights);
    const metrics = new CompiledMetrics(config.metrics, config.weightedMetrics);
    this.resetMetrics();
    if (this.#ownsOptimizer && this.optimizer && this.optimizer !== optimizer) this.optimizer.dispose();
    this.#ownsOptimizer = !(config.optimizer instanceof Optimizer);
    this.optimizer = optimizer;
    this.compiledLoss = loss;
    this.compiledMetrics = metrics;
  }

  /** Whether compile() has run. */
  get compiled(): boolean {
    return this.optimizer !== null;
  }

  /** Every metric: the loss tracker, per-output loss trackers, then the compiled metrics ([] before compile). */
  get metrics(): Metric[] {
    return this.compiled ? this.#allMetrics() : [];
  }

  #allMetrics(): Metric[] {
    return [this.lossTracker, ...(this.compiledLoss?.trackers ?? []), ...(this.compiledMetrics?.list ?? [])];
  }

  /** Starts every metric afresh (and frees their state). */
  resetMetrics(): void {
    for (const m of this.#allMetrics()) m.resetState();
  }

  /** The model's weights (trainable and not), in a stable order: what callbacks save and restore. */
  get weightVariables(): Variable[] {
    return this.weights;
  }

  // ---- the steps: override them in a subclass; super.trainStep(data) is the default ----

  /** The loss of a batch: the compiled loss(es) plus the model's own losses (regularizers, addLoss). */
  computeLoss({ y, yPred, sampleWeight }: ComputeLossArgs): Tensor {
    const terms: Tensor[] = [];
    const compiled = this.compiledLoss?.call(y, yPred, sampleWeight, this);
    if (compiled) terms.push(compiled);
    for (const l of this.losses) terms.push(l);
    if (terms.length === 0) {
      throw new TrainingError(
        'no loss to compute: pass a loss to compile() (e.g. compile({optimizer, loss: "mse"})), or add losses in the model with addLoss()',
      );
    }
    return terms.reduce((a, b) => add(a, b));
  }

  /** Updates the compiled metrics with a batch and returns every metric's result (Keras's compute_metrics). */
  computeMetrics(
    _x: ModelInputs,
    y: Targets | null | undefined,
    yPred: ModelOutputs,
    sampleWeight?: Targets | null,
  ): Record<string, Tensor> {
    this.compiledMetrics?.update(y, yPred, sampleWeight, this, this.compiledLoss?.perOutput ?? []);
    return this.metricsResult();
  }

  /** Every metric's current result, by name (Keras's get_metrics_result). */
  metricsResult(): Record<string, Tensor> {
    const out: Record<string, Tensor> = {};
    for (const m of this.#allMetrics()) {
      if (m === this.lossTracker || (this.compiledLoss?.trackers ?? []).includes(m as Mean)) out[m.name] = m.result();
    }
    return { ...out, ...(this.compiledMetrics?.results() ?? {}) };
  }

  /** One training step: forward pass under a tape, loss, gradients, optimizer update, metrics. */
  trainStep(data: StepData): Record<string, Tensor> {
    const [x, y, sampleWeight] = data;
    const tape = new GradientTape();
    try {
      const { yPred, loss } = tape.record(() => {
        const yPred = this.apply(this.inputsFor(x) as never, { training: true }) as ModelOutputs;
        const loss = this.#checkedLoss({ x, y, yPred, sampleWeight, training: true });
        return { yPred, loss };
      });
      this.lossTracker.updateState(loss, scalar(firstBatchSize(x)));
      // Read after the forward pass: a model's first call builds its weights.
      const weights = this.trainableWeights;
      if (weights.length > 0) {
        const grads = tape.gradient(loss, weights);
        (this.optimizer as Optimizer).applyGradients(weights.map((w, i) => [grads[i], w] as const));
      } else if (!this.#warnedNoWeights) {
        this.#warnedNoWeights = true;
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
    const yPred = this.apply(this.inputsFor(x) as never, { training: false }) as ModelOutputs;
    const loss = this.#checkedLoss({ x, y, yPred, sampleWeight, training: false });
    this.lossTracker.updateState(loss, scalar(firstBatchSize(x)));
    return this.computeMetrics(x, y, yPred, sampleWeight);
  }

  /** One prediction step: the model in inference mode. */
  predictStep(data: StepData): ModelOutputs {
    return this.apply(this.inputsFor(data[0]) as never, { training: false }) as ModelOutputs;
  }

  /** Inputs as the model takes them: a record keyed by input name becomes a list in the model's input order. */
  inputsFor(x: ModelInputs): ModelInputs {
    const names = this.inputNames;
    if (!names || x instanceof Tensor || Array.isArray(x)) return x;
    const record = x as Record<string, Tensor>;
    const missing = names.filter((n) => !(n in record));
    const unknown = Object.keys(record).filter((k) => !names.includes(k));
    if (missing.length || unknown.length) {
      throw new TrainingError(
        `the model's inputs are ${names.map((n) => `'${n}'`).join(', ')}; received keys ${Object.keys(record)
          .map((n) => `'${n}'`)
          .join(', ')}${missing.length ? ` (missing ${missing.join(', ')})` : ''}`,
      );
    }
    return names.length === 1 ? record[names[0]] : names.map((n) => record[n]);
  }

  /**
   * @internal predict's inputs as a list in the model's input order, and whether the model takes one
   * tensor (Model resolves names through its graph).
   */
  protected inputList(x: ModelInputs, what: string): { list: Tensor[]; single: boolean } {
    if (x instanceof Tensor) return { list: [x], single: true };
    if (Array.isArray(x)) return { list: [...x], single: false };
    const given = this.inputsFor(x);
    if (given instanceof Tensor) return { list: [given], single: true };
    if (Array.isArray(given)) return { list: [...given], single: false };
    throw new TrainingError(
      `${what}: inputs keyed by name need a model whose input names are known; pass a tensor or an array`,
    );
  }

  #checkedLoss(args: ComputeLossArgs): Tensor {
    const loss = this.computeLoss(args);
    if (!(loss instanceof Tensor))
      throw new TrainingError(`computeLoss must return a scalar Tensor, received ${describeValue(loss)}`);
    if (loss.rank !== 0 && loss.size !== 1)
      throw new TrainingError(
        `computeLoss must return a scalar loss, received shape ${fmtShape(loss.shape)}; reduce it (e.g. mean(...))`,
      );
    return loss;
  }

  // ---- the loops (loops.ts) ----

  /** Trains for `epochs` passes over the data; resolves to the History (`history.loss`, `history.val_loss`, ...). */
  fit(x: DataInput, y?: unknown, options: FitOptions = {}): Promise<FitHistory> {
    return fitLoop(this, x, y, options);
  }

  /** The loss and metrics over the data, as numbers: `{loss, accuracy, ...}`. */
  evaluate(x: DataInput, y?: unknown, options: EvaluateOptions = {}): Promise<Logs> {
    return evaluateData(this, x, y, options);
  }

  /**
   * Runs the model on inputs in batches (inference mode, through predictStep) and returns the
   * outputs joined along the first axis: a tensor, one per output, or a record for named outputs.
   * Inputs: a tensor, an array (one per input), or an object keyed by input name; a Dataset of
   * input batches gives a promise of the same.
   */
  predict(x: Dataset<unknown>, options?: PredictOptions): Promise<ModelOutputs>;
  predict(x: ModelInputs, options?: PredictOptions): ModelOutputs;
  predict(x: ModelInputs | Dataset<unknown>, options: PredictOptions = {}): ModelOutputs | Promise<ModelOutputs> {
    checkPositiveInt('predict', 'batchSize', options.batchSize);
    if (x instanceof Dataset) {
      if (options.batchSize !== undefined)
        return Promise.reject(
          new TrainingError(
            'predict: batchSize cannot be used with a Dataset (its elements are batches already); batch the dataset with .batch(n)',
          ),
        );
      return predictDataset(this, x);
    }
    const { list, single } = this.inputList(x, 'predict');
    return predictLoop(this, list, single, options.batchSize ?? 32);
  }

  /** One training step on one batch; resolves to its logs (the metrics of this batch alone unless resetMetrics is false). */
  async trainOnBatch(x: DataInput, y?: unknown, options: BatchOptions = {}): Promise<Logs> {
    assertCompiled(this, 'trainOnBatch');
    this.optimizer?.build(this.trainableWeights);
    return onBatch(this, 'trainOnBatch', x, y, options, (data) => this.trainStep(data));
  }

  /** One evaluation step on one batch; resolves to its logs. */
  async testOnBatch(x: DataInput, y?: unknown, options: BatchOptions = {}): Promise<Logs> {
    assertCompiled(this, 'testOnBatch');
    return onBatch(this, 'testOnBatch', x, y, options, (data) => this.testStep(data));
  }

  /** The model's outputs for one batch (inference mode). */
  predictOnBatch(x: ModelInputs): ModelOutputs {
    return this.predict(x, { batchSize: Number.MAX_SAFE_INTEGER });
  }

  /** @internal frees the optimizer's and the metrics' state (Model calls it when it frees its weights). */
  protected disposeTrainingState(): void {
    this.resetMetrics();
    this.optimizer?.dispose();
  }

  /** Frees the weights, the optimizer's state and the metrics' state. */
  override dispose(): void {
    this.disposeTrainingState();
    super.dispose();
  }
}
