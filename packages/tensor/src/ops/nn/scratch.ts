import type { NamedAttrMap } from '@tensorflow/tfjs-core';
import type { TensorInfo } from '../../backend';
import type { DType } from '../../dtype';
import type { KernelContext } from '../../op';

/**
 * Intermediate results of a composed kernel: everything run through it is freed when the kernel
 * returns, except the result. Keeps multi-step kernels leak-free without bookkeeping at each step.
 */
export class Scratch {
  private readonly temps: TensorInfo[] = [];
  constructor(readonly ctx: KernelContext) {}

  /** Runs a kernel whose result is an intermediate. */
  run(kernelName: string, inputs: Record<string, TensorInfo>, attrs?: NamedAttrMap): TensorInfo {
    const out = this.ctx.run(kernelName, inputs, attrs);
    this.temps.push(out);
    return out;
  }

  /** Runs a kernel with several results, all intermediates. */
  runMulti(kernelName: string, inputs: Record<string, TensorInfo>, attrs?: NamedAttrMap): TensorInfo[] {
    const outs = this.ctx.runMulti(kernelName, inputs, attrs);
    this.temps.push(...outs);
    return outs;
  }

  /** Writes a small host constant as an intermediate. */
  write(values: ArrayLike<number>, shape: number[], dtype: DType): TensorInfo {
    const out = this.ctx.write(values, shape, dtype);
    this.temps.push(out);
    return out;
  }

  /** `x` as `dtype` (itself when it already is). */
  cast(x: TensorInfo, dtype: DType): TensorInfo {
    return x.dtype === dtype ? x : this.run('Cast', { x }, { dtype });
  }

  /** `x` with a new shape of the same size (itself when the shape is unchanged). */
  reshape(x: TensorInfo, shape: readonly number[]): TensorInfo {
    return x.shape.length === shape.length && x.shape.every((d, i) => d === shape[i])
      ? x
      : this.run('Reshape', { x }, { shape: [...shape] });
  }

  /**
   * `x` if this scratch made it, else a new reference to it: a kernel's result must hold its own
   * backend reference, since the engine frees each result once (an input returned as is would be
   * freed twice).
   */
  own(x: TensorInfo): TensorInfo {
    return this.temps.includes(x) ? x : this.ctx.run('Identity', { x });
  }

  /** Frees every intermediate but the results in `keep`. */
  release(keep: readonly TensorInfo[] = []): void {
    for (const t of this.temps) if (!keep.includes(t)) this.ctx.free(t);
    this.temps.length = 0;
  }
}

/** Runs a composed kernel body, freeing its intermediates (but the result) however it ends. */
export function composed(ctx: KernelContext, body: (s: Scratch) => TensorInfo): TensorInfo {
  const s = new Scratch(ctx);
  let result: TensorInfo | undefined;
  try {
    result = s.own(body(s));
    return result;
  } finally {
    s.release(result ? [result] : []);
  }
}

/** As `composed`, for kernels with several results. */
export function composedMulti(ctx: KernelContext, body: (s: Scratch) => TensorInfo[]): TensorInfo[] {
  const s = new Scratch(ctx);
  let results: TensorInfo[] = [];
  try {
    results = body(s).map((r) => s.own(r));
    return results;
  } finally {
    s.release(results);
  }
}
