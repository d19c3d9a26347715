import { StrataError, Tensor } from '@strata/tensor';
import { fmtShape } from '@strata/tensor/internal';
import { nest } from '@strata/tensor';

/** How a value that should have been a tensor looks, for error messages. */
export function describe(x: unknown): string {
  if (x === null) return 'null';
  if (Array.isArray(x)) return `an array of length ${x.length}`;
  if (x instanceof Tensor) return `a ${x.dtype} Tensor of shape [${x.shape.join(',')}]`;
  return typeof x === 'object' ? `an object (${Object.prototype.toString.call(x)})` : `${typeof x} ${String(x)}`;
}

export function checkTensor(x: unknown, what: string): Tensor {
  if (!(x instanceof Tensor))
    throw new StrataError(`GradientTape.gradient: ${what} must be a Tensor, received ${describe(x)}`);
  if (x.isDisposed)
    throw new StrataError(
      `GradientTape.gradient: ${what} (tensor ${x.id}) was disposed; keep it alive until gradient() returns`,
    );
  return x;
}

/** One tensor or an array of them, as an array. */
export function listTensors(x: Tensor | readonly Tensor[], what: string): Tensor[] {
  if (Array.isArray(x)) return x.map((t, i) => checkTensor(t, `${what}[${i}]`));
  return [checkTensor(x, what)];
}

/** The sources of `gradient()` as a list, and how to give the results back in the same shape. */
export function sourceList(sources: unknown): { list: Tensor[]; shapeLike(grads: (Tensor | null)[]): unknown } {
  if (sources instanceof Tensor) return { list: [checkTensor(sources, 'source')], shapeLike: (g) => g[0] };
  if (Array.isArray(sources)) return { list: listTensors(sources, 'sources'), shapeLike: (g) => g };
  if (nest.isRecord(sources)) {
    const names = Object.keys(sources);
    const list = names.map((k) => checkTensor((sources as Record<string, unknown>)[k], `sources.${k}`));
    return { list, shapeLike: (g) => Object.fromEntries(names.map((k, i) => [k, g[i]])) };
  }
  throw new StrataError(
    `GradientTape.gradient: sources must be a Tensor, an array of Tensors or an object of named Tensors, received ${describe(sources)}`,
  );
}

/**
 * Checks a gradient request: float32 targets, sources that can have the gradient asked for, one
 * output gradient per target with its shape. Returns the output gradients given, or null.
 */
export function checkGradientRequest(
  targets: readonly Tensor[],
  sources: readonly Tensor[],
  outputGradients: Tensor | readonly Tensor[] | undefined,
  unconnected: 'none' | 'zero',
): Tensor[] | null {
  targets.forEach((t, i) => {
    if (t.dtype !== 'float32') {
      throw new StrataError(
        `GradientTape.gradient: target ${targets.length > 1 ? `${i} ` : ''}has dtype ${t.dtype}; only float32 tensors have gradients. ` +
          `Differentiate a float32 result (cast(x, 'float32') before the computation, not after)`,
      );
    }
  });
  sources.forEach((s, i) => {
    if (s.dtype !== 'float32' && unconnected === 'zero') {
      throw new StrataError(
        `GradientTape.gradient: source ${i} (shape ${fmtShape(s.shape)}) has dtype ${s.dtype}, which has no gradient; ` +
          `cast it to float32 before the computation, or pass unconnected: 'none' to get null for it`,
      );
    }
  });
  if (outputGradients === undefined) return null;
  const seeds = listTensors(outputGradients, 'outputGradients');
  if (seeds.length !== targets.length)
    throw new StrataError(
      `GradientTape.gradient: ${targets.length} target(s) but ${seeds.length} outputGradients; pass one per target`,
    );
  seeds.forEach((g, i) => {
    const t = targets[i];
    if (g.dtype !== 'float32' || g.shape.length !== t.shape.length || g.shape.some((d, k) => d !== t.shape[k])) {
      throw new StrataError(
        `GradientTape.gradient: outputGradients[${i}] must be float32 of the target's shape ${fmtShape(t.shape)}, received ${g.dtype} ${fmtShape(g.shape)}`,
      );
    }
  });
  return seeds;
}
