// The training configuration and optimizer state of the TF.js layers format (tfjs-layers'
// `model.save(handler, {includeOptimizer: true})`): `trainingConfig` {loss, metrics, optimizer_config}
// and weights of group "optimizer": `iter`, then per trained weight `<weight>/m` and `<weight>/v` (Adam).
import { scalar, type Tensor, type Variable } from '@strata/tensor';
import type { Layer } from '@strata/layers';
import { Model } from '@strata/models';
import { Adam, SGD, type Optimizer } from '@strata/training';
import { SerializationError } from '../errors';
import { resolveClass, type CustomObjects } from '../registry';
import { compileConfigOf, compileFromConfig } from '../keras/compile-config';
import type { WeightSpec } from './weights';

/** How Strata's optimizers and their slots map onto TF.js's (the ones both have with the same state). */
const TFJS_OPTIMIZERS: {
  cls: typeof Adam | typeof SGD;
  className: string;
  slots: string[];
  config: (o: Optimizer) => Record<string, unknown> | null;
}[] = [
  {
    cls: Adam,
    className: 'Adam',
    slots: ['m', 'v'],
    config: (o) => {
      const a = o as Adam;
      return a.amsgrad ? null : { learningRate: a.learningRate, beta1: a.beta1, beta2: a.beta2, epsilon: a.epsilon };
    },
  },
  {
    cls: SGD,
    className: 'SGD',
    slots: [],
    config: (o) => ((o as SGD).momentum ? null : { learningRate: o.learningRate }),
  },
];

/** tfjs-layers' loss names (it knows no aliases such as 'mse', and no loss objects). */
const TFJS_LOSSES: Record<string, string> = {
  MeanSquaredError: 'mean_squared_error',
  MeanAbsoluteError: 'mean_absolute_error',
  MeanAbsolutePercentageError: 'mean_absolute_percentage_error',
  MeanSquaredLogarithmicError: 'mean_squared_logarithmic_error',
  Hinge: 'hinge',
  SquaredHinge: 'squared_hinge',
  CategoricalHinge: 'categorical_hinge',
  LogCosh: 'logcosh',
  CategoricalCrossentropy: 'categorical_crossentropy',
  SparseCategoricalCrossentropy: 'sparse_categorical_crossentropy',
  BinaryCrossentropy: 'binary_crossentropy',
  KLDivergence: 'kullback_leibler_divergence',
  Poisson: 'poisson',
};

/** A compiled loss (a name, `{class_name, config}`, or a list / record of them) under tfjs-layers' names. */
function tfjsLoss(id: unknown): unknown {
  if (Array.isArray(id)) return id.map(tfjsLoss);
  if (id !== null && typeof id === 'object' && !('class_name' in id))
    return Object.fromEntries(Object.entries(id).map(([k, v]) => [k, tfjsLoss(v)]));
  const name = typeof id === 'string' ? id : String((id as { class_name?: unknown })?.class_name);
  let className: string | undefined;
  try {
    className = (resolveClass('loss', name) as { className?: string }).className;
  } catch {
    className = undefined;
  }
  const found = className ? TFJS_LOSSES[className] : undefined;
  if (!found)
    throw new SerializationError(
      `the loss ${JSON.stringify(id)} has no tfjs-layers name; the TF.js format's trainingConfig can name only ${Object.values(TFJS_LOSSES).join(', ')}. Save with includeOptimizer: false`,
    );
  if (typeof id === 'object' && id !== null)
    console.warn(
      `saveTfjs: the loss ${className}'s options are not kept in the TF.js format (tfjs-layers names losses only)`,
    );
  return found;
}

function mappingOf(optimizer: Optimizer) {
  const m = TFJS_OPTIMIZERS.find((t) => optimizer.constructor === t.cls);
  // A schedule or a function as the learning rate has no TF.js form.
  return m && typeof optimizer.learningRateSetting === 'number' && m.config(optimizer) ? m : null;
}

/**
 * The trainingConfig and optimizer weights of a compiled model, as tfjs-layers writes them. Only Adam
 * (without amsgrad) and plain SGD have the same state in both; other optimizers are refused.
 */
export function encodeOptimizerState(
  model: Layer,
  names: ReadonlyMap<Variable, string>,
): { trainingConfig: Record<string, unknown>; variables: Variable[]; tensors: Tensor[]; names: string[] } | null {
  if (!(model instanceof Model) || !model.optimizer) return null;
  const optimizer = model.optimizer;
  const mapping = mappingOf(optimizer);
  if (!mapping) {
    throw new SerializationError(
      `the optimizer ${optimizer.constructor.name} (with these options) has no TF.js equivalent with the same state; only Adam (without amsgrad) and SGD (without momentum) can be saved with the TF.js format's optimizer. Save with includeOptimizer: false, or use the .keras format`,
    );
  }
  const compile = compileConfigOf(model)!;
  const trainingConfig = {
    loss: tfjsLoss(compile.loss),
    metrics: compile.metrics,
    loss_weights: compile.loss_weights ?? null,
    optimizer_config: { class_name: mapping.className, config: mapping.config(optimizer) },
  };
  const trained = model.trainableWeights;
  optimizer.build(trained);
  const slots = optimizer.variables;
  const per = mapping.slots.length;
  const iter = scalar(optimizer.iterations, 'int32');
  const outVars: Variable[] = [];
  const outNames: string[] = [];
  // tfjs writes each slot kind for every weight in turn: all m, then all v.
  mapping.slots.forEach((slot, k) =>
    trained.forEach((w, i) => {
      outVars.push(slots[i * per + k]);
      outNames.push(`${names.get(w) ?? w.name}/${slot}`);
    }),
  );
  return { trainingConfig, variables: outVars, tensors: [iter], names: ['iter', ...outNames] };
}

/**
 * Compiles a loaded model from a TF.js trainingConfig and restores its optimizer's state (Adam, SGD);
 * state of another optimizer is skipped with a warning, as Keras does.
 */
export function restoreOptimizerState(
  model: Layer,
  trainingConfig: unknown,
  specs: readonly WeightSpec[],
  tensors: readonly Tensor[],
  names: ReadonlyMap<Variable, string>,
  customObjects?: CustomObjects,
): void {
  if (!(model instanceof Model) || typeof trainingConfig !== 'object' || trainingConfig === null) return;
  const c = trainingConfig as Record<string, unknown>;
  compileFromConfig(
    model,
    { optimizer: c.optimizer_config, loss: c.loss, metrics: c.metrics ?? null, loss_weights: c.loss_weights ?? null },
    customObjects,
  );
  if (specs.length === 0) return;
  const optimizer = model.optimizer!;
  const mapping = mappingOf(optimizer);
  if (!mapping) {
    console.warn(
      `loadTfjs: the optimizer state in the file (${specs.length} weights) is for ${optimizer.constructor.name}, whose TF.js state Strata does not read; the optimizer starts afresh`,
    );
    return;
  }
  const byName = new Map(specs.map((s, i) => [s.name, tensors[i]]));
  const iter = byName.get('iter');
  // An optimizer that never stepped saved its step count alone (tfjs makes slots on the first step).
  if (specs.every((s) => s.name === 'iter')) {
    if (iter) optimizer.iterations = Number(iter.dataSync()[0]);
    return;
  }
  const trained = model.trainableWeights;
  optimizer.build(trained);
  const slots = optimizer.variables;
  const per = mapping.slots.length;
  const missing: string[] = [];
  trained.forEach((w, i) =>
    mapping.slots.forEach((slot, k) => {
      const name = `${names.get(w) ?? w.name}/${slot}`;
      const value = byName.get(name);
      if (!value) return void missing.push(name);
      const target = slots[i * per + k];
      if (value.shape.join() !== target.shape.join())
        throw new SerializationError(
          `optimizer weight "${name}" has shape [${value.shape}] in the file, but the model's weight has shape [${target.shape}]`,
        );
      target.assign(value);
    }),
  );
  if (missing.length)
    throw new SerializationError(
      `the file's optimizer state lacks ${missing.slice(0, 5).join(', ')}${missing.length > 5 ? ', ...' : ''}; it belongs to another model`,
    );
  if (iter) optimizer.iterations = Number(iter.dataSync()[0]);
}
