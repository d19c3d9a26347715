// Weights in Keras's legacy HDF5 layout (Keras 2 `save_weights('x.h5')` and `model.save('x.h5')`,
// Keras 3's `legacy_h5_format`, the `keras.applications` weight files): a group per layer, named in
// the attribute `layer_names`, each naming its datasets in `weight_names` (trainable weights first,
// then non-trainable). As Keras's `load_weights_from_hdf5_group` and `..._by_name`.
import { tidy, type Tensor, type Variable } from '@strata/tensor';
import { fmtShape } from '@strata/tensor/internal';
import type { Layer } from '@strata/layers';
import { classNameOf } from '@strata/layers/internal';
import { Functional, Sequential } from '@strata/models';
import { readH5, type H5Reader } from '../h5/h5-file';
import { ModelFileError } from '../safety/errors';
import { kerasLayers, ownVariables } from './layout';
import { readVariable } from './weights-h5';

export interface LegacyWeightsOptions {
  /** Match the file's layers to the model's by name, skipping those absent from either (default false). */
  byName?: boolean;
  /** Skip, with a warning, the weights whose count or shape differs instead of failing (default false). */
  skipMismatch?: boolean;
}

/** At most this many names in one attribute: more is not a Keras file (ResNet152 has under 600 layers). */
const MAX_NAMES = 100_000;

/**
 * A list of names in an attribute, or in Keras's chunks of it (`layer_names0`, `layer_names1`...),
 * which Keras writes when the list is over HDF5's 64 KiB attribute limit.
 */
export function namesAttribute(reader: H5Reader, group: string, name: string, what: string): string[] | null {
  const read = (attr: string): string[] | null => {
    const value = reader.attr(group, attr);
    if (value === null) return null;
    const list = typeof value === 'string' ? [value] : Array.from(value as ArrayLike<unknown>);
    if (!list.every((x) => typeof x === 'string'))
      throw new ModelFileError(`${what}: the attribute "${attr}" of "${group || '/'}" must list names (strings)`);
    return list as string[];
  };
  const whole = read(name);
  if (whole !== null) return whole;
  const chunks: string[] = [];
  for (let i = 0; ; i++) {
    const chunk = read(`${name}${i}`);
    if (chunk === null) return i === 0 ? null : chunks;
    chunks.push(...chunk);
    if (chunks.length > MAX_NAMES)
      throw new ModelFileError(`${what}: "${group || '/'}" lists more than ${MAX_NAMES} ${name}; not a Keras file`);
  }
}

/** Whether an HDF5 file's group holds Keras's legacy weights layout. */
function isLegacyWeightsGroup(reader: H5Reader, group: string): boolean {
  return reader.attr(group, 'layer_names') !== null || reader.attr(group, 'layer_names0') !== null;
}

/** Where a file's legacy weights are: the root (`save_weights`), `model_weights` (`model.save`), or null. */
export function legacyWeightsRoot(reader: H5Reader): string | null {
  if (isLegacyWeightsGroup(reader, '')) return '';
  if (reader.kind('model_weights') === 'group' && isLegacyWeightsGroup(reader, 'model_weights')) return 'model_weights';
  return null;
}

/**
 * Loads legacy `.h5` weights into `model` when the bytes are such a file, and says whether they were;
 * a Keras 3 `.weights.h5` file is left to decodeWeights.
 */
export async function decodeLegacyWeights(
  model: Layer,
  bytes: Uint8Array,
  what: string,
  options: LegacyWeightsOptions = {},
): Promise<boolean> {
  const values = await readH5(bytes, what, (reader) => {
    const root = legacyWeightsRoot(reader);
    return root === null ? null : readLegacyWeights(reader, root, model, what, options);
  });
  if (values === null) return false;
  tidy(() => {
    for (const [v, t] of values) v.assign(t);
  });
  for (const [, t] of values) t.dispose();
  return true;
}

/** A layer's weights in Keras's legacy order: `trainable_weights + non_trainable_weights`. */
export function legacyWeights(layer: Layer): Variable[] {
  const all: Variable[] = [];
  const seen = new Set<Variable>();
  const add = (v: Variable) => {
    if (!seen.has(v)) all.push(v), seen.add(v);
  };
  // A nested model lists its layers' weights in Keras's layer order (a DAG's may differ from Strata's).
  const collect = (l: Layer): void => {
    if (l instanceof Functional || l instanceof Sequential) {
      ownVariables(l).forEach(add);
      for (const sub of kerasLayers(l)) collect(sub);
    } else l.weights.forEach(add);
  };
  collect(layer);
  const trainable = new Set(layer.trainableWeights);
  return [...all.filter((v) => trainable.has(v)), ...all.filter((v) => !trainable.has(v))];
}

function datasetPath(group: string, weightName: string, what: string): string {
  if (weightName === '' || weightName.startsWith('/') || weightName.split('/').some((p) => p === '' || p === '.'))
    throw new ModelFileError(
      `${what}: the weight name ${JSON.stringify(weightName)} in "${group}" is not a path inside the layer's group`,
    );
  return `${group}/${weightName}`;
}

interface Pair {
  layer: Layer;
  group: string;
  label: string;
}

/**
 * Reads the weights of `model` from a legacy group (`model_weights`, or the root of a weights-only
 * file) and returns them, every value checked, for the caller to assign: a file that does not fit
 * leaves the model unchanged.
 */
export function readLegacyWeights(
  reader: H5Reader,
  root: string,
  model: Layer,
  what: string,
  options: LegacyWeightsOptions = {},
): [Variable, Tensor][] {
  const at = (name: string) => (root ? `${root}/${name}` : name);
  const layerNames = namesAttribute(reader, root, 'layer_names', what) ?? [];
  const weightNames = new Map<string, string[]>();
  for (const name of layerNames) {
    if (reader.kind(at(name)) !== 'group')
      throw new ModelFileError(`${what}: "layer_names" names "${name}", but there is no group "${at(name)}"`);
    weightNames.set(name, namesAttribute(reader, at(name), 'weight_names', what) ?? []);
  }
  const layers = (
    model instanceof Functional || model instanceof Sequential ? kerasLayers(model) : model.layers
  ).filter((l) => legacyWeights(l).length > 0);
  const saved = layerNames.filter((n) => (weightNames.get(n) ?? []).length > 0);
  const pairs: Pair[] = [];
  if (options.byName) {
    const byName = new Map(layers.map((l) => [l.name, l]));
    for (const name of saved) {
      const layer = byName.get(name);
      if (layer) pairs.push({ layer, group: name, label: `layer "${name}"` });
    }
  } else {
    if (saved.length !== layers.length)
      throw new ModelFileError(
        `${what}: the file holds weights for ${saved.length} layers, model "${model.name}" has ` +
          `${layers.length} layers with weights. It was saved from another architecture; ` +
          'load by name ({ byName: true }) to load the layers both have',
      );
    // Keras pairs layers by position. Where every saved name is a layer of the model, names pair them:
    // the same layers, where Strata may list a DAG's branches in another order than the file.
    const byName = new Map(layers.map((l) => [l.name, l]));
    const named = saved.every((n) => byName.has(n)) && new Set(saved).size === saved.length;
    saved.forEach((name, k) => {
      const layer = named ? byName.get(name)! : layers[k];
      pairs.push({
        layer,
        group: name,
        label: `layer #${k} (named "${layer.name}" in the model, "${name}" in the file)`,
      });
    });
  }
  const out: [Variable, Tensor][] = [];
  try {
    for (const { layer, group, label } of pairs) readLayer(reader, at(group), weightNames.get(group)!, layer, label);
    const top = at('top_level_model_weights');
    const topNames = reader.kind(top) === 'group' ? (namesAttribute(reader, top, 'weight_names', what) ?? []) : [];
    if (topNames.length) readLayer(reader, top, topNames, model, 'the top-level model', ownVariables(model));
  } catch (e) {
    for (const [, t] of out) t.dispose();
    throw e;
  }
  return out;

  function readLayer(r: H5Reader, group: string, names: string[], layer: Layer, label: string, vs?: Variable[]) {
    const variables = vs ?? legacyWeights(layer);
    const who = `${label} (${classNameOf(layer)})`;
    if (names.length !== variables.length) {
      const mine = variables.map((v) => `${layer.weightName(v)} ${fmtShape(v.shape)}`).join(', ') || 'none';
      const message =
        `${what}: ${who} has ${variables.length} weights (${mine}), ` +
        `the file holds ${names.length} at "${group}" (${names.slice(0, 6).join(', ')})`;
      if (options.skipMismatch && options.byName) return console.warn(`${message}; skipped`);
      throw new ModelFileError(`${message}. The file was saved from another architecture`);
    }
    names.forEach((name, i) => {
      const path = datasetPath(group, name, what);
      const v = variables[i];
      if (r.kind(path) !== 'dataset')
        throw new ModelFileError(
          `${what}: "weight_names" of "${group}" names "${name}", but no dataset is at "${path}"`,
        );
      const shape = r.info(path).shape;
      if (options.skipMismatch && !(shape.length === v.shape.length && shape.every((d, j) => d === v.shape[j]))) {
        console.warn(
          `${what}: skipping weight "${layer.weightName(v)}" of ${who}: it has shape ${fmtShape(v.shape)}, ` +
            `the file holds ${fmtShape(shape)} at "${path}"`,
        );
        return;
      }
      out.push([v, readVariable(r, path, v, what, `weight "${layer.weightName(v)}" of ${who}`)]);
    });
  }
}
