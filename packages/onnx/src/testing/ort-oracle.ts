// Test-only: runs exported models in ONNX Runtime (onnxruntime-node, an engine no one here wrote)
// and compares with Strata's own predictions.
import * as ort from 'onnxruntime-node';
import { randomNormal, randomUniform, type DType, type Tensor } from '@strata/tensor';
import type { Model } from '@strata/models';

export interface InputSpec {
  /** Without the batch axis. */
  shape: number[];
  dtype?: DType;
  /** int32 inputs are drawn from [0, max). */
  max?: number;
}

/** Seeded inputs for a model, one batch of `batch`. */
export function makeInputs(specs: readonly InputSpec[], batch: number, seed: number): Tensor[] {
  return specs.map((s, i) => {
    const shape = [batch, ...s.shape];
    if (s.dtype === 'int32') {
      return randomUniform(shape, { minval: 0, maxval: s.max ?? 5, seed: seed + i, dtype: 'int32' });
    }
    return randomNormal(shape, { seed: seed + i });
  });
}

/**
 * Gives every weight seeded random values (variances stay positive), so that a layer's inference
 * form is exercised with something other than its initial statistics (a fresh BatchNormalization
 * would be the identity).
 */
export function randomizeWeights(model: Model, seed: number): void {
  model.weights.forEach((w, i) => {
    if (w.dtype !== 'float32') return;
    const s = seed * 1000 + i;
    const value = /variance/.test(w.name)
      ? randomUniform([...w.shape], { minval: 0.5, maxval: 1.5, seed: s })
      : randomNormal([...w.shape], { stddev: 0.5, seed: s });
    w.assign(value);
    value.dispose();
  });
}

function ortTensor(t: Tensor): ort.Tensor {
  const data = t.dataSync();
  if (t.dtype === 'int32') return new ort.Tensor('int32', Int32Array.from(data as Int32Array), [...t.shape]);
  if (t.dtype === 'bool') return new ort.Tensor('bool', Uint8Array.from(data as Uint8Array), [...t.shape]);
  return new ort.Tensor('float32', Float32Array.from(data as Float32Array), [...t.shape]);
}

export interface Comparison {
  maxAbsDiff: number;
  shapes: number[][];
}

/** Runs `bytes` in ONNX Runtime on `inputs` and returns the largest difference from `model.predict`. */
export async function compareWithOrt(model: Model, bytes: Uint8Array, inputs: readonly Tensor[]): Promise<Comparison> {
  const session = await ort.InferenceSession.create(bytes, { graphOptimizationLevel: 'all' });
  const feeds = Object.fromEntries(session.inputNames.map((n, i) => [n, ortTensor(inputs[i])]));
  const results = await session.run(feeds);
  const predicted = model.predict(inputs.length === 1 ? inputs[0] : inputs);
  const expected = (
    Array.isArray(predicted)
      ? predicted
      : predicted instanceof Object && !('dtype' in predicted)
        ? Object.values(predicted)
        : [predicted]
  ) as Tensor[];
  let maxAbsDiff = 0;
  const shapes: number[][] = [];
  try {
    if (expected.length !== session.outputNames.length) {
      throw new Error(`Strata gives ${expected.length} outputs, the ONNX model ${session.outputNames.length}`);
    }
    session.outputNames.forEach((name, i) => {
      const got = results[name];
      const want = expected[i];
      if (got.dims.join(',') !== want.shape.join(',')) {
        throw new Error(
          `output ${name}: ONNX Runtime gives shape [${got.dims.join(',')}], Strata [${want.shape.join(',')}]`,
        );
      }
      shapes.push([...want.shape]);
      const a = got.data as ArrayLike<number | bigint>;
      const w = want.dataSync() as ArrayLike<number>;
      for (let k = 0; k < w.length; k++) {
        const d = Math.abs(Number(a[k]) - Number(w[k]));
        if (Number.isNaN(d) && !(Number.isNaN(Number(a[k])) && Number.isNaN(Number(w[k])))) maxAbsDiff = Infinity;
        else if (d > maxAbsDiff) maxAbsDiff = d;
      }
    });
  } finally {
    for (const t of expected) t.dispose();
    await session.release();
  }
  return { maxAbsDiff, shapes };
}
