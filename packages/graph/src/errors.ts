import { StrataError } from '@strata/tensor';

/** An error found while a graph is defined or cut: names the layers, ops and shapes involved. */
export class GraphError extends StrataError {
  constructor(message: string, options?: { cause?: unknown }) {
    super(message);
    this.name = 'GraphError';
    if (options && 'cause' in options) (this as { cause?: unknown }).cause = options.cause;
  }
}

/** The message of anything thrown. */
export function messageOf(e: unknown): string {
  return e instanceof Error ? e.message : String(e);
}
