import type { Shape } from './shape';

/** Every argument error a Strata op raises: names the op, then says what was expected and received. */
export class StrataError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'StrataError';
  }
}

export function opError(op: string, message: string): StrataError {
  return new StrataError(`${op}: ${message}`);
}

export function fmtShape(shape: Shape): string {
  return `[${shape.map((d) => (d === null ? 'null' : String(d))).join(',')}]`;
}
