import type { Model } from '@strata/models';
import type { CompileConfig } from '@strata/training';
import { deserializeKerasObject, serializeKerasObject } from '../config';
import { registeredKey, type CustomObjects, type ObjectKind } from '../registry';
import { ModelFileError } from '../safety/errors';

type Configurable = { getConfig(): Record<string, unknown> };

function isSerializedObject(x: unknown): x is Record<string, unknown> {
  return typeof x === 'object' && x !== null && !Array.isArray(x) && ('class_name' in x || 'className' in x);
}

/** A loss or metric identifier (or a nest of them, per output) in config.json form. */
function writeIdentifier(id: unknown, what: string): unknown {
  if (id === null || id === undefined || typeof id === 'string') return id ?? null;
  if (Array.isArray(id)) return id.map((x) => writeIdentifier(x, what));
  if (typeof id === 'function') {
    const key = registeredKey(id);
    if (key) return key;
    throw new ModelFileError(
      `saveModel: the ${what} function ${id.name || '(anonymous)'} is not registered, so the compile configuration cannot name it; register it with registerSerializable, or save with includeOptimizer: false`,
    );
  }
  if (typeof id === 'object' && typeof (id as Configurable).getConfig === 'function')
    return serializeKerasObject(id as Configurable);
  if (typeof id === 'object')
    return Object.fromEntries(Object.entries(id).map(([k, v]) => [k, writeIdentifier(v, what)]));
  throw new ModelFileError(`saveModel: cannot write the ${what} ${String(id)} into the compile configuration`);
}

function readIdentifier(kind: ObjectKind, id: unknown, customObjects: CustomObjects | undefined): unknown {
  if (id === null || id === undefined || typeof id === 'string') return id ?? undefined;
  if (Array.isArray(id)) return id.map((x) => readIdentifier(kind, x, customObjects));
  if (isSerializedObject(id)) return deserializeKerasObject(kind, id, { customObjects });
  if (typeof id === 'object')
    return Object.fromEntries(Object.entries(id).map(([k, v]) => [k, readIdentifier(kind, v, customObjects)]));
  throw new ModelFileError(`compile_config: expected a ${kind} name or object, received ${JSON.stringify(id)}`);
}

/** Keras 3's `compile_config`: what compile() was given, so a loaded model trains as the saved one did. */
export function compileConfigOf(model: Model): Record<string, unknown> | null {
  const trainer = model;
  if (!trainer.optimizer) return null;
  return {
    optimizer: serializeKerasObject(trainer.optimizer),
    loss: writeIdentifier(trainer.compiledLoss?.config, 'loss'),
    loss_weights: trainer.compiledLoss?.lossWeights ?? null,
    metrics: writeIdentifier(trainer.compiledMetrics?.metrics, 'metric'),
    weighted_metrics: writeIdentifier(trainer.compiledMetrics?.weightedMetrics, 'metric'),
    run_eagerly: false,
    steps_per_execution: 1,
    jit_compile: false,
  };
}

/** Compiles `model` from a `compile_config` read from a file. */
export function compileFromConfig(model: Model, config: unknown, customObjects: CustomObjects | undefined): void {
  if (typeof config !== 'object' || config === null || Array.isArray(config))
    throw new ModelFileError(`compile_config must be an object, received ${JSON.stringify(config)?.slice(0, 80)}`);
  const c = config as Record<string, unknown>;
  const compile: CompileConfig = {
    optimizer: (readIdentifier('optimizer', c.optimizer, customObjects) as CompileConfig['optimizer']) ?? 'rmsprop',
    loss: readIdentifier('loss', c.loss, customObjects) as CompileConfig['loss'],
    lossWeights: (c.loss_weights ?? undefined) as CompileConfig['lossWeights'],
    metrics: readIdentifier('metric', c.metrics, customObjects) as CompileConfig['metrics'],
    weightedMetrics: readIdentifier('metric', c.weighted_metrics, customObjects) as CompileConfig['weightedMetrics'],
  };
  for (const key of Object.keys(compile) as (keyof CompileConfig)[])
    if (compile[key] === undefined) delete compile[key];
  model.compile(compile);
}
