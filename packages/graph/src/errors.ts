import { StrataError } from '@strata/tensor';

/**
 * An error found while a graph is defined or cut: names the layers, ops and shapes involved.
 * @example
 * ```ts
 * try {
 *   add(input({ shape: [3] }), input({ shape: [4] }));
 * } catch (e) {
 *   if (e instanceof GraphError) console.log(e.message); // Op "add" cannot be applied to input "input_layer" ...
 * }
 * ```
 */
export class GraphError extends StrataError {
  /**
   * True when a layer or an op rejected the shapes it was given (the model is wrong), false when
   * code could not run on symbolic tensors at all (it reads values, say: it may still run eagerly).
   */
  readonly shapeMismatch: boolean;

  constructor(message: string, options: { cause?: unknown; shapeMismatch?: boolean } = {}) {
    super(message);
    this.name = 'GraphError';
    this.shapeMismatch = options.shapeMismatch ?? false;
    if ('cause' in options) (this as { cause?: unknown }).cause = options.cause;
  }
}

/** The message of anything thrown. */
export function messageOf(e: unknown): string {
  return e instanceof Error ? e.message : String(e);
}
