import { ModelFileError } from './errors';

export interface ScanOptions {
  /** Refuse Lambda layers whose function is anything but the name of a registered function (default true). */
  safeMode: boolean;
  /** Largest size any one dimension may declare. */
  maxDimension: number;
  /** Names the file in errors. */
  what: string;
}

// Config keys that size weights or activations: a hostile file could ask for a 2^40-element kernel.
const SIZE_KEYS = new Set([
  'units',
  'filters',
  'input_dim',
  'output_dim',
  'num_heads',
  'key_dim',
  'value_dim',
  'kernel_size',
  'pool_size',
  'strides',
  'batch_shape',
  'batch_input_shape',
  'input_shape',
  'target_shape',
  'dims',
  'n',
  'num_tokens',
  'max_tokens',
  'depth_multiplier',
  'inputDim',
  'outputDim',
  'numHeads',
  'keyDim',
  'valueDim',
  'kernelSize',
  'poolSize',
  'batchShape',
  'batchInputShape',
  'inputShape',
  'targetShape',
  'numTokens',
  'maxTokens',
  'depthMultiplier',
  'output_shape',
  'outputShape',
]);

const MAX_DEPTH = 256;
const MAX_NODES = 1_000_000;

/**
 * Checks a parsed config.json before any object is built from it: bounded nesting, no size beyond
 * the limits, and no code. Strata never evaluates code from a file: a Keras `__lambda__` (Python
 * bytecode) is refused always, and in safe mode a Lambda layer must name its function
 * (`"function": "my_fn"`, or Keras's `{"class_name": "function", "config": "my_fn"}`), which then
 * has to be registered with registerLambda for the layer to build.
 */
export function scanConfig(config: unknown, options: ScanOptions): void {
  let nodes = 0;
  const fail = (where: string, message: string): never => {
    throw new ModelFileError(`${options.what}: ${message} (at ${where || 'the top level'})`);
  };
  const walk = (x: unknown, where: string, depth: number): void => {
    if (++nodes > MAX_NODES) fail(where, `the config holds more than ${MAX_NODES} values; it is not a model config`);
    if (depth > MAX_DEPTH) fail(where, `the config nests deeper than ${MAX_DEPTH} levels; it is not a model config`);
    if (Array.isArray(x)) {
      x.forEach((v, i) => walk(v, `${where}[${i}]`, depth + 1));
      return;
    }
    if (x === null || typeof x !== 'object') return;
    const obj = x as Record<string, unknown>;
    const className = obj.class_name ?? obj.className;
    if (isCode(obj)) fail(where, CODE_MESSAGE);
    if (className === 'Lambda') {
      const fn = (obj.config as Record<string, unknown> | null)?.function;
      if (typeof fn === 'object' && fn !== null && isCode(fn as Record<string, unknown>))
        fail(`${where}.config.function`, CODE_MESSAGE);
      if (options.safeMode) checkLambda(obj.config, `${where}.config`, fail);
    }
    for (const [key, value] of Object.entries(obj)) {
      if (SIZE_KEYS.has(key)) checkSizes(value, `${where}.${key}`, options.maxDimension, fail);
      walk(value, where ? `${where}.${key}` : key, depth + 1);
    }
  };
  walk(config, '', 0);
}

const CODE_MESSAGE =
  'the config holds Python code (a Keras lambda), which Strata never evaluates. Replace the lambda with a named function, register it with registerLambda, and save the model again';

/** Keras's serialized Python lambda: `{class_name: '__lambda__', config: {code, defaults, closure}}`. */
function isCode(obj: Record<string, unknown>): boolean {
  const className = obj.class_name ?? obj.className;
  return (
    className === '__lambda__' ||
    ((className === 'function' || className === '__lambda__') &&
      typeof obj.config === 'object' &&
      obj.config !== null &&
      'code' in obj.config)
  );
}

function checkLambda(config: unknown, where: string, fail: (where: string, message: string) => never): void {
  const fn = (config as Record<string, unknown> | null)?.function;
  const byName =
    typeof fn === 'string' ||
    (typeof fn === 'object' &&
      fn !== null &&
      (fn as Record<string, unknown>).class_name === 'function' &&
      typeof (fn as Record<string, unknown>).config === 'string');
  if (!byName) {
    fail(
      where,
      `safe mode refuses this Lambda layer: its function is ${JSON.stringify(fn)?.slice(0, 80)}, not the name of a registered function. Register the function with registerLambda and refer to it by name, or load with safeMode: false if you trust the file`,
    );
  }
}

function checkSizes(value: unknown, where: string, max: number, fail: (where: string, message: string) => never): void {
  const dims = (Array.isArray(value) ? value : [value]).filter((d): d is number => typeof d === 'number');
  for (const d of dims) {
    if (!Number.isFinite(d) || d > max)
      fail(
        where,
        `a size of ${d} is declared, more than the limit of ${max} per dimension; the file is corrupted or hostile (raise limits.maxDimension if it is trusted)`,
      );
  }
  const product = dims.reduce((a, b) => a * Math.max(1, b), 1);
  if (product > 2 ** 31)
    fail(
      where,
      `the shape ${JSON.stringify(value)} has ${product} elements, more than 2^31; the file is corrupted or hostile`,
    );
}
