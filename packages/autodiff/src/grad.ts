import { StrataError, Tensor, tidy } from '@strata/tensor';
import { GradientTape } from './tape';
import { describe } from './arguments';

/** Options of `grad(f)` and `valueAndGrad(f)`. */
export interface GradOptions<N extends number | readonly number[]> {
  /** Which arguments to differentiate with respect to (default 0): a number gives one gradient, an array one per entry. */
  argnums?: N;
}

type GradsFor<N> = N extends number ? Tensor : Tensor[];

/** Differentiates `f` at `args`: returns its value and the gradients of its sum with respect to the chosen arguments. */
function evaluate<N extends number | readonly number[]>(
  name: string,
  f: (...args: Tensor[]) => Tensor,
  args: Tensor[],
  argnums: N,
): { value: Tensor; grad: GradsFor<N> } {
  const chosen = (typeof argnums === 'number' ? [argnums] : [...(argnums as readonly number[])]) as number[];
  for (const i of chosen) {
    if (!Number.isInteger(i) || i < 0 || i >= args.length) {
      throw new StrataError(
        `${name}: argnums holds ${i}, but the function was called with ${args.length} argument(s); use indices in [0, ${args.length - 1}]`,
      );
    }
    const a = args[i];
    if (!(a instanceof Tensor))
      throw new StrataError(`${name}: argument ${i} must be a Tensor to be differentiated, received ${describe(a)}`);
    if (a.dtype !== 'float32')
      throw new StrataError(
        `${name}: argument ${i} has dtype ${a.dtype}, which has no gradient; pass a float32 tensor (cast(x, 'float32'))`,
      );
  }
  return tidy(() => {
    const tape = new GradientTape({ watchAccessedVariables: false });
    try {
      tape.watch(chosen.map((i) => args[i]));
      const value = tape.record(() => f(...args));
      if (!(value instanceof Tensor))
        throw new StrataError(`${name}: the function must return a Tensor, received ${describe(value)}`);
      // A gradient of an argument the value ignores is zero, as in JAX: that is the true derivative.
      const grads = tape.gradient(
        value,
        chosen.map((i) => args[i]),
        { unconnected: 'zero' },
      );
      return { value, grad: (typeof argnums === 'number' ? grads[0] : grads) as GradsFor<N> };
    } finally {
      tape.dispose();
    }
  });
}

/**
 * `grad(f)` is the function computing the gradient of `f` (of its sum, for a non-scalar result)
 * with respect to argument 0, or those named by `argnums`. Compose it: `grad(grad(f))`.
 * @example
 * ```ts
 * const cube = (x: Tensor) => mul(x, mul(x, x));
 * grad(cube)(tensor([1, 2])); // [3, 12]: 3x²
 * grad(grad(cube))(tensor([1, 2])); // [6, 12]: 6x
 * grad((a: Tensor, b: Tensor) => mul(a, b), { argnums: [0, 1] })(scalar(3), scalar(4)); // [4, 3]
 * ```
 */
export function grad<A extends Tensor[], N extends number | readonly number[] = 0>(
  f: (...args: A) => Tensor,
  options: GradOptions<N> = {},
): (...args: A) => GradsFor<N> {
  const argnums = (options.argnums ?? 0) as N;
  return (...args: A) =>
    tidy(() => {
      const { value, grad: g } = evaluate('grad', f as (...args: Tensor[]) => Tensor, args, argnums);
      value.dispose();
      return g;
    });
}

/**
 * Like `grad`, but returns `{ value, grad }`: the value of `f` comes for free with its gradient.
 * @example
 * ```ts
 * const { value, grad: g } = valueAndGrad((x: Tensor) => sum(square(x)))(tensor([1, 2]));
 * value; // 5
 * g; // [2, 4]
 * ```
 */
export function valueAndGrad<A extends Tensor[], N extends number | readonly number[] = 0>(
  f: (...args: A) => Tensor,
  options: GradOptions<N> = {},
): (...args: A) => {
  /** f's value. */
  value: Tensor;
  /** Its gradient with respect to the arguments named by argnums. */
  grad: GradsFor<N>;
} {
  const argnums = (options.argnums ?? 0) as N;
  return (...args: A) => evaluate('valueAndGrad', f as (...args: Tensor[]) => Tensor, args, argnums);
}
