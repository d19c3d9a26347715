import { nest } from '@strata/tensor';
// Keras 3's dialect (`.keras` config.json): snake_case keys; every object written
// {module, class_name, config, registered_name}; layers with a build_config.
import { Layer, type SerializedObject } from '@strata/layers';
import { classNameOf } from '@strata/layers/internal';
import { Functional, Model, Sequential } from '@strata/models';
import { TENSOR_OP, KERAS_TENSOR, CONSTANT } from '@strata/models/internal';
import { SerializationError } from '../errors';
import { findCustom, type ObjectKind } from '../registry';
import { builtInClasses } from '../registry-builtins';
import { keras2HardSigmoid } from '../legacy-activations';
import { isOpaqueKey, snakeCase } from './case';
import { modelConfig, modelFromConfig } from './model-json';
import { shiftFunctionalCallNodes, toStrataDialect } from './dialect';
import { deserializeObject, type LoadOptions } from './deserialize';

/** A Keras 3 serialized object. */
export interface KerasObject {
  /** The Python module of the class ('keras.layers'); null for registered custom classes. */
  module: string | null;
  /** The class name ('Dense'). */
  class_name: string;
  /** The object's config, snake_case as Keras writes it. */
  config: unknown;
  /** The registered name of a custom class (`package>name`), else null. */
  registered_name: string | null;
  /** The shapes the layer was built with, so loading can build it before setting weights. */
  build_config?:
    | {
        /** The input shape `build` was called with. */
        input_shape: unknown;
      }
    | {
        /** The input shapes, by argument name. */
        shapes_dict: Record<string, unknown>;
      };
  [key: string]: unknown;
}

const MODULES: Record<ObjectKind, string> = {
  layer: 'keras.layers',
  initializer: 'keras.initializers',
  regularizer: 'keras.regularizers',
  constraint: 'keras.constraints',
  activation: 'keras.activations',
  optimizer: 'keras.optimizers',
  schedule: 'keras.optimizers.schedules',
  loss: 'keras.losses',
  metric: 'keras.metrics',
};
const KINDS: ObjectKind[] = [
  'layer',
  'initializer',
  'regularizer',
  'constraint',
  'optimizer',
  'schedule',
  'loss',
  'metric',
];

/** module and registered_name for a class name, as Keras 3 writes them. */
function identity(className: string): { module: string | null; class_name: string; registered_name: string | null } {
  if (className === 'Functional')
    return { module: 'keras.src.models.functional', class_name: 'Functional', registered_name: 'Functional' };
  if (className === 'Sequential') return { module: 'keras', class_name: 'Sequential', registered_name: null };
  if (className === TENSOR_OP)
    return { module: 'strata.ops', class_name: TENSOR_OP, registered_name: `strata>${TENSOR_OP}` };
  const custom = findCustom(className);
  if (custom) {
    const key = custom.key ?? `Custom>${className}`;
    return {
      module: key.slice(0, key.indexOf('>')),
      class_name: key.slice(key.indexOf('>') + 1),
      registered_name: key,
    };
  }
  const kind = KINDS.find((k) => builtInClasses(k).get(className)) ?? null;
  return { module: kind ? MODULES[kind] : null, class_name: className, registered_name: null };
}

/** Shapes each layer of a model was first called on, by layer name (Keras's build_config). */
function buildShapes(model: Layer): Map<string, unknown> {
  const out = new Map<string, unknown>();
  const graph = model instanceof Model ? model.graph : null;
  if (!graph) return out;
  for (const node of graph.nodes) {
    if (!('layer' in node) || out.has(node.layer.name)) continue;
    const shapes = node.inputs.map((x) => [...x.shape]);
    out.set(node.layer.name, Array.isArray(node.args) ? shapes : shapes[0]);
    // MultiHeadAttention's build takes (query_shape, value_shape, key_shape): Keras records them by name.
    if (classNameOf(node.layer) === 'MultiHeadAttention') {
      const [query, value, key] = shapes;
      const shapesDict = { query_shape: query, value_shape: value ?? query, ...(key ? { key_shape: key } : {}) };
      out.set(node.layer.name, { shapes_dict: shapesDict });
    }
  }
  return out;
}

function writeValue(x: unknown, key: string, owner: Layer | null): unknown {
  if (typeof x === 'string') {
    if (/activation$/i.test(key) && x === keras2HardSigmoid.activationName) {
      throw new SerializationError(
        `the activation "${x}" (Keras 2's hard sigmoid, read from a TF.js or Keras 2 model) has no Keras 3 name; Keras 3's hard_sigmoid is relu6(x + 3) / 6`,
      );
    }
    return x;
  }
  if (Array.isArray(x)) return x.map((v) => writeValue(v, key, owner));
  if (!nest.isRecord(x)) return x;
  if (typeof x.className === 'string' && 'config' in x)
    return writeObject(x as unknown as SerializedObject & Record<string, unknown>, owner);
  const out: Record<string, unknown> = {};
  for (const [k, v] of Object.entries(x)) out[snakeCase(k)] = isOpaqueKey(k) ? v : writeValue(v, k, owner);
  return out;
}

function writeObject(
  obj: SerializedObject & Record<string, unknown>,
  owner: Layer | null,
): KerasObject | Record<string, unknown> {
  const { className, config, ...rest } = obj;
  if (className === KERAS_TENSOR || className === CONSTANT)
    return { class_name: className, config: writeValue(config, '', null) };
  // A nested model's layers get their build shapes from that model.
  const nested =
    owner instanceof Model && typeof config.name === 'string' && nest.isRecord(config) && Array.isArray(config.layers)
      ? findLayer(owner, config.name)
      : null;
  const self = nested ?? owner;
  let body = writeValue(keras3Config(className, config), '', self) as Record<string, unknown>;
  if (className === 'InputLayer') {
    body = {
      batch_shape: config.batchInputShape ?? config.batchShape,
      dtype: config.dtype,
      sparse: false,
      name: config.name,
    };
  }
  const out: Record<string, unknown> = { ...identity(className), config: body };
  for (const [k, v] of Object.entries(rest)) out[snakeCase(k)] = writeValue(v, k, self);
  return out;
}

/** Options Keras 3's constructor of the class does not take (its get_config leaves them out too). */
const NOT_IN_KERAS: Record<string, string[]> = {
  SpatialDropout1D: ['trainable'],
  SpatialDropout2D: ['trainable'],
  SpatialDropout3D: ['trainable'],
};

/** Layers whose Keras `call` takes its tensors as positional arguments (query, value, key), not as one list. */
const POSITIONAL_CALLS: Record<string, true> = { MultiHeadAttention: true };

function spreadCallArgs(entry: Record<string, unknown>): void {
  for (const node of (entry.inboundNodes ?? []) as { args?: unknown[] }[]) {
    const args = node.args;
    if (Array.isArray(args) && args.length === 1 && Array.isArray(args[0])) node.args = args[0] as unknown[];
  }
}

/**
 * A Strata config as Keras 3 reads it: a Functional's call references as Keras counts them, calls
 * with positional tensors spread, options Keras refuses left out.
 */
function keras3Config(className: string, config: Record<string, unknown>): Record<string, unknown> {
  let out = config;
  if (Array.isArray(config.layers) && 'inputLayers' in config) {
    out = { ...config, layers: structuredClone(config.layers) };
    shiftFunctionalCallNodes(out, -1);
    for (const entry of out.layers as Record<string, unknown>[]) {
      if (String(entry.className) in POSITIONAL_CALLS) spreadCallArgs(entry);
    }
  }
  const refused = NOT_IN_KERAS[className];
  if (refused) out = Object.fromEntries(Object.entries(out).filter(([k]) => !refused.includes(k)));
  return out;
}

function findLayer(model: Model, name: string): Layer | null {
  try {
    return model.getLayer(name);
  } catch {
    return null;
  }
}

/** Adds build_config to each layer entry of a model config (Keras 3 builds layers from it before loading weights). */
function addBuildConfigs(obj: KerasObject, model: Layer): void {
  const config = obj.config as Record<string, unknown>;
  if (!Array.isArray(config?.layers)) return;
  const shapes = buildShapes(model);
  for (const entry of config.layers as KerasObject[]) {
    const name = (entry.config as Record<string, unknown>)?.name as string;
    const shape = shapes.get(name);
    if (entry.class_name !== 'InputLayer' && shapes.has(name)) {
      entry.build_config =
        nest.isRecord(shape) && 'shapes_dict' in shape
          ? (shape as KerasObject['build_config'])
          : { input_shape: shape };
    }
    const inner = model instanceof Model ? findLayer(model, name) : null;
    if (inner && inner instanceof Functional) addBuildConfigs(entry, inner);
  }
  if (model instanceof Sequential && model.graph) config.build_input_shape = [...model.graph.inputs[0].shape];
}

/**
 * A model's config.json object in Keras 3's dialect: `{module, class_name, config, registered_name,
 * build_config}`, layers with their `build_config`, Functional nodes as `{args, kwargs}` with
 * `__keras_tensor__` references. Raw ops on symbolic tensors appear as `strata>TensorOp` entries,
 * which only Strata reads.
 * @example
 * ```ts
 * const config = modelToKerasConfig(model); // { module: 'keras', class_name: 'Sequential', config: {...}, ... }
 * ```
 */
export function modelToKerasConfig(model: Layer): KerasObject {
  if (!(model instanceof Layer))
    throw new SerializationError(
      `modelToKerasConfig: expected a model, received ${model === null ? 'null' : typeof model}`,
    );
  const strata = modelConfig(model);
  const obj = writeObject(strata as SerializedObject & Record<string, unknown>, model) as KerasObject;
  addBuildConfigs(obj, model);
  if (!(model instanceof Functional) && strata.buildConfig)
    obj.build_config = { input_shape: strata.buildConfig.inputShape };
  else if (model instanceof Sequential && strata.buildConfig)
    obj.build_config = { input_shape: strata.buildConfig.inputShape };
  return obj;
}

/**
 * A model (fresh weights, built) from a config.json object in Keras 3's dialect, or Keras 2's. Every
 * class it names must be built in, registered or in `customObjects`; nothing is evaluated.
 * @example
 * ```ts
 * const copy = modelFromKerasConfig(JSON.parse(configJsonWrittenByKeras));
 * ```
 */
export function modelFromKerasConfig(obj: unknown, options: LoadOptions = {}): Layer {
  return modelFromConfig(toStrataDialect(obj), options);
}

/**
 * Any configurable object (optimizer, loss, metric, schedule...) in Keras 3's dialect.
 * @example
 * ```ts
 * serializeKerasObject(new GlorotUniform({ seed: 1 }));
 * // { module: 'keras.initializers', class_name: 'GlorotUniform', config: { seed: 1 }, ... }
 * ```
 */
export function serializeKerasObject(obj: { getConfig(): Record<string, unknown> } | string | null): unknown {
  if (obj === null || typeof obj === 'string') return obj;
  const ctor = obj.constructor as { className?: string; name: string };
  const className = Object.hasOwn(ctor, 'className') && ctor.className ? ctor.className : ctor.name;
  return writeObject({ className, config: obj.getConfig() }, null);
}

/**
 * An optimizer, loss, metric, schedule... from its Keras 3 (or Strata) serialized form; a string is a built-in name.
 * @example
 * ```ts
 * deserializeKerasObject('initializer', { module: 'keras.initializers', class_name: 'Zeros', config: {} });
 * ```
 */
export function deserializeKerasObject(
  kind: ObjectKind,
  obj: unknown,
  options: LoadOptions = {},
): object | string | null {
  if (obj === null || obj === undefined || typeof obj === 'string') return obj ?? null;
  return deserializeObject(kind, toStrataDialect(obj), options);
}
