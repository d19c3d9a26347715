import type { SerializedObject } from '@strata/layers';
import { type ClassTable, toSnakeCase } from '@strata/layers/internal';
import { TrainingError } from '../errors';

/** Is `x` Keras's `{className, config}` form? */
export function isSerializedObject(x: unknown): x is SerializedObject {
  return (
    typeof x === 'object' &&
    x !== null &&
    typeof (x as SerializedObject).className === 'string' &&
    typeof (x as SerializedObject).config === 'object'
  );
}

/** The names a table accepts, in Keras's snake_case, with aliases after their class: `mean_squared_error (mse)`. */
export function validNames<T extends object>(table: ClassTable<T>, style: 'snake' | 'lower' = 'snake'): string {
  const show = (cls: string) => (style === 'snake' ? toSnakeCase(cls) : cls.toLowerCase());
  const byClass = new Map<string, string[]>();
  for (const [key, cls] of table.classes) {
    const names = byClass.get(cls.className) ?? [];
    if (key !== cls.className.toLowerCase()) names.push(key);
    byClass.set(cls.className, names);
  }
  return [...byClass]
    .map(([cls, aliases]) => (aliases.length ? `${show(cls)} (${aliases.join(', ')})` : show(cls)))
    .join(', ');
}

/** Resolves a name, instance or `{className, config}` through a table, with an error listing the valid names. */
export function lookup<T extends object>(
  table: ClassTable<T>,
  kind: string,
  id: T | string | SerializedObject,
  alsoAccepted: string,
  style: 'snake' | 'lower' = 'snake',
): T {
  if (typeof id !== 'string' && !isSerializedObject(id) && !(id instanceof Object)) {
    throw new TrainingError(
      `unknown ${kind} ${JSON.stringify(id)}; expected a name (${validNames(table, style)}), ${alsoAccepted}`,
    );
  }
  try {
    return table.get(id);
  } catch {
    const name = typeof id === 'string' ? id : isSerializedObject(id) ? id.className : String(id);
    throw new TrainingError(
      `unknown ${kind} ${JSON.stringify(name)}; expected one of ${validNames(table, style)}, or ${alsoAccepted}`,
    );
  }
}
