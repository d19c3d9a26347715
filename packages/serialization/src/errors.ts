import { StrataError } from '@strata/tensor';

/** A config, JSON text or weight file that cannot be read or written, with what was expected and how to fix it. */
export class SerializationError extends StrataError {
  constructor(message: string, options: { cause?: unknown } = {}) {
    super(message);
    this.name = 'SerializationError';
    if (options.cause !== undefined) (this as { cause?: unknown }).cause = options.cause;
  }
}
