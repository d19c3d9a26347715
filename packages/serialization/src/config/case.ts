// The one place where Strata's camelCase config keys meet Keras's snake_case ones (as tfjs-layers'
// convertTsToPythonic / convertPythonicToTs). Only keys change: values (layer names, 'same',
// 'channels_last', 'glorot_uniform') are left as written, and Strata reads them in any casing.

/**
 * Keys whose value is copied as is: the user's own dictionary (a Lambda's `arguments`), and a model's
 * inputs and outputs, which are a record keyed by the user's names when given by name.
 */
const OPAQUE = new Set(['arguments', 'inputLayers', 'outputLayers', 'input_layers', 'output_layers']);

/** Whether the value under this key keeps its keys as written. */
export function isOpaqueKey(key: string): boolean {
  return OPAQUE.has(key);
}

/** Keras keys with a digit after an underscore, which no casing rule can restore. */
const SNAKE_EXCEPTIONS: Readonly<Record<string, string>> = { beta1: 'beta_1', beta2: 'beta_2' };

/** 'batchInputShape' → 'batch_input_shape' (tfjs-layers' toSnakeCase). */
export function snakeCase(key: string): string {
  if (key in SNAKE_EXCEPTIONS) return SNAKE_EXCEPTIONS[key];
  return key
    .replace(/(.)([A-Z][a-z0-9]+)/g, '$1_$2')
    .replace(/([a-z0-9])([A-Z])/g, '$1_$2')
    .toLowerCase();
}

/** 'batch_input_shape' → 'batchInputShape'; a key without underscores is kept. */
export function camelCase(key: string): string {
  if (!key.includes('_') || key.startsWith('__')) return key;
  return key.replace(/_+([a-zA-Z0-9])/g, (_, c: string) => c.toUpperCase());
}

function convertKeys(x: unknown, rename: (key: string) => string): unknown {
  if (Array.isArray(x)) return x.map((v) => convertKeys(v, rename));
  if (x === null || typeof x !== 'object') return x;
  const out: Record<string, unknown> = {};
  for (const [k, v] of Object.entries(x)) {
    // JSON.parse makes "__proto__" an ordinary key; assigned here it would set the prototype.
    if (k === '__proto__') continue;
    const key = rename(k);
    out[key] = OPAQUE.has(k) || OPAQUE.has(key) ? v : convertKeys(v, rename);
  }
  return out;
}

/** A Strata config with every key in snake_case (Keras, TF.js files). */
export function toSnakeKeys(x: unknown): unknown {
  return convertKeys(x, snakeCase);
}

/** A Keras or TF.js config with every key in camelCase (Strata). */
export function toCamelKeys(x: unknown): unknown {
  return convertKeys(x, camelCase);
}
