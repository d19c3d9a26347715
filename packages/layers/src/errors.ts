import { StrataError } from '@strata/tensor';

/**
 * An error about how a layer was configured or called.
 *
 * @example
 * ```ts
 * try {
 *   new Dense({ units: 0 });
 * } catch (e) {
 *   e instanceof LayerError; // true: "Dense: units must be a positive integer, received 0"
 * }
 * ```
 */
export class LayerError extends StrataError {
  constructor(message: string) {
    super(message);
    this.name = 'LayerError';
  }
}
