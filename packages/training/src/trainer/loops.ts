// The loops of fit, evaluate, predict and the per-batch methods: batches from the data adapter,
// one step of the Trainer per batch, callbacks around them. The steps themselves live on the Trainer.
import { Tensor, clone, concat, dispose, slice, tidy } from '@strata/tensor';
import { TrainingError, describeValue } from '../errors';
import { Callback, type Logs } from '../callbacks/callback';
import { CallbackList } from '../callbacks/callback-list';
import { History, type FitHistory } from '../callbacks/history';
import { ProgressBar } from '../callbacks/progress-bar';
import { Dataset } from '../data/dataset';
import {
  type ArraySource,
  DatasetSource,
  disposeBatch,
  makeSource,
  splitArrays,
  type DataInput,
  type EpochSource,
} from './data-adapter';
import { nestTensors } from '../utils/nest';
import { batchLogs, printEvaluation, readLogs } from './logs';
import {
  EVALUATE_OPTIONS,
  FIT_OPTIONS,
  checkOptions,
  checkPositiveInt,
  shouldValidate,
  verbosity,
  type BatchOptions,
  type EvaluateOptions,
  type FitOptions,
} from './options';
import type { ModelOutputs, StepData } from './trainable';
import type { Trainer } from './trainer';

export function assertCompiled(trainer: Trainer, what: string): void {
  if (!trainer.compiled) {
    throw new TrainingError(
      `${what}: the model must be compiled first: call compile({optimizer: 'adam', loss: 'sparse_categorical_crossentropy', metrics: ['accuracy']}) (with your loss) before ${what}()`,
    );
  }
}

/**
 * An epoch's (or an evaluation's) logs, as Keras's `_get_metrics_result_or_logs`: the metrics'
 * results, unless the last step returned other names (a custom step's own logs), then those.
 */
async function epochLogs(trainer: Trainer, last: Record<string, Tensor> | null): Promise<Logs> {
  const results = tidy(() => trainer.metricsResult());
  try {
    const names = Object.keys(results);
    const same = !last || (Object.keys(last).length === names.length && names.every((n) => n in last));
    return await readLogs(same ? results : last);
  } finally {
    dispose(Object.values(results));
  }
}

/** Keeps the latest step's logs (for epochLogs), freeing the previous ones. */
function keepLast(
  last: Record<string, Tensor> | null,
  logs: Record<string, Tensor> | null,
): Record<string, Tensor> | null {
  if (!logs) return last;
  if (last) dispose(Object.values(last));
  return logs;
}

export async function fitLoop(trainer: Trainer, x: DataInput, y: unknown, options: FitOptions): Promise<FitHistory> {
  assertCompiled(trainer, 'fit');
  const owner = 'fit';
  checkOptions(owner, options as Record<string, unknown>, FIT_OPTIONS);
  const epochs = options.epochs ?? 1;
  checkPositiveInt(owner, 'epochs', epochs);
  checkPositiveInt(owner, 'batchSize', options.batchSize);
  checkPositiveInt(owner, 'stepsPerEpoch', options.stepsPerEpoch);
  const verbose = verbosity(options.verbose, 1);
  if (x instanceof Dataset && options.batchSize !== undefined)
    throw new TrainingError(
      `${owner}: batchSize cannot be used with a Dataset (its elements are batches already); batch the dataset with .batch(n)`,
    );
  if (options.classWeight && options.sampleWeight)
    throw new TrainingError(`${owner}: pass classWeight or sampleWeight, not both`);

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
    train = makeSource(owner, tx as DataInput, ty, tsw, {
      batchSize: options.batchSize,
      shuffle: options.shuffle ?? true,
      stepsPerEpoch: options.stepsPerEpoch,
      classWeight: options.classWeight,
      seed: options.seed,
    });
    if (valData) val = validationSource(valData, options);

    const history = new History();
    const user = [...(options.callbacks ?? [])];
    user.forEach((cb, i) => {
      if (!(cb instanceof Callback))
        throw new TrainingError(
          `${owner}: callbacks[${i}] is ${describeValue(cb)}; callbacks must extend Callback (or use new LambdaCallback({...}))`,
        );
    });
    const bar =
      verbose > 0 && !user.some((c) => c instanceof ProgressBar)
        ? [new ProgressBar({ verbose: verbose as 1 | 2 })]
        : [];
    // As Keras: the History and the progress bar come after the user's callbacks, so they see what those add to the logs.
    const callbacks = new CallbackList([...user, history, ...bar]);
    trainer.stopTraining = false;
    trainer.initialEpoch = options.initialEpoch ?? 0;
    trainer.optimizer?.build(trainer.trainableWeights);
    callbacks.setContext(trainer, { epochs, steps: train.steps, verbose });

    await callbacks.onTrainBegin();
    const wantsBatchLogs = callbacks.wants('onTrainBatchEnd');
    let logsOfEpoch: Logs = {};
    for (let epoch = trainer.initialEpoch; epoch < epochs; epoch++) {
      trainer.resetMetrics();
      await callbacks.onEpochBegin(epoch);
      let step = 0;
      let last: Record<string, Tensor> | null = null;
      try {
        for await (const batch of train.epoch()) {
          let logs: Record<string, Tensor> | null = null;
          try {
            await callbacks.onTrainBatchBegin(step);
            logs = tidy(() => trainer.trainStep(batch));
            if (wantsBatchLogs) await callbacks.onTrainBatchEnd(step, await batchLogs(logs));
          } finally {
            disposeBatch(batch);
            last = keepLast(last, logs);
          }
          step++;
          if (trainer.stopTraining) break;
        }
        logsOfEpoch = await epochLogs(trainer, last);
      } finally {
        if (last) dispose(Object.values(last));
      }
      if (
        val &&
        shouldValidate(epoch, options.validationFreq) &&
        !(train instanceof DatasetSource && train.exhausted)
      ) {
        const valLogs = await evaluateLoop(trainer, val, callbacks, false);
        for (const [k, v] of Object.entries(valLogs)) logsOfEpoch[`val_${k}`] = v;
      }
      await callbacks.onEpochEnd(epoch, logsOfEpoch);
      if (trainer.stopTraining || (train instanceof DatasetSource && train.exhausted)) break;
    }
    await callbacks.onTrainEnd(logsOfEpoch);
    trainer.optimizer?.finalizeVariableValues(trainer.trainableWeights);
    return history as FitHistory;
  } finally {
    trainer.resetMetrics();
    train?.dispose();
    val?.dispose();
    dispose(owned);
  }
}

function validationSource(data: readonly unknown[] | Dataset<unknown>, options: FitOptions): EpochSource {
  if (data instanceof Dataset)
    return makeSource('fit (validationData)', data, undefined, undefined, {
      shuffle: false,
      stepsPerEpoch: options.validationSteps,
    });
  if (!Array.isArray(data) || data.length < 2 || data.length > 3) {
    throw new TrainingError(
      `fit: validationData must be [x, y], [x, y, sampleWeight] or a Dataset, received ${describeValue(data)}`,
    );
  }
  return makeSource('fit (validationData)', data[0] as DataInput, data[1], data[2], {
    batchSize: options.validationBatchSize ?? options.batchSize ?? 32,
    shuffle: false,
    stepsPerEpoch: options.validationSteps,
  });
}

async function evaluateLoop(
  trainer: Trainer,
  source: EpochSource,
  callbacks: CallbackList,
  standalone: boolean,
): Promise<Logs> {
  trainer.resetMetrics();
  if (standalone) await callbacks.onTestBegin();
  const wantsBatchLogs = callbacks.wants('onTestBatchEnd');
  let step = 0;
  let last: Record<string, Tensor> | null = null;
  let result: Logs;
  try {
    for await (const batch of source.epoch()) {
      let logs: Record<string, Tensor> | null = null;
      try {
        await callbacks.onTestBatchBegin(step);
        logs = tidy(() => trainer.testStep(batch));
        if (wantsBatchLogs) await callbacks.onTestBatchEnd(step, await batchLogs(logs));
      } finally {
        disposeBatch(batch);
        last = keepLast(last, logs);
      }
      step++;
    }
    result = await epochLogs(trainer, last);
  } finally {
    if (last) dispose(Object.values(last));
  }
  trainer.resetMetrics();
  if (standalone) await callbacks.onTestEnd(result);
  return result;
}

export async function evaluateData(
  trainer: Trainer,
  x: DataInput,
  y: unknown,
  options: EvaluateOptions,
): Promise<Logs> {
  assertCompiled(trainer, 'evaluate');
  checkOptions('evaluate', options as Record<string, unknown>, EVALUATE_OPTIONS);
  checkPositiveInt('evaluate', 'batchSize', options.batchSize);
  const verbose = verbosity(options.verbose, 0);
  const source = makeSource('evaluate', x, y, options.sampleWeight, {
    batchSize: options.batchSize,
    shuffle: false,
    stepsPerEpoch: options.steps,
  });
  try {
    const callbacks = new CallbackList([...(options.callbacks ?? [])]);
    callbacks.setContext(trainer, { steps: source.steps, verbose });
    const logs = await evaluateLoop(trainer, source, callbacks, true);
    if (verbose > 0) printEvaluation(logs);
    return logs;
  } finally {
    source.dispose();
    trainer.resetMetrics();
  }
}

/** One step on one batch (trainOnBatch, testOnBatch): its logs as numbers. */
export async function onBatch(
  trainer: Trainer,
  owner: string,
  x: DataInput,
  y: unknown,
  options: BatchOptions,
  step: (data: StepData) => Record<string, Tensor>,
): Promise<Logs> {
  if (x instanceof Dataset)
    throw new TrainingError(
      `${owner}: expected tensors for one batch, received a Dataset; use fit or evaluate for datasets`,
    );
  const reset = options.resetMetrics ?? true;
  if (reset) trainer.resetMetrics();
  const source = makeSource(owner, x, y, options.sampleWeight, {
    batchSize: Number.MAX_SAFE_INTEGER,
    shuffle: false,
    classWeight: options.classWeight,
  }) as ArraySource;
  const batch = source.batch(Int32Array.from({ length: source.size }, (_, i) => i));
  let logs: Record<string, Tensor> | null = null;
  try {
    logs = tidy(() => step(batch));
    return await readLogs(logs);
  } finally {
    disposeBatch(batch);
    if (logs) dispose(Object.values(logs));
    source.dispose();
    if (reset) trainer.resetMetrics();
  }
}

/**
 * predict's loop: the inputs (a list in the model's input order) in batches of `batchSize` through
 * predictStep, each output joined over the batches. Synchronous, as Keras's predict.
 */
export function predictLoop(trainer: Trainer, list: Tensor[], single: boolean, batchSize: number): ModelOutputs {
  if (list.length === 0) throw new TrainingError('predict: no inputs given');
  for (const t of list) {
    if (t.rank === 0) throw new TrainingError(`predict: inputs need a batch axis, received a scalar`);
  }
  const n = list[0].shape[0];
  const sizes = list.map((t) => t.shape[0]);
  if (sizes.some((s) => s !== n))
    throw new TrainingError(
      `predict: every input must have the same number of samples (first axis), received ${sizes.join(', ')}`,
    );

  let multiOutput = false;
  let keys: string[] | null = null;
  const chunks: Tensor[][] = [];
  for (let start = 0; start < n || (n === 0 && start === 0); start += batchSize) {
    const size = Math.min(batchSize, n - start);
    const outs = tidy(() => {
      const batch = n <= batchSize ? list : list.map((t) => slice(t, start, size));
      let y = trainer.predictStep([single ? batch[0] : batch]);
      if (!(y instanceof Tensor) && !Array.isArray(y)) {
        keys = Object.keys(y);
        y = keys.map((k) => (y as Record<string, Tensor>)[k]);
      }
      multiOutput = Array.isArray(y);
      // An output that is an input (an identity model) is copied: the caller owns what predict returns.
      return (Array.isArray(y) ? y : [y]).map((t) => (list.includes(t) ? clone(t) : t));
    });
    chunks.push(outs);
    if (n === 0) break;
  }
  const result =
    chunks.length === 1
      ? chunks[0]
      : chunks[0].map((_, k) => {
          const parts = chunks.map((c) => c[k]);
          const joined = concat(parts, 0);
          for (const p of parts) p.dispose();
          return joined;
        });
  if (keys) return Object.fromEntries((keys as string[]).map((k, i) => [k, result[i]]));
  return multiOutput ? result : result[0];
}

/** predict over a Dataset of input batches: each batch through predictStep, the outputs joined. */
export async function predictDataset(trainer: Trainer, data: Dataset<unknown>): Promise<ModelOutputs> {
  const source = makeSource('predict', data, undefined, undefined, { shuffle: false });
  const parts: ModelOutputs[] = [];
  try {
    for await (const batch of source.epoch()) {
      try {
        parts.push(tidy(() => trainer.predictStep(batch)));
      } finally {
        disposeBatch(batch);
      }
    }
    if (parts.length === 0) throw new TrainingError('predict: the data produced no batches');
    return joinOutputs(parts);
  } finally {
    dispose(parts.flatMap((p) => nestTensors(p)));
    source.dispose();
  }
}

/** Joins per-batch outputs along the first axis, keeping the output structure. */
function joinOutputs(parts: ModelOutputs[]): ModelOutputs {
  const first = parts[0];
  if (first instanceof Tensor) return concat(parts as Tensor[], 0);
  if (Array.isArray(first))
    return first.map((_, i) =>
      concat(
        parts.map((p) => (p as Tensor[])[i]),
        0,
      ),
    );
  const out: Record<string, Tensor> = {};
  for (const k of Object.keys(first))
    out[k] = concat(
      parts.map((p) => (p as Record<string, Tensor>)[k]),
      0,
    );
  return out;
}
