// Test-only: runs one kernel on two Strata backends with the same inputs, for the kernel tests.
import type { NamedAttrMap } from '@tensorflow/tfjs-core';
import type { DType } from '@strata/tensor';
import type { Backend, TensorInfo } from '@strata/tensor/internal';
import { inputValues, type Fill } from '@strata/tensor/testing';

export interface KernelInput {
  shape: number[];
  dtype?: DType;
  fill?: Fill;
}

export interface KernelResult {
  shape: number[];
  dtype: DType;
  values: number[];
}

/** The deterministic values of each input (seeded by position, as the conformance table does). */
export function valuesOf(inputs: Record<string, KernelInput>): Record<string, number[]> {
  return Object.fromEntries(Object.entries(inputs).map(([name, spec], i) => [name, inputValues(spec, i + 1)]));
}

/**
 * Writes the inputs to `backend`, runs `kernel`, reads its result number `output` and frees everything; throws if the
 * backend holds more data afterwards than before (a composed kernel that leaks an intermediate).
 */
export function runKernelOn(
  backend: Backend,
  kernel: string,
  inputs: Record<string, KernelInput>,
  attrs: NamedAttrMap,
  values = valuesOf(inputs),
  output = 0,
): KernelResult {
  const before = backend.tf.numDataIds();
  const infos: Record<string, TensorInfo> = {};
  for (const [name, spec] of Object.entries(inputs)) {
    const dtype = spec.dtype ?? 'float32';
    const typed =
      dtype === 'float32'
        ? Float32Array.from(values[name])
        : dtype === 'int32'
          ? Int32Array.from(values[name])
          : Uint8Array.from(values[name]);
    infos[name] = { dataId: backend.tf.write(typed, spec.shape, dtype), shape: spec.shape, dtype };
  }
  try {
    const out = backend.runKernel(kernel, infos, attrs);
    const outs = Array.isArray(out) ? out : [out];
    const result = outs[output];
    const read = Array.from(backend.tf.readSync(result.dataId) as Float32Array, Number);
    for (const o of outs) backend.tf.disposeData(o.dataId);
    return { shape: [...result.shape], dtype: result.dtype, values: read };
  } finally {
    for (const info of Object.values(infos)) backend.tf.disposeData(info.dataId);
    const after = backend.tf.numDataIds();
    if (after !== before) throw new Error(`${kernel} on ${backend.name}: ${after - before} data id(s) left behind`);
  }
}

/** Asserts two results agree in shape, dtype and values (absolute + relative tolerance; NaN matches NaN). */
export function expectSameResult(got: KernelResult, want: KernelResult, tol = 1e-4): void {
  expect(got.shape).toEqual(want.shape);
  expect(got.dtype).toEqual(want.dtype);
  for (let i = 0; i < want.values.length; i++) {
    const [g, w] = [got.values[i], want.values[i]];
    if (g === w || (Number.isNaN(g) && Number.isNaN(w))) continue; // infinities and NaNs must match exactly
    if (!(Math.abs(g - w) <= tol * (1 + Math.abs(w)))) {
      throw new Error(
        `values differ: element ${i} is ${g}, expected ${w} (tolerance ${tol})\n got: ${got.values.slice(0, 12)}\nwant: ${want.values.slice(0, 12)}`,
      );
    }
  }
}
