import { StrataError } from '@strata/tensor';

/** An error about how a model was defined or used. */
export class ModelError extends StrataError {
  constructor(message: string) {
    super(message);
    this.name = 'ModelError';
  }
}
