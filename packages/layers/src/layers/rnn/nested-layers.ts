import { Layer } from '../../layer';
import { LayerError } from '../../errors';
import { identifierKey, isSerializedObject, type SerializedObject } from '../../serializable';

/** A layer given to a wrapper (RNN's cell, Bidirectional, TimeDistributed): an instance or its `{className, config}`. */
export type NestedLayer<T extends Layer = Layer> = T | SerializedObject;

type LayerClass = (new (args: never) => Layer) & { className: string };

const extra = new Map<string, LayerClass>();
let builtIns: Map<string, LayerClass> | null = null;
let catalog: (() => Record<string, unknown>) | null = null;

function isLayerClass(x: unknown): x is LayerClass {
  return typeof x === 'function' && x.prototype instanceof Layer && Object.prototype.hasOwnProperty.call(x, 'className');
}

/**
 * Makes a layer class resolvable by name inside wrapper configs (a custom cell in an RNN config).
 * Built-in layers need no registration. (A package-wide registry will take this over.)
 */
export function registerNestedLayer(...classes: LayerClass[]): void {
  for (const cls of classes) extra.set(identifierKey(cls.className), cls);
}

/**
 * Gives the table the layer catalog (every built-in class), read at the first lookup. The catalog
 * imports the wrappers, so they cannot import it: `catalog.ts` hands it over instead.
 */
export function setBuiltInLayers(getCatalog: () => Record<string, unknown>): void {
  catalog = getCatalog;
  builtIns = null;
}

function unknownClass(owner: string, what: string, className: string): LayerError {
  const hint = catalog ? 'register custom classes with registerNestedLayer()' : 'built-in classes are known once @strata/layers (its index) is imported';
  return new LayerError(`${owner}: ${what} names the unknown layer class "${className}"; ${hint}`);
}

function lookup(className: string): LayerClass | undefined {
  if (!builtIns && catalog) {
    const classes = Object.values(catalog()).filter(isLayerClass);
    builtIns = new Map(classes.map((cls) => [identifierKey(cls.className), cls]));
  }
  return extra.get(identifierKey(className)) ?? builtIns?.get(identifierKey(className));
}

/** Resolves a nested layer: an instance is returned as is, a `{className, config}` is constructed. */
export function deserializeNestedLayer<T extends Layer>(owner: string, what: string, id: unknown, base: abstract new (...args: never[]) => T): T {
  if (id instanceof base) return id;
  if (id instanceof Layer) throw new LayerError(`${owner}: ${what} must be a ${base.name}, received ${id.toString()}`);
  if (!isSerializedObject(id)) {
    throw new LayerError(`${owner}: ${what} must be a ${base.name} instance or its {className, config}, received ${JSON.stringify(id)}`);
  }
  const cls = lookup(id.className);
  if (!cls) throw unknownClass(owner, what, id.className);
  const layer = new cls(id.config as never);
  if (!(layer instanceof base)) throw new LayerError(`${owner}: ${what} must be a ${base.name}, received a ${id.className} config`);
  return layer as T;
}

/**
 * A fresh layer from a nested layer's config with some options changed (Bidirectional's forward
 * and backward copies): an instance gives its class and config, and is itself left untouched.
 */
export function rebuildNestedLayer<T extends Layer>(owner: string, what: string, id: unknown, base: abstract new (...args: never[]) => T, changes: Record<string, unknown>): T {
  let cls: LayerClass | undefined;
  let config: Record<string, unknown>;
  if (id instanceof Layer) {
    cls = id.constructor as LayerClass;
    config = id.getConfig();
  } else if (isSerializedObject(id)) {
    cls = lookup(id.className);
    if (!cls) throw unknownClass(owner, what, id.className);
    config = id.config;
  } else {
    throw new LayerError(`${owner}: ${what} must be a ${base.name} instance or its {className, config}, received ${JSON.stringify(id)}`);
  }
  const layer = new cls({ ...config, ...changes } as never);
  if (!(layer instanceof base)) throw new LayerError(`${owner}: ${what} must be a ${base.name}, received ${layer.toString()}`);
  return layer as T;
}
