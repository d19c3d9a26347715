// The built-in classes of every kind, read from the packages' own tables (layers' layer-catalog,
// initializers, regularizers, constraints, activations; training's optimizers, schedules, losses,
// metrics; graph's InputLayer; models' Model, Functional, Sequential).
import { activations } from '@strata/layers';
import { builtInLayerClasses, constraints, initializers, regularizers, type ClassTable } from '@strata/layers/internal';
import { InputLayer } from '@strata/graph';
import { Functional, Model, Sequential } from '@strata/models';
import { lossClasses, metricClasses, optimizerClasses, scheduleClasses } from '@strata/training/internal';
import type { ObjectKind, Serializable } from './registry';
import { keras2HardSigmoid } from './legacy-activations';

/** Names to classes, exact first, then ignoring case and underscores ('glorot_uniform' = 'GlorotUniform'). */
export class NameTable {
  readonly exact = new Map<string, Serializable>();
  readonly loose = new Map<string, Serializable>();
  set(name: string, target: Serializable): void {
    if (!this.exact.has(name)) this.exact.set(name, target);
    const key = loose(name);
    if (!this.loose.has(key)) this.loose.set(key, target);
  }
  get(name: string): Serializable | undefined {
    return this.exact.get(name) ?? this.loose.get(loose(name));
  }
  /** Each distinct class once, with the name it was first given. */
  entries(): [string, Serializable][] {
    const seen = new Set<Serializable>();
    return [...this.exact].filter(([, t]) => !seen.has(t) && !!seen.add(t));
  }
}

function loose(name: string): string {
  return name.replace(/_/g, '').toLowerCase();
}

type Named = Serializable & { className: string };

function fromTable(table: ClassTable<object>): NameTable {
  const out = new NameTable();
  // Class names first, so that `entries()` names each class as Keras does; then the table's aliases.
  for (const cls of table.classes.values()) out.set((cls as Named).className, cls as Serializable);
  for (const [alias, cls] of table.classes) out.set(alias, cls as Serializable);
  return out;
}

const tables = new Map<ObjectKind, NameTable>();

function layerTable(): NameTable {
  const out = new NameTable();
  for (const cls of builtInLayerClasses()) out.set(cls.className, cls as unknown as Serializable);
  for (const cls of [InputLayer, Model, Functional, Sequential] as Named[]) out.set(cls.className, cls);
  return out;
}

/**
 * The built-in classes of one kind (activations: see builtInActivations).
 * @example
 * ```ts
 * builtInClasses('initializer').get('glorot_uniform'); // the GlorotUniform class
 * ```
 */
export function builtInClasses(kind: Exclude<ObjectKind, 'activation'> | ObjectKind): NameTable {
  let table = tables.get(kind);
  if (!table) {
    const make: Record<ObjectKind, () => NameTable> = {
      layer: layerTable,
      initializer: () => fromTable(initializers as ClassTable<object>),
      regularizer: () => fromTable(regularizers as ClassTable<object>),
      constraint: () => fromTable(constraints as ClassTable<object>),
      optimizer: () => fromTable(optimizerClasses as ClassTable<object>),
      schedule: () => fromTable(scheduleClasses as ClassTable<object>),
      loss: () => fromTable(lossClasses as ClassTable<object>),
      metric: () => fromTable(metricClasses as ClassTable<object>),
      activation: builtInActivations,
    };
    table = make[kind]();
    tables.set(kind, table);
  }
  return table;
}

/** The built-in activation functions by their saved names ('relu', 'leaky_relu', ...). */
export function builtInActivations(): NameTable {
  let table = tables.get('activation');
  if (!table) {
    table = new NameTable();
    for (const fn of Object.values(activations)) {
      const name = (fn as { activationName?: string }).activationName;
      if (typeof fn === 'function' && name) table.set(name, fn);
    }
    table.set(keras2HardSigmoid.activationName, keras2HardSigmoid);
    tables.set('activation', table);
  }
  return table;
}
