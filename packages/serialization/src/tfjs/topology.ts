import { nest } from '@strata/tensor';
// A model's config in the dialect TF.js's layers format writes (tfjs-layers' own `model.toJSON()`):
// Keras 2 style, snake_case keys, `{class_name, config}`, inbound nodes `[[["dense", 0, 0, {}]]]`.
import type { Layer, SerializedObject } from '@strata/layers';
import { KERAS_TENSOR, type LayerEntry } from '@strata/models/internal';
import { SerializationError } from '../errors';
import { isOpaqueKey, snakeCase } from '../config/case';
import { modelConfig } from '../config/model-json';
import { shiftSequentialNodes } from '../config/dialect';
import { keras2HardSigmoid } from '../legacy-activations';

/** Written in model.json's `keras_version`; any value not starting with "3" reads as Keras 2 / TF.js. */
export const TFJS_KERAS_VERSION = 'tfjs-layers 4.22.0 (written by Strata)';

// TF.js spells a few initializers its own way.
const TFJS_CLASS: Record<string, string> = { LecunNormal: 'LeCunNormal', LecunUniform: 'LeCunUniform' };

/** Strata's (Keras 3's) options under the names and forms TF.js layers take. */
function tfjsConfig(className: string, config: Record<string, unknown>, where: string): Record<string, unknown> {
  const out = { ...config };
  if (className === 'LeakyReLU' && 'negativeSlope' in out) {
    out.alpha = out.negativeSlope;
    delete out.negativeSlope;
  }
  if ((className === 'GRU' || className === 'GRUCell') && out.resetAfter === true) {
    throw new SerializationError(
      `${where}: a GRU with resetAfter: true cannot be written in the TF.js layers format (tfjs-layers' GRU is the reset_after=False GRU); build it with resetAfter: false`,
    );
  }
  if (className === 'GRU' || className === 'GRUCell') delete out.resetAfter;
  if (className === 'Bidirectional') return tfjsBidirectional(out, where);
  // TF.js has one regularizer class, L1L2.
  if (className === 'L1') return { l1: out.l1, l2: 0 };
  if (className === 'L2') return { l1: 0, l2: out.l2 };
  return out;
}

/**
 * TF.js's Bidirectional takes one layer and derives both directions, named `forward_<name>` and
 * `backward_<name>`; Strata (as Keras 3) writes both. The backward one must mirror the forward one.
 */
function tfjsBidirectional(config: Record<string, unknown>, where: string): Record<string, unknown> {
  const forward = config.layer as SerializedObject;
  const backward = config.backwardLayer as SerializedObject | undefined;
  const strip = (name: unknown, prefix: string) =>
    typeof name === 'string' && name.startsWith(prefix) ? name.slice(prefix.length) : name;
  const base = strip(forward.config.name, 'forward_');
  if (backward) {
    const norm = (o: SerializedObject, prefix: string) =>
      JSON.stringify({ ...o, config: { ...o.config, name: strip(o.config.name, prefix), goBackwards: undefined } });
    if (
      norm(forward, 'forward_') !== norm(backward, 'backward_') ||
      backward.config.goBackwards === forward.config.goBackwards
    ) {
      throw new SerializationError(
        `${where}: this Bidirectional has its own backward layer; the TF.js layers format can only hold one whose backward layer mirrors the forward one`,
      );
    }
  }
  const { backwardLayer: _dropped, ...rest } = config;
  return { ...rest, layer: { ...forward, config: { ...forward.config, name: base } } };
}

function writeValue(x: unknown, key: string, where: string): unknown {
  if (typeof x === 'string' && /activation$/i.test(key)) {
    if (x === keras2HardSigmoid.activationName) return 'hard_sigmoid';
    if (x === 'hard_sigmoid') {
      throw new SerializationError(
        `${where}: activation "hard_sigmoid" is Keras 3's relu6(x + 3) / 6, which TF.js's hard_sigmoid (0.2·x + 0.5) is not; the model cannot be written in the TF.js layers format with it`,
      );
    }
    return x;
  }
  if (Array.isArray(x)) return x.map((v) => writeValue(v, key, where));
  if (!nest.isRecord(x)) return x;
  if (typeof x.className === 'string' && 'config' in x) return writeObject(x as unknown as SerializedObject, where);
  const out: Record<string, unknown> = {};
  for (const [k, v] of Object.entries(x)) out[snakeCase(k)] = isOpaqueKey(k) ? v : writeValue(v, k, where);
  return out;
}

function writeObject(obj: SerializedObject, where: string): Record<string, unknown> {
  const className = obj.className.includes('>') ? obj.className.slice(obj.className.indexOf('>') + 1) : obj.className;
  const name = typeof obj.config?.name === 'string' ? obj.config.name : null;
  const inner = name === null ? where : where ? `${where} > ${name}` : `model "${name}"`;
  let config = nest.isRecord(obj.config) ? tfjsConfig(className, obj.config, inner) : obj.config;
  if (className === 'Sequential' && nest.isRecord(config)) config = foldInputLayer(config);
  if (className === 'Functional' && nest.isRecord(config)) {
    // tfjs-layers knows inputs and outputs only as lists.
    const list = (x: unknown) => (nest.isRecord(x) ? Object.values(x) : x);
    const copy = JSON.parse(JSON.stringify(config)) as Record<string, unknown>;
    shiftSequentialNodes(copy, +1);
    config = {
      ...copy,
      layers: (copy.layers as LayerEntry[]).map((e) => legacyEntry(e, inner)),
      inputLayers: list(copy.inputLayers),
      outputLayers: list(copy.outputLayers),
    };
  }
  const out: Record<string, unknown> = {
    class_name: TFJS_CLASS[className] ?? className,
    config: writeValue(config, '', inner),
  };
  // A Functional's layer entries carry their name and inbound nodes beside class and config.
  for (const [k, v] of Object.entries(obj))
    if (k !== 'className' && k !== 'config') out[snakeCase(k)] = writeValue(v, k, inner);
  return out;
}

/** TF.js's Sequential takes its input shape from its first layer's batch_input_shape. */
function foldInputLayer(config: Record<string, unknown>): Record<string, unknown> {
  const layers = config.layers as SerializedObject[];
  if (layers.length < 2 || layers[0].className !== 'InputLayer') return config;
  const [inputLayer, first, ...rest] = layers;
  const folded = {
    ...first,
    config: {
      ...first.config,
      batchInputShape: inputLayer.config.batchInputShape,
      ...(inputLayer.config.dtype ? { dtype: first.config.dtype ?? inputLayer.config.dtype } : {}),
    },
  };
  return { ...config, layers: [folded, ...rest] };
}

/** A Functional layer entry with its calls as Keras 2 lists of [layer, node, tensor, kwargs]. */
function legacyEntry(entry: LayerEntry, where: string): Record<string, unknown> {
  const nodes = entry.inboundNodes.map((node, i) => {
    const refs: unknown[] = [];
    const arg = node.args.length === 1 ? node.args[0] : node.args;
    const list = Array.isArray(arg) ? arg : [arg];
    for (const item of list) {
      if (!nest.isRecord(item) || item.className !== KERAS_TENSOR) {
        throw new SerializationError(
          `${where}: call ${i} of "${entry.name}" takes ${JSON.stringify(item)?.slice(0, 80)}, not only symbolic tensors; the TF.js layers format can only record calls on tensors (raw ops with constants and layers called with symbolic options need Strata's JSON or the .keras format)`,
        );
      }
      refs.push((item.config as { kerasHistory: unknown[] }).kerasHistory);
    }
    const kwargs: Record<string, unknown> = {};
    for (const [k, v] of Object.entries(node.kwargs ?? {})) {
      if (JSON.stringify(v)?.includes(KERAS_TENSOR))
        throw new SerializationError(
          `${where}: call ${i} of "${entry.name}" passes the symbolic tensor option "${k}", which the TF.js layers format cannot record`,
        );
      kwargs[snakeCase(k)] = v;
    }
    return refs.map((r) => [...(r as unknown[]), kwargs]);
  });
  if (entry.className === 'TensorOp') {
    throw new SerializationError(
      `${where}: "${entry.name}" is the raw op ${String(entry.config.op)} applied to symbolic tensors, which tfjs-layers cannot load; wrap it in a layer, or save with model.toJSON() / the .keras format`,
    );
  }
  return { className: entry.className, config: entry.config, name: entry.name, inboundNodes: nodes };
}

/** The `modelTopology` of a TF.js layers model.json for a model (Sequential or Functional). */
export function tfjsTopology(model: Layer): Record<string, unknown> {
  const config = modelConfig(model);
  if (config.className !== 'Sequential' && config.className !== 'Functional') {
    throw new SerializationError(
      `model "${model.name}" is a ${config.className}; the TF.js layers format holds only Sequential and Functional models (tfjs-layers cannot load subclassed models). Save it with model.toJSON() and its weights, or the .keras format`,
    );
  }
  const written = writeObject(config, '');
  if (written.class_name === 'Functional') written.class_name = 'Model';
  return { ...written, keras_version: TFJS_KERAS_VERSION, backend: 'tensor_flow.js' };
}
