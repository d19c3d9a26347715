import type { Shape } from './shape';

/**
 * Every argument error a Strata op raises: names the op, then says what was expected and received.
 * @example
 * ```ts
 * try {
 *   reshape(tensor([1, 2, 3]), [2, 2]);
 * } catch (e) {
 *   e instanceof StrataError; // true; e.message starts with 'reshape: '
 * }
 * ```
 */
export class StrataError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'StrataError';
  }
}

/**
 * The error an op raises: a {@link StrataError} whose message starts with the op's name.
 * @example
 * ```ts
 * throw opError('myOp', 'x must be rank 2'); // StrataError: myOp: x must be rank 2
 * ```
 */
export function opError(op: string, message: string): StrataError {
  return new StrataError(`${op}: ${message}`);
}

/**
 * A shape as errors print it: `[2,3]`, with `null` for unknown dimensions.
 * @example
 * ```ts
 * fmtShape([null, 3]); // '[null,3]'
 * ```
 */
export function fmtShape(shape: Shape): string {
  return `[${shape.map((d) => (d === null ? 'null' : String(d))).join(',')}]`;
}
