import { SerializationError } from '../errors';

/**
 * A model or weights file that cannot be read or written: broken, hostile, or not the model it is
 * loaded into. Every failure of loading and saving files surfaces as this class (or another
 * StrataError), never as a raw RangeError or TypeError from a parser.
 * @example
 * ```ts
 * try {
 *   await loadModel(bytes, { limits: { maxWeightsBytes: 1 << 20 } });
 * } catch (e) {
 *   if (e instanceof ModelFileError) console.log(e.message); // what the file asked for, and which limit refused it
 * }
 * ```
 */
export class ModelFileError extends SerializationError {
  constructor(message: string, options: { cause?: unknown } = {}) {
    super(message, options);
    this.name = 'ModelFileError';
  }
}

/** The message of anything thrown, for wrapping it into a ModelFileError. */
export function messageOf(e: unknown): string {
  if (e instanceof Error) return e.message;
  return String(e);
}
