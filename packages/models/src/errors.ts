import { StrataError } from '@strata/tensor';

/**
 * An error about how a model was defined or used.
 * @example
 * ```ts
 * const a = input({ shape: [2] });
 * const b = input({ shape: [2] });
 * const m = new Functional({ inputs: [a, b], outputs: add(a, b) });
 * try {
 *   m.apply([ones([1, 2])]);
 * } catch (e) {
 *   if (e instanceof ModelError) console.log(e.message); // Model "functional" takes 2 input(s) ..., received 1
 * }
 * ```
 */
export class ModelError extends StrataError {
  constructor(message: string) {
    super(message);
    this.name = 'ModelError';
  }
}
