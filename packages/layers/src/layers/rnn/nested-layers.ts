import { Layer } from '../../layer';
import { LayerError } from '../../errors';
import { isSerializedObject, type SerializedObject } from '../../serializable';
import { resolveBuiltInLayerClass, type LayerResolver } from '../../layer-catalog';

/** A layer given to a wrapper (RNN's cell, Bidirectional, TimeDistributed): an instance or its `{className, config}`. */
export type NestedLayer<T extends Layer = Layer> = T | SerializedObject;

function resolveIn(owner: string, what: string, id: SerializedObject, resolveLayer: LayerResolver): Layer {
  try {
    return resolveLayer(id);
  } catch (e) {
    const unknown = e instanceof LayerError && /^unknown layer class/.test(e.message);
    if (unknown) throw new LayerError(`${owner}: ${what} names an ${e.message}`);
    throw e;
  }
}

/**
 * A wrapper's nested layer as its constructor takes it: a `{className, config}` resolved to an
 * instance by `resolveLayer` (what the wrapper's fromConfig was given), anything else as it is.
 */
export function resolveNested(id: unknown, resolveLayer: LayerResolver | undefined): unknown {
  return resolveLayer && isSerializedObject(id) ? resolveLayer(id) : id;
}

/** Resolves a nested layer: an instance is returned as is, a built-in `{className, config}` is constructed. */
export function deserializeNestedLayer<T extends Layer>(
  owner: string,
  what: string,
  id: unknown,
  base: abstract new (...args: never[]) => T,
): T {
  if (id instanceof base) return id;
  if (id instanceof Layer) throw new LayerError(`${owner}: ${what} must be a ${base.name}, received ${id.toString()}`);
  if (!isSerializedObject(id)) {
    throw new LayerError(
      `${owner}: ${what} must be a ${base.name} instance or its {className, config}, received ${JSON.stringify(id)}`,
    );
  }
  const layer = resolveIn(owner, what, id, resolveBuiltInLayerClass);
  if (!(layer instanceof base))
    throw new LayerError(`${owner}: ${what} must be a ${base.name}, received a ${id.className} config`);
  return layer as T;
}

/**
 * A fresh layer from a nested layer's config with some options changed (Bidirectional's forward
 * and backward copies): an instance gives its class and config, and is itself left untouched.
 */
export function rebuildNestedLayer<T extends Layer>(
  owner: string,
  what: string,
  id: unknown,
  base: abstract new (...args: never[]) => T,
  changes: Record<string, unknown>,
): T {
  let layer: Layer;
  if (id instanceof Layer) {
    const cls = id.constructor as new (args: never) => Layer;
    layer = new cls({ ...id.getConfig(), ...changes } as never);
  } else if (isSerializedObject(id)) {
    const changed = { className: id.className, config: { ...id.config, ...changes } };
    layer = resolveIn(owner, what, changed, resolveBuiltInLayerClass);
  } else {
    throw new LayerError(
      `${owner}: ${what} must be a ${base.name} instance or its {className, config}, received ${JSON.stringify(id)}`,
    );
  }
  if (!(layer instanceof base))
    throw new LayerError(`${owner}: ${what} must be a ${base.name}, received ${layer.toString()}`);
  return layer as T;
}
