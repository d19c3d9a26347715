import { StrataError } from '@strata/tensor';

/** An error about how a layer was configured or called. */
export class LayerError extends StrataError {
  constructor(message: string) {
    super(message);
    this.name = 'LayerError';
  }
}
