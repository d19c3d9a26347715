import { ModelError } from './errors';
import { nest } from '@strata/tensor';

/**
 * A Functional's inputs or outputs as the graph takes them (a list), and the names of a record's
 * entries, in the order they were given, when they came as one (null otherwise).
 */
export function flattenStructure(what: string, owner: string, x: unknown): { list: unknown; keys: string[] | null } {
  // A record of named values (`{ title, body, tags }`), as Keras takes a Functional's inputs and outputs too.
  if (!nest.isRecord(x)) return { list: x, keys: null };
  const keys = Object.keys(x);
  if (keys.length === 0)
    throw new ModelError(
      `${owner}: ${what} is an empty record; give at least one named tensor, e.g. { ${what === 'inputs' ? 'image: input({ shape: [28, 28, 1] })' : 'label: y'} }`,
    );
  return { list: keys.map((k) => x[k]), keys };
}

/** A list of outputs back as the record they were named in. */
export function toRecord<T>(keys: readonly string[], values: T | readonly T[]): { [name: string]: T } {
  const list = (Array.isArray(values) ? values : [values]) as readonly T[];
  return Object.fromEntries(keys.map((k, i) => [k, list[i]]));
}
