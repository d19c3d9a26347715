// Test-only: checks a convolution, pooling or reshaping layer against the same layer of
// TensorFlow.js (tfjs-layers) given the same weights, on every Strata backend.
import * as tfc from '@tensorflow/tfjs-core';
import '@tensorflow/tfjs-backend-cpu';
import type * as tfl from '@tensorflow/tfjs-layers';
import { memory, setBackend, tensor, fmtShape, type BackendFactory, type Tensor } from '@strata/tensor';
import { inputValues, type Fill } from '@strata/tensor/testing';
import { cpu } from '@strata/backend-cpu';
import { wasm } from '@strata/backend-wasm';
import type { Layer } from '../layer';
import { classNameOf } from '../serializable';

/** The backends every layer is checked on. */
export function strataBackends(): BackendFactory[] {
  return [cpu(), wasm()];
}

export interface OracleSpec {
  /** A fresh Strata layer (one per backend, so its weights live there). */
  make: () => Layer;
  /** A fresh tfjs-layers layer with the same options; it receives the Strata layer's weights. */
  reference: () => tfl.layers.Layer;
  inputShape: readonly number[];
  fill?: Fill;
  /** Where tfjs-layers lacks an option, what its layer is fed instead (e.g. the input padded for 'causal'). */
  referenceInput?: (x: tfc.Tensor) => tfc.Tensor;
  /** And what is done to its output (e.g. a transpose back to channels_first). */
  referenceOutput?: (y: tfc.Tensor) => tfc.Tensor;
  /** Absolute + relative tolerance (default 1e-5). */
  tol?: number;
}

/** Asserts `got` equals `want` within `tol` (absolute + relative), naming the first element that differs. */
export function expectClose(label: string, got: ArrayLike<number>, want: ArrayLike<number>, tol = 1e-5): void {
  if (got.length !== want.length) throw new Error(`${label}: ${got.length} values, expected ${want.length}`);
  for (let i = 0; i < want.length; i++) {
    if (!(Math.abs(got[i] - want[i]) <= tol * (1 + Math.abs(want[i])))) {
      throw new Error(`${label}: element ${i} is ${got[i]}, expected ${want[i]} (tolerance ${tol})\n got: ${Array.from(got).slice(0, 12)}\nwant: ${Array.from(want).slice(0, 12)}`);
    }
  }
}

/**
 * Runs the Strata layer on every backend and the tfjs-layers layer (on tfjs's cpu backend) on the
 * same deterministic input, with the Strata layer's weights copied over, and compares the outputs.
 * Also asserts that the Strata side leaves no live tensors behind.
 */
export async function expectMatchesTfjs(spec: OracleSpec): Promise<void> {
  const values = inputValues({ shape: spec.inputShape, fill: spec.fill }, 1);
  for (const factory of strataBackends()) {
    await setBackend(factory);
    await tfc.setBackend('cpu');
    const before = memory().numTensors;
    const layer = spec.make();
    const x = tensor(values, [...spec.inputShape]);
    const y = layer.apply(x) as Tensor;
    const got = await y.data();
    const weights = layer.getWeights();
    const tfWeights = await Promise.all(weights.map(async (w) => tfc.tensor(await w.data(), [...w.shape])));
    for (const w of weights) w.dispose();
    const reference = spec.reference();
    const raw = tfc.tensor(values, [...spec.inputShape]);
    const tx = spec.referenceInput ? tfc.tidy(() => spec.referenceInput!(raw)) : raw;
    tfc.dispose(reference.apply(tx) as tfc.Tensor);
    if (tfWeights.length > 0) reference.setWeights(tfWeights);
    const applied = reference.apply(tx) as tfc.Tensor;
    const ty = spec.referenceOutput ? tfc.tidy(() => spec.referenceOutput!(applied)) : applied;
    const label = `${classNameOf(layer)} on ${factory.name} vs tfjs-layers`;
    try {
      if (fmtShape(y.shape) !== fmtShape(ty.shape)) throw new Error(`${label}: output shape ${fmtShape(y.shape)}, tfjs-layers gives ${fmtShape(ty.shape)}`);
      expectClose(label, got as Float32Array, await ty.data(), spec.tol);
    } finally {
      tfc.dispose([raw, tx, applied, ty, ...tfWeights]);
      x.dispose();
      y.dispose();
      layer.dispose();
    }
    const after = memory().numTensors;
    if (after !== before) throw new Error(`${label}: leaked ${after - before} tensor(s)`);
  }
}
