import { StrataError } from '@strata/tensor';

/**
 * A config, JSON text or weight file that cannot be read or written, with what was expected and how to fix it.
 * @example
 * ```ts
 * try {
 *   modelFromJSON('{"class_name": "NoSuchLayer", "config": {}}');
 * } catch (e) {
 *   if (e instanceof SerializationError) console.log(e.message); // names the unknown class and how to register it
 * }
 * ```
 */
export class SerializationError extends StrataError {
  constructor(message: string, options: { cause?: unknown } = {}) {
    super(message);
    this.name = 'SerializationError';
    if (options.cause !== undefined) (this as { cause?: unknown }).cause = options.cause;
  }
}
