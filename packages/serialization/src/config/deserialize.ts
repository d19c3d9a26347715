// Strata-dialect configs to objects: the class comes from the registry, then `Cls.fromConfig(config)`
// (models get a layer resolver that knows the program's classes) or `new Cls(config)`.
import { Layer, type SerializedObject } from '@strata/layers';
import { classNameOf } from '@strata/layers/internal';
import { Functional } from '@strata/models';
import { SerializationError } from '../errors';
import { findCustom, kindOf, registeredKey, resolveClass, type CustomObjects, type ObjectKind } from '../registry';
import { builtInActivations } from '../registry-builtins';

/** Options of the config readers ({@link deserializeObject}, {@link modelFromJSON}, ...). */
export interface LoadOptions {
  /** Classes and functions the config may name besides registered ones: `{MyLayer, my_activation}`. */
  customObjects?: CustomObjects;
}

type Constructible = (new (
  config: never,
) => object) & { fromConfig?: (config: Record<string, unknown>, options?: unknown) => object };

function isSerialized(x: unknown): x is SerializedObject {
  return (
    typeof x === 'object' &&
    x !== null &&
    !Array.isArray(x) &&
    typeof (x as SerializedObject).className === 'string' &&
    'config' in x
  );
}

/**
 * `{className, config}` for an object with getConfig; the registered key for the program's classes.
 * @example
 * ```ts
 * serializeObject(new Dense({ units: 2 })); // { className: 'Dense', config: { units: 2, ... } }
 * ```
 */
export function serializeObject(x: object): SerializedObject {
  const getConfig = (x as { getConfig?: () => Record<string, unknown> }).getConfig;
  if (typeof getConfig !== 'function')
    throw new SerializationError(
      `cannot serialize ${classNameOf(x)}: it has no getConfig(); give it one that returns its constructor options`,
    );
  return { className: registeredKey(x.constructor) ?? classNameOf(x), config: getConfig.call(x) };
}

/** Built-in activations only Strata's serialization knows (the Keras 2 / TF.js hard sigmoid). */
function extraActivation(name: string): unknown {
  const fn = builtInActivations().exact.get(name);
  return fn && (fn as { activationName?: string }).activationName === name && name.endsWith('_keras2') ? fn : undefined;
}

/**
 * Replaces what only the program knows inside a config by the objects themselves, before the
 * owner's constructor sees it: `{className, config}` of a registered or custom class (a custom
 * initializer, a custom RNN cell), the name of a registered activation, a Lambda function passed in
 * customObjects. Built-in names are left to the constructors, which resolve them.
 */
export function resolveCustomObjects(config: unknown, options: LoadOptions = {}, key = ''): unknown {
  if (typeof config === 'string') {
    if (/activation$/i.test(key) || key === 'function') {
      const custom = findCustom(config, options.customObjects);
      if (custom) return custom.target;
      return extraActivation(config) ?? config;
    }
    return config;
  }
  if (Array.isArray(config)) return config.map((v) => resolveCustomObjects(v, options, key));
  if (config === null || typeof config !== 'object') return config;
  if (isSerialized(config)) {
    // Keras 3 writes a custom function as {class_name: 'function', config: 'name', registered_name}.
    if (config.className === 'function' && typeof config.config === 'string')
      return resolveCustomObjects(
        (config as { registeredName?: string }).registeredName ?? config.config,
        options,
        key || 'activation',
      );
    const custom = findCustom(config.className, options.customObjects);
    if (custom) return deserializeObject(kindOf(custom.target) ?? 'layer', config, options);
  }
  return Object.fromEntries(Object.entries(config).map(([k, v]) => [k, resolveCustomObjects(v, options, k)]));
}

/**
 * Makes an object of a kind from `{className, config}` (Strata dialect).
 * @example
 * ```ts
 * const dense = deserializeObject('layer', { className: 'Dense', config: { units: 2 } }) as Dense;
 * ```
 */
export function deserializeObject(kind: ObjectKind, serialized: SerializedObject, options: LoadOptions = {}): object {
  if (!isSerialized(serialized)) {
    throw new SerializationError(
      `expected a serialized ${kind}, {className, config}, received ${JSON.stringify(serialized)?.slice(0, 200)}`,
    );
  }
  const cls = resolveClass(kind, serialized.className, options.customObjects) as Constructible;
  const raw = serialized.config ?? {};
  if (typeof raw !== 'object' || Array.isArray(raw))
    throw new SerializationError(
      `the config of ${kind} "${serialized.className}" must be an object, received ${JSON.stringify(raw)}`,
    );
  // A model's config lists its layers: they are resolved one by one through resolveLayer below.
  const isGraphModel = cls === (Functional as unknown) || cls.prototype instanceof Functional;
  const config = (isGraphModel ? raw : resolveCustomObjects(raw, options)) as Record<string, unknown>;
  // An optimizer's learning rate may be a schedule, saved as {className, config}.
  if (kind === 'optimizer' && isSerialized(config.learningRate))
    config.learningRate = deserializeObject('schedule', config.learningRate, options);
  // The layers a model's config makes, so that a model that fails to build frees the weights they built.
  const made: { dispose(): void }[] = [];
  const resolveLayer = (s: SerializedObject) => {
    const layer = deserializeLayer(s, options);
    made.push(layer);
    return layer;
  };
  try {
    if (typeof cls.fromConfig === 'function') return cls.fromConfig(config, { resolveLayer });
    return new cls(config as never);
  } catch (e) {
    for (const layer of made) layer.dispose();
    if (e instanceof SerializationError) throw e;
    const why = e instanceof Error ? e.message : String(e);
    const name = typeof config.name === 'string' ? ` "${config.name}"` : '';
    throw new SerializationError(
      `cannot rebuild ${kind}${name} of class ${serialized.className} from its config: ${why}`,
      { cause: e },
    );
  }
}

/** Makes a layer (a model included) from `{className, config}` (Strata dialect). */
export function deserializeLayer(serialized: SerializedObject, options: LoadOptions = {}): Layer {
  const layer = deserializeObject('layer', serialized, options);
  if (!(layer instanceof Layer))
    throw new SerializationError(
      `"${serialized.className}" does not make a Layer (got ${classNameOf(layer)}); a model config can only list layers`,
    );
  return layer;
}
