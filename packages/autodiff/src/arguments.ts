import { StrataError, Tensor } from '@strata/tensor';

/** How a value that should have been a tensor looks, for error messages. */
export function describe(x: unknown): string {
  if (x === null) return 'null';
  if (Array.isArray(x)) return `an array of length ${x.length}`;
  if (x instanceof Tensor) return `a ${x.dtype} Tensor of shape [${x.shape.join(',')}]`;
  return typeof x === 'object' ? `an object (${Object.prototype.toString.call(x)})` : `${typeof x} ${String(x)}`;
}

export function checkTensor(x: unknown, what: string): Tensor {
  if (!(x instanceof Tensor)) throw new StrataError(`GradientTape.gradient: ${what} must be a Tensor, received ${describe(x)}`);
  if (x.isDisposed) throw new StrataError(`GradientTape.gradient: ${what} (tensor ${x.id}) was disposed; keep it alive until gradient() returns`);
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
  if (typeof sources === 'object' && sources !== null && Object.getPrototypeOf(sources) === Object.prototype) {
    const names = Object.keys(sources);
    const list = names.map((k) => checkTensor((sources as Record<string, unknown>)[k], `sources.${k}`));
    return { list, shapeLike: (g) => Object.fromEntries(names.map((k, i) => [k, g[i]])) };
  }
  throw new StrataError(`GradientTape.gradient: sources must be a Tensor, an array of Tensors or an object of named Tensors, received ${describe(sources)}`);
}
