import { tensor, tidy, type Tensor, type Variable } from '@strata/tensor';
import { fmtShape } from '@strata/tensor/internal';
import type { Layer } from '@strata/layers';
import { classNameOf } from '@strata/layers/internal';
import type { Optimizer } from '@strata/training';
import { readH5, writeH5, type H5Item, type H5Reader } from '../h5/h5-file';
import { ModelFileError } from '../safety/errors';
import { kerasLayout, kerasTrainableVariables, type LayerSlot } from './layout';
import { optimizerLayout } from './optimizer-layout';

/** `<path>/vars`, where Keras keeps a saveable's own variables (`vars` for the model itself). */
function varsGroup(path: string): string {
  return path ? `${path}/vars` : 'vars';
}

export async function valuesOf(v: Variable): Promise<H5Item & { kind: 'dataset' }> {
  const data = await v.data();
  const common = { kind: 'dataset' as const, path: '', shape: [...v.shape] };
  if (v.dtype === 'int32') return { ...common, dtype: 'int32', data: Int32Array.from(data as ArrayLike<number>) };
  if (v.dtype === 'bool') return { ...common, dtype: 'bool', data: Uint8Array.from(data as ArrayLike<number>) };
  return { ...common, dtype: 'float32', data: Float32Array.from(data as ArrayLike<number>) };
}

/**
 * The bytes of a Keras 3 weights file (`model.weights.h5`, also the weights inside a `.keras`
 * archive) for `model`, with `optimizer`'s state under `optimizer/vars` when one is given.
 */
export async function encodeWeights(model: Layer, optimizer: Optimizer | null): Promise<Uint8Array> {
  const items: H5Item[] = [];
  for (const slot of kerasLayout(model)) {
    const group = varsGroup(slot.path);
    items.push({ kind: 'group', path: group, attrs: { name: slot.layer.name } });
    for (const [i, v] of slot.variables.entries()) items.push({ ...(await valuesOf(v)), path: `${group}/${i}` });
  }
  if (optimizer) {
    const layout = optimizerLayout(optimizer, kerasTrainableVariables(model));
    items.push({ kind: 'group', path: 'optimizer/vars', attrs: { name: optimizer.name } });
    const scalars: H5Item[] = [
      {
        kind: 'dataset',
        path: '',
        dtype: 'int64',
        shape: [],
        data: new BigInt64Array([BigInt(optimizer.getHostState().calls ?? 0)]),
      },
    ];
    if (layout.hasLearningRate)
      scalars.push({
        kind: 'dataset',
        path: '',
        dtype: 'float32',
        shape: [],
        data: new Float32Array([optimizer.learningRate]),
      });
    const states = await Promise.all(layout.variables.map(valuesOf));
    const tail: H5Item[] = layout.hasUProduct
      ? [
          {
            kind: 'dataset',
            path: '',
            dtype: 'float32',
            shape: [],
            data: new Float32Array([optimizer.getHostState().uProduct ?? 1]),
          },
        ]
      : [];
    [...scalars, ...states, ...tail].forEach((item, i) => items.push({ ...item, path: `optimizer/vars/${i}` }));
  }
  return writeH5(items);
}

function describeVariables(vs: readonly Variable[], owner: Layer): string {
  return vs.length ? vs.map((v) => `${owner.weightName(v)} ${fmtShape(v.shape)}`).join(', ') : 'none';
}

/** The indices a vars group must hold: exactly 0..n-1. */
function checkKeys(reader: H5Reader, group: string, expected: number, what: string, describe: () => string): void {
  const keys = reader.keys(group);
  const wanted = Array.from({ length: expected }, (_, i) => String(i));
  if (keys.length !== expected || !wanted.every((k) => keys.includes(k))) {
    throw new ModelFileError(
      `${what}: ${describe()} expects ${expected} variable(s), but the file holds ${keys.length} at "${group}" (${keys.slice(0, 8).join(', ') || 'none'}). The file was saved from a different model, or is corrupted`,
    );
  }
}

/** Reads one variable's values, checking the dataset's shape against the variable's first. */
export function readVariable(reader: H5Reader, path: string, v: Variable, what: string, who: string): Tensor {
  if (reader.kind(path) !== 'dataset')
    throw new ModelFileError(
      `${what}: expected the values of ${who} at "${path}", found ${reader.kind(path) ?? 'nothing'}`,
    );
  const info = reader.info(path);
  const same = info.shape.length === v.shape.length && info.shape.every((d, i) => d === v.shape[i]);
  if (!same) {
    throw new ModelFileError(
      `${what}: ${who} has shape ${fmtShape(v.shape)}, but the file holds shape ${fmtShape(info.shape)} at "${path}". The file was saved from a model with another configuration`,
    );
  }
  const values = reader.readNumbers(path, v.size);
  if (v.dtype === 'float32')
    return tensor(values instanceof Float32Array ? values : Float32Array.from(values), v.shape, 'float32');
  if (v.dtype === 'int32') return tensor(Int32Array.from(values), v.shape, 'int32');
  return tensor(
    Array.from(values, (x) => x !== 0),
    v.shape,
    'bool',
  );
}

/** Vars groups with datasets under `layers/` that no layer of the model claimed: a file of another model. */
function unclaimedGroups(reader: H5Reader, claimed: Set<string>): string[] {
  const found: string[] = [];
  let budget = 100_000; // groups visited at most: a hostile file cannot make this walk unbounded
  const walk = (path: string, depth: number): void => {
    if (depth > 64 || --budget < 0)
      throw new ModelFileError(
        `weights file: its groups nest deeper than 64 levels or number over 100000; it is not a Keras weights file`,
      );
    for (const key of reader.keys(path)) {
      const child = `${path}/${key}`;
      if (reader.kind(child) !== 'group') continue;
      if (key === 'vars') {
        if (!claimed.has(child) && reader.keys(child).length > 0) found.push(child);
      } else walk(child, depth + 1);
    }
  };
  if (reader.kind('layers') === 'group') walk('layers', 0);
  return found;
}

export interface DecodeWeightsOptions {
  /** The optimizer to restore `optimizer/vars` into (its model's), or null to leave it. */
  optimizer?: Optimizer | null;
  /** Names the file in errors. */
  what?: string;
}

/**
 * Loads a Keras 3 weights file into `model`: every layer's variables are matched by path, count and
 * shape before any is assigned, so a file that does not fit leaves the model unchanged.
 */
export async function decodeWeights(
  model: Layer,
  bytes: Uint8Array,
  options: DecodeWeightsOptions = {},
): Promise<void> {
  const what = options.what ?? 'weights file';
  const layout = kerasLayout(model);
  const pending = await readH5(bytes, what, (reader) => {
    const values: [Variable, Tensor][] = [];
    try {
      const claimed = new Set<string>();
      for (const slot of layout) values.push(...readSlot(reader, slot, what, claimed));
      const extra = unclaimedGroups(reader, claimed);
      if (extra.length) {
        throw new ModelFileError(
          `${what}: the file holds weights at ${extra
            .slice(0, 5)
            .map((g) => `"${g}"`)
            .join(
              ', ',
            )} that no layer of model "${model.name}" has; it was saved from a different model (its layers: ${layout.map((s) => s.path || '(model)').join(', ')})`,
        );
      }
      const restoreOptimizer =
        options.optimizer && reader.kind('optimizer/vars') === 'group'
          ? readOptimizer(reader, options.optimizer, model, what, {
              count: reader.keys('optimizer/vars').length,
              path: (i) => `optimizer/vars/${i}`,
            })
          : null;
      return { values, restoreOptimizer };
    } catch (e) {
      for (const [, t] of values) t.dispose();
      throw e;
    }
  });
  tidy(() => {
    for (const [v, t] of pending.values) v.assign(t);
  });
  for (const [, t] of pending.values) t.dispose();
  pending.restoreOptimizer?.();
}

function readSlot(reader: H5Reader, slot: LayerSlot, what: string, claimed: Set<string>): [Variable, Tensor][] {
  const older = slot.olderPath === undefined ? null : varsGroup(slot.olderPath);
  const current = varsGroup(slot.path);
  const group = older !== null && reader.kind(current) === null && reader.kind(older) !== null ? older : current;
  const layerName = `layer "${slot.layer.name}" (${classNameOf(slot.layer)})`;
  const kind = reader.kind(group);
  if (kind === null) {
    if (slot.variables.length === 0) return [];
    throw new ModelFileError(
      `${what}: no weights for ${layerName} at "${group}", which should hold ${describeVariables(slot.variables, slot.layer)}. The file was saved from a different model`,
    );
  }
  if (kind !== 'group') throw new ModelFileError(`${what}: expected a group at "${group}", found a dataset`);
  claimed.add(group);
  if (!slot.layer.built && slot.variables.length === 0 && reader.keys(group).length > 0) {
    throw new ModelFileError(
      `${what}: ${layerName} was never built, so it has no variables yet, but the file holds ${reader.keys(group).length} at "${group}". Build the model first (call it on data, or model.build(inputShape)), then load the weights`,
    );
  }
  checkKeys(
    reader,
    group,
    slot.variables.length,
    what,
    () => `${layerName} (${describeVariables(slot.variables, slot.layer)})`,
  );
  const out: [Variable, Tensor][] = [];
  try {
    slot.variables.forEach((v, i) =>
      out.push([
        v,
        readVariable(reader, `${group}/${i}`, v, what, `weight "${slot.layer.weightName(v)}" of ${layerName}`),
      ]),
    );
  } catch (e) {
    for (const [, t] of out) t.dispose();
    throw e;
  }
  return out;
}

/** Where an optimizer's variables sit in a file: Keras's `optimizer.variables` order, one dataset each. */
export interface OptimizerSource {
  count: number;
  /** The dataset of variable `i`. */
  path: (i: number) => string;
  /** False for Keras 2 files, whose optimizers keep no learning-rate variable (default: as the optimizer). */
  hasLearningRate?: boolean;
}

/**
 * Reads an optimizer's state and returns the function that installs it (run once every model weight
 * has been read). A state of another size is skipped with a warning, as Keras does: the model's
 * weights are still good, and training restarts the optimizer's moments.
 */
export function readOptimizer(
  reader: H5Reader,
  optimizer: Optimizer,
  model: Layer,
  what: string,
  source: OptimizerSource,
): () => void {
  const { count } = source;
  const bare = optimizerLayout(optimizer, []);
  const fileLr = bare.hasLearningRate && (source.hasLearningRate ?? true);
  const headerSize = 1 + (fileLr ? 1 : 0);
  let full = { layout: { ...bare, variables: [] as Variable[], hasUProduct: false }, size: headerSize };
  if (count > headerSize) {
    // The file holds moments: create this optimizer's (zeros) for every trainable weight to receive them.
    const trainable = kerasTrainableVariables(model);
    optimizer.build(trainable);
    const layout = optimizerLayout(optimizer, trainable);
    full = { layout, size: headerSize + layout.variables.length + (layout.hasUProduct ? 1 : 0) };
  }
  if (count !== full.size) {
    console.warn(
      `${what}: skipping the state of optimizer "${optimizer.name}": the file holds ${count} optimizer variables, this ${(optimizer.constructor as { className?: string }).className ?? 'optimizer'} has ${full.size}`,
    );
    return () => {};
  }
  const scalar = (i: number) => {
    const path = source.path(i);
    const info = reader.info(path);
    if (info.size !== 1)
      throw new ModelFileError(`${what}: expected a scalar at "${path}", found shape ${fmtShape(info.shape)}`);
    return reader.readNumbers(path, 1)[0];
  };
  const calls = scalar(0);
  if (!Number.isInteger(calls) || calls < 0)
    throw new ModelFileError(
      `${what}: the optimizer's iteration count at "${source.path(0)}" is ${calls}, expected a non-negative integer`,
    );
  const lr = fileLr ? scalar(1) : null;
  if (lr !== null && !(Number.isFinite(lr) && lr >= 0))
    throw new ModelFileError(
      `${what}: the learning rate at "${source.path(1)}" is ${lr}, expected a non-negative number`,
    );
  const uProduct = full.layout.hasUProduct ? scalar(full.size - 1) : null;
  if (uProduct !== null && !Number.isFinite(uProduct))
    throw new ModelFileError(
      `${what}: Nadam's u_product at "${source.path(full.size - 1)}" is ${uProduct}, expected a finite number`,
    );
  const offset = headerSize;
  const states: [Variable, Tensor][] = [];
  try {
    full.layout.variables.forEach((v, i) =>
      states.push([v, readVariable(reader, source.path(offset + i), v, what, `optimizer state ${offset + i}`)]),
    );
  } catch (e) {
    for (const [, t] of states) t.dispose();
    throw e;
  }
  return () => {
    tidy(() => {
      for (const [v, t] of states) v.assign(t);
    });
    for (const [, t] of states) t.dispose();
    // The file holds the rate as float32: keep the exact number this optimizer has when they agree.
    if (lr !== null && Math.fround(optimizer.learningRate) !== Math.fround(lr)) optimizer.learningRate = lr;
    optimizer.setHostState({ ...optimizer.getHostState(), calls, ...(uProduct !== null ? { uProduct } : {}) });
  };
}
