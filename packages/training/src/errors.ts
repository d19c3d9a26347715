import { StrataError } from '@strata/tensor';

/**
 * An error about how training was configured or called: names what was expected, what was received, and the fix.
 *
 * @example
 * ```ts
 * try {
 *   getOptimizer('adamm');
 * } catch (e) {
 *   e instanceof TrainingError; // true: 'unknown optimizer "adamm"; expected one of ...'
 * }
 * ```
 */
export class TrainingError extends StrataError {
  constructor(message: string) {
    super(message);
    this.name = 'TrainingError';
  }
}

/** A short description of a value for error messages: `Tensor float32 [2,3]`, `array of 2`, `string "x"`. */
export function describeValue(x: unknown): string {
  if (x === null) return 'null';
  if (x === undefined) return 'undefined';
  if (typeof x === 'object' && 'shape' in x && 'dtype' in x) {
    const t = x as { shape: readonly number[]; dtype: string };
    return `Tensor ${t.dtype} [${t.shape.join(',')}]`;
  }
  if (Array.isArray(x)) return `array of ${x.length}`;
  if (typeof x === 'string') return `string ${JSON.stringify(x)}`;
  if (typeof x === 'object') return `object with keys ${JSON.stringify(Object.keys(x))}`;
  return `${typeof x} ${String(x)}`;
}
