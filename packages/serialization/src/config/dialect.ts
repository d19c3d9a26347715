import { nest } from '@strata/tensor';
// Reading and writing the Keras 3 and Keras 2 / TF.js dialects of a config. Everything is first
// brought to (or taken from) Strata's dialect; keys change case in case.ts only.
import type { SerializedObject } from '@strata/layers';
import { KERAS_TENSOR } from '@strata/models/internal';
import { SerializationError } from '../errors';
import { isOpaqueKey, toCamelKeys } from './case';
import { LEGACY_ACTIVATIONS } from '../legacy-activations';
import { isKerasOpEntry, kerasOpAsTensorOp } from './keras-ops';

/** The dialects a model config is read from: Strata's camelCase, Keras 3's, or legacy (Keras 2 and tfjs). */
export type Dialect = 'strata' | 'keras3' | 'legacy';

/** A top-level config in Strata's dialect, with the build shape a subclassed model needs. */
export interface StrataModelConfig extends SerializedObject {
  /** The shapes the model was built with (subclassed models need them); null when unbuilt. */
  buildConfig?: {
    /** The input shape the model was built with. */
    inputShape?: unknown;
  } | null;
}

/** Which dialect a parsed top-level config is written in. */
export function detectDialect(obj: Record<string, unknown>): Dialect {
  if ('className' in obj) return 'strata';
  if (!('class_name' in obj)) {
    throw new SerializationError(
      `expected a model config with "class_name" (Keras, TF.js) or "className" (Strata) at its top, received keys ${JSON.stringify(Object.keys(obj))}`,
    );
  }
  // Keras 2.13+ also writes `module` in places: the version, when present, decides.
  if (typeof obj.keras_version === 'string') return obj.keras_version.startsWith('3') ? 'keras3' : 'legacy';
  return 'module' in obj ? 'keras3' : 'legacy';
}

/** A Keras 2 inbound node `[["dense", 0, 0, {}], ...]` as Keras 3's `{args, kwargs}`. */
function legacyNode(node: unknown, layer: string): { args: unknown[]; kwargs: Record<string, unknown> } {
  if (nest.isRecord(node)) return node as { args: unknown[]; kwargs: Record<string, unknown> };
  if (!Array.isArray(node) || node.some((e) => !Array.isArray(e) || typeof e[0] !== 'string')) {
    throw new SerializationError(
      `layer "${layer}": an inbound node must be a list of [layerName, nodeIndex, tensorIndex, kwargs] (Keras 2) or {args, kwargs} (Keras 3), received ${JSON.stringify(node)?.slice(0, 200)}`,
    );
  }
  const refs = (node as unknown[][]).map((e) => ({
    className: KERAS_TENSOR,
    config: { kerasHistory: [e[0], e[1] ?? 0, e[2] ?? 0] },
  }));
  const kwargs = (node as unknown[][]).map((e) => e[3]).find(nest.isRecord) ?? {};
  return { args: [refs.length === 1 ? refs[0] : refs], kwargs };
}

/** input_layers / output_layers in Keras's forms: a list of [name, node, index] (a lone one wrapped), or a record of them. */
function historyList(x: unknown): unknown {
  if (Array.isArray(x) && typeof x[0] === 'string') return [x];
  return x;
}

/**
 * Keras 2 and TF.js count a nested Sequential's own node (as Keras 3 counts a nested Functional's),
 * so its calls are nodes 1, 2, ...; Keras 3 and Strata start a Sequential's at 0. Shifts every
 * reference to a Sequential entry of a Functional config by `by` (-1 reading Keras 2, +1 writing it).
 */
export function shiftSequentialNodes(config: Record<string, unknown>, by: number): void {
  shiftNodes(config, by, 'Sequential', true);
}

/**
 * Keras 3 counts a nested Functional's own node in `input_layers` / `output_layers` only: inside
 * the calls (`inbound_nodes`), a tensor's `keras_history` is the index in the Functional's
 * `_inbound_nodes`, which has no such node (functional.py's `convert_revived_tensor` reads it as
 * it is; `get_tensor`, for the outputs, subtracts one). Strata's dialect (as Keras 2 and TF.js)
 * counts it in both: the calls are shifted by `by` (+1 reading Keras 3, -1 writing it).
 */
export function shiftFunctionalCallNodes(config: Record<string, unknown>, by: number): void {
  shiftNodes(config, by, 'Functional', false);
}

function shiftNodes(config: Record<string, unknown>, by: number, className: string, inOutputs: boolean): void {
  const layers = (config.layers ?? []) as Record<string, unknown>[];
  const nameOf = (e: Record<string, unknown>) => String(e.name ?? (e.config as Record<string, unknown>)?.name);
  const names = new Set(layers.filter((e) => e.className === className).map(nameOf));
  if (names.size === 0) return;
  const shift = (h: unknown): void => {
    if (Array.isArray(h) && names.has(h[0] as string) && typeof h[1] === 'number') h[1] += by;
  };
  const walk = (x: unknown): void => {
    if (Array.isArray(x)) x.forEach(walk);
    else if (nest.isRecord(x)) {
      if (x.className === KERAS_TENSOR && nest.isRecord(x.config)) shift(x.config.kerasHistory);
      else Object.values(x).forEach(walk);
    }
  };
  for (const entry of layers) walk(entry.inboundNodes);
  if (!inOutputs) return;
  for (const key of ['inputLayers', 'outputLayers']) {
    const list = config[key];
    for (const h of Array.isArray(list) ? list : nest.isRecord(list) ? Object.values(list) : []) shift(h);
  }
}

/** Keras 3 writes dtypes as DTypePolicy objects: Strata takes the policy's name. */
function dtypeName(x: unknown): unknown {
  return nest.isRecord(x) && nest.isRecord(x.config) && typeof x.config.name === 'string' ? x.config.name : x;
}

function normalizeConfig(
  className: string,
  config: Record<string, unknown>,
  dialect: Dialect,
): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  if (dialect === 'keras3' && Array.isArray(config.layers)) {
    const layers = config.layers.map((e) => (nest.isRecord(e) && isKerasOpEntry(e) ? kerasOpAsTensorOp(e) : e));
    config = { ...config, layers };
  }
  for (const [k, v] of Object.entries(config))
    if (k !== '__proto__') out[k] = isOpaqueKey(k) ? v : normalizeValue(v, dialect, k);
  if ('dtype' in out) out.dtype = dtypeName(out.dtype);
  if (Array.isArray(out.layers) && 'inputLayers' in out) {
    out.layers = (out.layers as Record<string, unknown>[]).map((entry) => {
      const name = String(entry.name ?? (nest.isRecord(entry.config) ? entry.config.name : ''));
      const nodes = Array.isArray(entry.inboundNodes) ? entry.inboundNodes.map((n) => legacyNode(n, name)) : [];
      return { ...entry, inboundNodes: nodes };
    });
    out.inputLayers = historyList(out.inputLayers);
    out.outputLayers = historyList(out.outputLayers);
    if (dialect === 'legacy') shiftSequentialNodes(out, -1);
    if (dialect === 'keras3') shiftFunctionalCallNodes(out, +1);
  }
  if (dialect === 'legacy') {
    // Keras 2 and TF.js write None for "the default" (mask_zero, implementation, seed); Strata's
    // constructors take a missing option as the default.
    for (const [k, v] of Object.entries(out)) if (v === null) delete out[k];
    // TF.js's GRU is the reset_after=False GRU and writes no reset_after (Keras 2 always writes it).
    if ((className === 'GRU' || className === 'GRUCell') && !('resetAfter' in out)) out.resetAfter = false;
    // Keras 2's (and TF.js's) "normal" VarianceScaling draws from a truncated normal.
    if (className === 'VarianceScaling' && out.distribution === 'normal') out.distribution = 'truncated_normal';
    // Keras 2's LeakyReLU slope is `alpha`; Keras 3's is `negative_slope`.
    if (className === 'LeakyReLU' && 'alpha' in out && !('negativeSlope' in out)) {
      out.negativeSlope = out.alpha;
      delete out.alpha;
    }
    // tf_keras writes a BatchNormalization's axis as a list ([3]); Keras 3 takes one integer.
    if (className === 'BatchNormalization' && Array.isArray(out.axis) && out.axis.length === 1) out.axis = out.axis[0];
  }
  return out;
}

function normalizeValue(x: unknown, dialect: Dialect, key: string): unknown {
  if (typeof x === 'string') return dialect === 'legacy' && /activation$/i.test(key) ? (LEGACY_ACTIVATIONS[x] ?? x) : x;
  if (Array.isArray(x)) return x.map((v) => normalizeValue(v, dialect, key));
  if (!nest.isRecord(x)) return x;
  if (typeof x.className === 'string' && 'config' in x) return normalizeObject(x, dialect);
  const out: Record<string, unknown> = {};
  for (const [k, v] of Object.entries(x)) if (k !== '__proto__') out[k] = normalizeValue(v, dialect, k);
  return out;
}

function normalizeObject(obj: Record<string, unknown>, dialect: Dialect): Record<string, unknown> {
  const { module: _module, registeredName, config, className, ['__proto__']: _proto, ...rest } = obj;
  let name = String(className);
  // Keras 3 names the program's own classes `package>Name` in registered_name.
  // (Strata's own pseudo-classes, `strata>TensorOp`, keep their class name.)
  if (typeof registeredName === 'string' && registeredName.includes('>') && !registeredName.startsWith('strata>'))
    name = registeredName;
  // TF.js (and old Keras) call a functional model "Model".
  if (name === 'Model' && nest.isRecord(config) && Array.isArray(config.layers)) name = 'Functional';
  const out: Record<string, unknown> = { ...rest, className: name };
  // Keras 2.0 and early Keras 2.x wrote a Sequential's config as the bare list of its layers.
  if (name === 'Sequential' && Array.isArray(config))
    return normalizeObject({ ...obj, config: { layers: config } }, dialect);
  if (name === KERAS_TENSOR || name === '__numpy__' || !nest.isRecord(config)) out.config = config;
  else out.config = normalizeConfig(name, config, dialect);
  for (const [k, v] of Object.entries(rest)) if (k !== 'inboundNodes') out[k] = normalizeValue(v, dialect, k);
  return out;
}

/** Deeper nesting than any real config: a hostile file gets an error, not a stack overflow. */
export const MAX_CONFIG_DEPTH = 256;

/** Walks a parsed config iteratively and refuses one nested deeper than MAX_CONFIG_DEPTH. */
export function assertConfigDepth(obj: unknown, limit = MAX_CONFIG_DEPTH): void {
  const stack: [unknown, number][] = [[obj, 1]];
  while (stack.length > 0) {
    const [x, depth] = stack.pop()!;
    if (x === null || typeof x !== 'object') continue;
    if (depth > limit)
      throw new SerializationError(
        `the config is nested more than ${limit} levels deep; no model config is, so the file is broken or hostile`,
      );
    for (const v of Object.values(x)) stack.push([v, depth + 1]);
  }
}

/**
 * Any model or object config (parsed JSON: Strata, Keras 3, Keras 2 or TF.js dialect) in Strata's
 * dialect: camelCase keys, `{className, config}`, Keras 3 nodes, Keras 3 / Keras 2 differences
 * resolved (dtype policies, TF.js's GRU, Keras 2's hard_sigmoid and LeakyReLU alpha).
 */
export function toStrataDialect(obj: unknown): StrataModelConfig {
  if (!nest.isRecord(obj))
    throw new SerializationError(
      `expected a config object ({class_name, config} or {className, config}), received ${Array.isArray(obj) ? 'an array' : JSON.stringify(obj)?.slice(0, 100)}`,
    );
  assertConfigDepth(obj);
  const dialect = detectDialect(obj);
  const camel = (dialect === 'strata' ? obj : toCamelKeys(obj)) as Record<string, unknown>;
  if (!nest.isRecord(camel.config) && !(camel.className === 'Sequential' && Array.isArray(camel.config)))
    throw new SerializationError(
      `the model config of class "${String(camel.className)}" must have a "config" object, received ${JSON.stringify(camel.config)?.slice(0, 100)}`,
    );
  const out = normalizeObject(camel, dialect) as unknown as StrataModelConfig;
  delete (out as unknown as Record<string, unknown>).kerasVersion;
  delete (out as unknown as Record<string, unknown>).backend;
  return out;
}
