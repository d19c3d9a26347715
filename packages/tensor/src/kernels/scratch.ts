import type { NamedAttrMap } from '@tensorflow/tfjs-core';
import type { Backend, TensorInfo } from '../backend';
import { typedArrayFor, type DType } from '../dtype';
import type { KernelContext } from '../op';

/**
 * The one way a kernel made of several kernels frees what it makes: every result run or written
 * through a Scratch is an intermediate, freed when the composed kernel ends (returns or throws),
 * except its result. Op kernels (`ctx`) and backend kernels (`strata`) alike use it through
 * `composed`, so no kernel frees backend data by hand.
 * @internal
 */
export class Scratch {
  private readonly made: TensorInfo[] = [];

  /** @param backend The backend whose kernels run, and whose data is freed, through this scratch. */
  constructor(
    /** The backend the kernels run on. */
    readonly backend: Backend,
  ) {}

  /**
   * Runs one backend kernel and returns its (first) result. Concat and Pack take their inputs as an
   * array, every other kernel as named inputs. Every result the kernel made is an intermediate.
   */
  run(kernelName: string, inputs: Record<string, TensorInfo> | TensorInfo[], attrs: NamedAttrMap = {}): TensorInfo {
    return this.runMulti(kernelName, inputs, attrs)[0];
  }

  /** Runs a kernel with several results, all intermediates. */
  runMulti(
    kernelName: string,
    inputs: Record<string, TensorInfo> | TensorInfo[],
    attrs: NamedAttrMap = {},
  ): TensorInfo[] {
    const out = this.backend.runKernel(kernelName, inputs as Record<string, TensorInfo>, attrs);
    const outs = Array.isArray(out) ? out : [out];
    this.made.push(...outs);
    return outs;
  }

  /** Writes host values (a small constant a kernel needs) as an intermediate. */
  write(values: ArrayLike<number>, shape: number[], dtype: DType): TensorInfo {
    const data = typedArrayFor(dtype, values.length);
    data.set(values);
    return this.adopt({ dataId: this.backend.tf.write(data, shape, dtype), shape, dtype });
  }

  /** A rank-0 constant, for kernels that take a tensor where the op has a number. */
  scalar(value: number, dtype: DType): TensorInfo {
    return this.write([value], [], dtype);
  }

  /** Takes over backend data made outside `run` (a backend's own allocation): freed with the intermediates. */
  adopt(info: TensorInfo): TensorInfo {
    this.made.push(info);
    return info;
  }

  /** `x` as `dtype` (itself when it already is). */
  cast(x: TensorInfo, dtype: DType): TensorInfo {
    return x.dtype === dtype ? x : this.run('Cast', { x }, { dtype });
  }

  /** Float32 view of `x`: the conv and matmul kernels of some backends read float32 only. */
  float(x: TensorInfo): TensorInfo {
    return this.cast(x, 'float32');
  }

  /** `x` with a new shape of the same size (itself when the shape is unchanged). */
  reshape(x: TensorInfo, shape: readonly number[]): TensorInfo {
    return x.shape.length === shape.length && x.shape.every((d, i) => d === shape[i])
      ? x
      : this.run('Reshape', { x }, { shape: [...shape] });
  }

  /** Transposes `x` by `perm` (an intermediate, freed with the others). */
  transpose(x: TensorInfo, perm: number[]): TensorInfo {
    return this.run('Transpose', { x }, { perm });
  }

  /** Whether `x` was made through this scratch (else it belongs to the caller: an input). */
  owns(x: TensorInfo): boolean {
    return this.made.includes(x);
  }

  /**
   * `x` if this scratch made it, else a new reference to it: a kernel's result must hold its own
   * backend reference, since its owner frees each result once (an input returned as is would be
   * freed twice).
   */
  own(x: TensorInfo): TensorInfo {
    return this.owns(x) ? x : this.run('Identity', { x });
  }

  /** Frees every intermediate but the results in `keep` (each holds one reference, even when shared). */
  release(keep: readonly TensorInfo[] = []): void {
    for (const info of this.made) if (!keep.includes(info)) this.backend.tf.disposeData(info.dataId);
    this.made.length = 0;
  }
}

const backendOf = (on: Backend | KernelContext): Backend => ('runKernel' in on ? on : on.backend);

/**
 * Runs a composed kernel's body with a fresh Scratch and frees its intermediates, whether it returns
 * or throws; what it returns is the caller's (a fresh reference, never one of the inputs). Takes an
 * op kernel's `ctx` or a backend kernel's `strata`.
 * @internal
 */
export function composed(on: Backend | KernelContext, body: (s: Scratch) => TensorInfo): TensorInfo {
  return composedMulti(on, (s) => [body(s)])[0];
}

/**
 * As `composed`, for kernels with several results.
 * @internal
 */
export function composedMulti(on: Backend | KernelContext, body: (s: Scratch) => TensorInfo[]): TensorInfo[] {
  const s = new Scratch(backendOf(on));
  let results: TensorInfo[] = [];
  try {
    // own() in order: a result returned twice, or an input, gets its own reference each time.
    results = [];
    for (const r of body(s)) results.push(results.includes(r) || !s.owns(r) ? s.run('Identity', { x: r }) : r);
    return results;
  } finally {
    s.release(results);
  }
}
