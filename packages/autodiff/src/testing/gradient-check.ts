import * as tfc from '@tensorflow/tfjs-core';
// tfjs-core's node bundle ships no gradients: tf.grads needs tfjs's own gradient functions registered.
import '@tensorflow/tfjs-core/dist/register_all_gradients';
// Some of those gradients call tensor methods (x.reshape()), which the node bundle does not add either.
import '@tensorflow/tfjs-core/dist/public/chained_ops/register_all_chained_ops';
import { GradientTape } from '../tape';
import { memory, tensor, tidy } from '@strata/tensor';
import { inputValues } from '@strata/tensor/testing';
import type { GradientCase } from './gradient-case';
import { finiteDifferences } from './finite-differences';

/** Fixed pseudo-random output weights in [-1, 1): a seed of ones would hide rules that ignore `dy`. */
export function outputWeights(size: number, seed = 12345): Float64Array {
  let s = seed >>> 0;
  const w = new Float64Array(size);
  for (let i = 0; i < size; i++) {
    s = (Math.imul(s, 1664525) + 1013904223) >>> 0;
    w[i] = Math.fround((s / 2 ** 32) * 2 - 1);
  }
  return w;
}

export function assertClose(label: string, got: ArrayLike<number>, want: ArrayLike<number>, tol: number): void {
  if (got.length !== want.length) throw new Error(`${label}: ${got.length} values, expected ${want.length}`);
  for (let i = 0; i < got.length; i++) {
    const ok = Math.abs(got[i] - want[i]) <= tol * (1 + Math.abs(want[i]));
    if (!ok || Number.isNaN(got[i]) !== Number.isNaN(want[i])) {
      const show = (a: ArrayLike<number>) =>
        Array.from(a)
          .slice(0, 12)
          .map((v) => v.toPrecision(5))
          .join(', ');
      throw new Error(
        `${label}: element ${i} is ${got[i]}, expected ${want[i]} (tolerance ${tol})\n  got: ${show(got)}\n want: ${show(want)}`,
      );
    }
  }
}

/** TensorFlow.js's gradient of sum(w * oracle(xs)) with respect to the `wrt` inputs, on tfjs's cpu backend. */
async function oracleGradients(
  c: GradientCase,
  values: number[][],
  wrt: readonly number[],
  weights: Float64Array,
  outShape: readonly number[],
): Promise<Float32Array[]> {
  const all = c.inputs.map((spec, i) => tfc.tensor(values[i], [...spec.shape], spec.dtype ?? 'float32'));
  const dy = tfc.tensor(Float32Array.from(weights), [...outShape]);
  try {
    const oracle = c.oracle!;
    const f = (...free: tfc.Tensor[]) =>
      oracle(tfc, ...all.map((x, i) => (wrt.includes(i) ? free[wrt.indexOf(i)] : x)));
    const grads = tfc.grads(f)(
      wrt.map((i) => all[i]),
      dy,
    );
    const out = await Promise.all(grads.map(async (g) => (await g.data()) as Float32Array));
    tfc.dispose(grads);
    return out;
  } finally {
    tfc.dispose([...all, dy]);
  }
}

/** Runs one gradient case on the active Strata backend; throws on a mismatch or a leak. */
export async function checkGradientCase(c: GradientCase): Promise<void> {
  if (!c.oracle && !c.oracleGap)
    throw new Error(`${c.name}: a gradient case needs a TensorFlow.js oracle, or an oracleGap saying why it has none`);
  const values = c.inputs.map((spec, i) => inputValues(spec, i + 1));
  const shapes = c.inputs.map((s) => s.shape);
  const dtypes = c.inputs.map((s) => s.dtype ?? 'float32');
  const wrt = c.wrt ?? dtypes.flatMap((d, i) => (d === 'float32' ? [i] : []));
  const before = memory().numTensors;
  const xs = values.map((v, i) => tensor(v, shapes[i], dtypes[i]));
  let outShape: readonly number[] = [];
  let analytic: Float32Array[];
  try {
    const tape = new GradientTape();
    tape.watch(wrt.map((i) => xs[i]));
    const y = tape.record(() => tidy(() => c.run(...xs)));
    outShape = y.shape;
    const w = tensor(Float32Array.from(outputWeights(y.size)), y.shape);
    const grads = tape.gradient(
      y,
      wrt.map((i) => xs[i]),
      { outputGradients: w },
    );
    analytic = await Promise.all(
      grads.map(async (g, k) => {
        if (g === null) throw new Error(`${c.name}: no gradient for input ${wrt[k]} (unconnected)`);
        if (g.shape.join() !== xs[wrt[k]].shape.join())
          throw new Error(
            `${c.name}: gradient of input ${wrt[k]} has shape [${g.shape}], the input [${xs[wrt[k]].shape}]`,
          );
        return (await g.data()) as Float32Array;
      }),
    );
    for (const t of [y, w, ...grads]) t?.dispose();
  } finally {
    for (const x of xs) x.dispose();
  }
  const leaked = memory().numTensors - before;
  if (leaked !== 0) throw new Error(`${c.name}: the gradient computation leaked ${leaked} tensor(s)`);
  const weights = outputWeights(outShape.reduce((a, b) => a * b, 1));
  const oracle = c.oracleGap ? null : await oracleGradients(c, values, wrt, weights, outShape);
  for (const [k, input] of wrt.entries()) {
    if (oracle)
      assertClose(`${c.name}: d/d(input ${input}) vs TensorFlow.js tf.grads`, analytic[k], oracle[k], c.tol ?? 1e-4);
    const fd = await finiteDifferences(c.run, values, shapes, dtypes, weights, input, c.fdStep ?? 1e-2);
    assertClose(`${c.name}: d/d(input ${input}) vs central finite differences`, analytic[k], fd, c.fdTol ?? 1e-2);
  }
}
