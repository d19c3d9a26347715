import { nest } from '@strata/tensor';
import type { Variable } from '@strata/tensor';
import { Layer } from '@strata/layers';
import { classNameOf } from '@strata/layers/internal';
import { Functional, Model, Sequential } from '@strata/models';
import { kerasFunctionalLayers } from './functional-order';

/**
 * One saveable of a Keras 3 weights file: a layer (or model) whose own variables live in the HDF5
 * group `<path>/vars` (`vars` at the root), as datasets `0`, `1`, ... in creation order.
 */
export interface LayerSlot {
  /** `layers/dense`, `layers/sequential/layers/dense`, `layers/lstm/cell`, or '' for the model itself. */
  path: string;
  layer: Layer;
  /** The layer's own variables: trainable then non-trainable, sublayers' excluded (Keras's `save_own_variables`). */
  variables: Variable[];
  /** Where older Keras 3 versions put this layer's group, read when `path` is absent. */
  olderPath?: string;
}

/** Keras's `naming.to_snake_case`: `Conv2D` → `conv2d`, `BatchNormalization` → `batch_normalization`. */
export function kerasSnakeCase(name: string): string {
  return name
    .replace(/\W+/g, '')
    .replace(/(.)([A-Z][a-z]+)/g, '$1_$2')
    .replace(/([a-z])([A-Z])/g, '$1_$2')
    .toLowerCase();
}

/**
 * Where Keras 3 versions before 3.15's public properties (`query_dense`...) saved sublayers: at their
 * private attribute. Keras 3.15 writes the public name (visited first, `_x` last) and reads either;
 * Strata writes the public name and reads either too.
 */
const OLDER_KERAS_ATTRIBUTES: Record<string, Record<string, string>> = {
  MultiHeadAttention: {
    queryDense: '_query_dense',
    keyDense: '_key_dense',
    valueDense: '_value_dense',
    outputDense: '_output_dense',
  },
};

function attributeName(field: string): string {
  return kerasSnakeCase(field);
}

/** Keras's `_name_key`: attributes sorted by name, private (`_x`) ones last. */
function nameKey(name: string): string {
  return name.startsWith('_') ? `~${name}` : name;
}

function isContainer(x: unknown): x is unknown[] | Map<unknown, unknown> | Set<unknown> | Record<string, unknown> {
  return Array.isArray(x) || x instanceof Map || x instanceof Set || nest.isRecord(x);
}

function containerValues(x: unknown[] | Map<unknown, unknown> | Set<unknown> | Record<string, unknown>): unknown[] {
  if (Array.isArray(x)) return x;
  if (x instanceof Map || x instanceof Set) return [...x.values()];
  return Object.values(x);
}

function holdsLayers(x: unknown): boolean {
  return x instanceof Layer || (isContainer(x) && containerValues(x).some(holdsLayers));
}

/** A model's layers as Keras lists them: a Functional's in graph order with its InputLayers, a Sequential's without. */
export function kerasLayers(model: Layer): Layer[] {
  if (model instanceof Sequential) return model.layers;
  if (model instanceof Functional) return model.graph ? kerasFunctionalLayers(model.graph) : [];
  return model.layers;
}

/**
 * The attributes Keras's `_walk_saveable` visits, in its order: a Sequential's or Functional's
 * `layers` first, then the attributes holding layers sorted by name (a subclassed Model's `layers`
 * property among them, as Keras's `Model.layers`).
 */
function childrenOf(layer: Layer): [string, unknown, string?][] {
  const first: [string, unknown][] = layer instanceof Functional ? [['layers', kerasLayers(layer)]] : [];
  const older = OLDER_KERAS_ATTRIBUTES[classNameOf(layer)] ?? {};
  const attributes: [string, unknown, string?][] = Object.entries(layer)
    .filter(([, value]) => holdsLayers(value))
    .map(([field, value]) => [attributeName(field), value, older[field]]);
  if (layer instanceof Model && !(layer instanceof Functional)) attributes.push(['layers', layer.layers]);
  attributes.sort(([a], [b]) => (nameKey(a) < nameKey(b) ? -1 : nameKey(a) > nameKey(b) ? 1 : 0));
  return [...first, ...attributes];
}

function join(path: string, name: string): string {
  return path ? `${path}/${name}` : name;
}

/** The variables a layer holds itself: its weights less those of its sublayers. */
export function ownVariables(layer: Layer): Variable[] {
  const sublayers = layer instanceof Functional ? kerasLayers(layer) : layer.layers;
  const inner = new Set(sublayers.flatMap((l) => l.weights));
  return layer.weights.filter((w) => !inner.has(w));
}

/**
 * Every saveable layer of `model` with its path, as Keras 3's saving_lib (`_save_state`,
 * `_save_container_state`) finds them: a layer reached through an attribute sits at that attribute's
 * name; a layer in a list sits at the snake_case of its class name, numbered (`dense`, `dense_1`) in
 * list order; a layer met twice is saved once, where it was met first. Layers inside a list inside a
 * list are not addressed through it (Keras 3.15 and earlier skip nested containers; they are found
 * through a model's `layers` instead).
 */
export function kerasLayout(model: Layer): LayerSlot[] {
  const slots: LayerSlot[] = [];
  const visited = new Set<Layer>();
  const visit = (layer: Layer, path: string, olderPath?: string): void => {
    if (visited.has(layer)) return;
    slots.push({ path, layer, variables: ownVariables(layer), ...(olderPath ? { olderPath } : {}) });
    visited.add(layer);
    for (const [attribute, value, older] of childrenOf(layer)) {
      if (value instanceof Layer) visit(value, join(path, attribute), older ? join(path, older) : undefined);
      else if (isContainer(value)) visitContainer(containerValues(value), join(path, attribute));
    }
  };
  const visitContainer = (items: unknown[], path: string): void => {
    const used = new Map<string, number>();
    for (const item of items) {
      if (!(item instanceof Layer)) continue;
      let name = kerasSnakeCase(classNameOf(item));
      const seen = used.get(name);
      if (seen === undefined) used.set(name, 0);
      else {
        used.set(name, seen + 1);
        name = `${name}_${seen + 1}`;
      }
      visit(item, join(path, name));
    }
  };
  visit(model, '');
  return slots;
}

/**
 * The model's trainable variables in Keras 3's order (`model.trainable_variables`): a layer's own,
 * then each sublayer's in turn, depth first, sublayers in Keras's `_layers` order (a Functional's
 * in `map_graph` order). Keras builds the optimizer's state in this order, so the state's place in
 * a file follows it, not Strata's own weight order, which may list a DAG's branches differently.
 */
export function kerasTrainableVariables(model: Layer): Variable[] {
  const out: Variable[] = [];
  const seen = new Set<Variable>();
  const visited = new Set<Layer>();
  const visit = (layer: Layer): void => {
    if (visited.has(layer) || !layer.trainable) return;
    visited.add(layer);
    for (const v of ownVariables(layer)) {
      if (v.trainable && !seen.has(v)) {
        seen.add(v);
        out.push(v);
      }
    }
    for (const sublayer of layer instanceof Functional ? kerasLayers(layer) : layer.layers) visit(sublayer);
  };
  visit(model);
  return out;
}
