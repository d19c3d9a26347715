import type { NamedAttrMap } from '@tensorflow/tfjs-core';
import type { Backend, TensorInfo } from '../backend';
import type { DType } from '../dtype';

/** Runs kernels on behalf of a composed kernel and remembers every intermediate it made. */
export class Scratch {
  private readonly made: TensorInfo[] = [];

  constructor(private readonly backend: Backend) {}

  /** Runs one backend kernel; its result is freed when the composed kernel ends unless returned. */
  run(kernelName: string, inputs: Record<string, TensorInfo> | TensorInfo[], attrs: NamedAttrMap = {}): TensorInfo {
    // Concat and Pack take their inputs as an array; every other kernel as named inputs.
    const out = this.backend.runKernel(kernelName, inputs as Record<string, TensorInfo>, attrs);
    const info = Array.isArray(out) ? out[0] : out;
    this.made.push(info);
    return info;
  }

  /** A scalar constant, freed with the other intermediates. */
  scalar(value: number, dtype: DType): TensorInfo {
    const values =
      dtype === 'float32' ? Float32Array.of(value) : dtype === 'int32' ? Int32Array.of(value) : Uint8Array.of(value);
    const info: TensorInfo = { dataId: this.backend.tf.write(values, [], dtype), shape: [], dtype };
    this.made.push(info);
    return info;
  }

  /** Takes over a tensor made outside `run` (a backend's own allocation): it is freed with the intermediates. */
  adopt(info: TensorInfo): TensorInfo {
    this.made.push(info);
    return info;
  }

  /** Reshapes (a view in tfjs's backends: no copy). */
  reshape(x: TensorInfo, shape: number[]): TensorInfo {
    return this.run('Reshape', { x }, { shape });
  }

  /** Permutes axes: output axis i is input axis `perm[i]`. */
  transpose(x: TensorInfo, perm: number[]): TensorInfo {
    return this.run('Transpose', { x }, { perm });
  }

  /** Float32 view of `x`: the conv and matmul kernels of tfjs-wasm read float32 only. */
  float(x: TensorInfo): TensorInfo {
    return x.dtype === 'float32' ? x : this.run('Cast', { x }, { dtype: 'float32' });
  }

  /** Whether `info` was made in this scratch scope (and so is freed with it). */
  owns(info: TensorInfo): boolean {
    return this.made.includes(info);
  }

  /** Frees every intermediate except `keep` (each kernel result holds one reference, even when shared). */
  release(keep: TensorInfo | null): void {
    for (const info of this.made) if (info !== keep) this.backend.tf.disposeData(info.dataId);
    this.made.length = 0;
  }
}

/** Runs `body` with a fresh Scratch and frees its intermediates, whether `body` returns or throws. */
export function composed(backend: Backend, body: (k: Scratch) => TensorInfo): TensorInfo {
  const k = new Scratch(backend);
  let result: TensorInfo | null = null;
  try {
    const out = body(k);
    // The caller owns what is returned, so it must be a fresh reference, never one of the inputs.
    result = k.owns(out) ? out : k.run('Identity', { x: out });
    return result;
  } finally {
    k.release(result);
  }
}
