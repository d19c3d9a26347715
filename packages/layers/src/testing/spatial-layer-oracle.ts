// Test-only: checks a convolution, pooling or reshaping layer against the same layer of
// TensorFlow.js (tfjs-layers) given the same weights, on every Strata backend.
import * as tfc from '@tensorflow/tfjs-core';
import '@tensorflow/tfjs-backend-cpu';
// The input-gradient oracle takes tf.grad: tfjs-core's node bundle registers no gradient functions,
// and some of them call chained tensor methods (x.reshape()) that it does not add either.
import '@tensorflow/tfjs-core/dist/register_all_gradients';
import '@tensorflow/tfjs-core/dist/public/chained_ops/register_all_chained_ops';
import { GradientTape } from '@strata/autodiff';
import type * as tfl from '@tensorflow/tfjs-layers';
import { memory, mul, setBackend, sum, tensor, tidy, type BackendFactory, type Tensor } from '@strata/tensor';
import { fmtShape } from '@strata/tensor/internal';
import { inputValues, type Fill } from '@strata/tensor/testing';
import { cpu } from '@strata/backend-cpu';
import { wasm } from '@strata/backend-wasm';
import type { Layer } from '../layer';
import { classNameOf } from '../serializable';

/** The backends every layer is checked on. */
export function strataBackends(): BackendFactory[] {
  return [cpu(), wasm()];
}

/** What the comparison needs of a tfjs-layers layer. */
export interface TfjsReference {
  apply(x: tfc.Tensor): tfc.Tensor | tfc.Tensor[] | tfl.SymbolicTensor | tfl.SymbolicTensor[];
  setWeights(weights: tfc.Tensor[]): void;
}

export interface OracleSpec {
  /** A fresh Strata layer (one per backend, so its weights live there). */
  make: () => Layer;
  /**
   * A fresh tfjs-layers layer with the same options; it receives the Strata layer's weights. (Any
   * object with `apply` and `setWeights` will do, for references written with tfjs ops.)
   */
  reference: () => TfjsReference;
  inputShape: readonly number[];
  fill?: Fill;
  /** Where tfjs-layers lacks an option, what its layer is fed instead (e.g. the input padded for 'causal'). */
  referenceInput?: (x: tfc.Tensor) => tfc.Tensor;
  /** And what is done to its output (e.g. a transpose back to channels_first). */
  referenceOutput?: (y: tfc.Tensor) => tfc.Tensor;
  /** Absolute + relative tolerance (default 1e-5). */
  tol?: number;
  /**
   * Also compare the gradient with respect to the input (Strata's GradientTape against tf.grad of
   * the reference), default true; off only where tfjs cannot differentiate its own layer.
   */
  inputGradient?: boolean;
}

/** Asserts `got` equals `want` within `tol` (absolute + relative), naming the first element that differs. */
export function expectClose(label: string, got: ArrayLike<number>, want: ArrayLike<number>, tol = 1e-5): void {
  if (got.length !== want.length) throw new Error(`${label}: ${got.length} values, expected ${want.length}`);
  for (let i = 0; i < want.length; i++) {
    if (!(Math.abs(got[i] - want[i]) <= tol * (1 + Math.abs(want[i])))) {
      throw new Error(
        `${label}: element ${i} is ${got[i]}, expected ${want[i]} (tolerance ${tol})\n got: ${Array.from(got).slice(0, 12)}\nwant: ${Array.from(want).slice(0, 12)}`,
      );
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
      if (fmtShape(y.shape) !== fmtShape(ty.shape))
        throw new Error(`${label}: output shape ${fmtShape(y.shape)}, tfjs-layers gives ${fmtShape(ty.shape)}`);
      expectClose(label, got as Float32Array, await ty.data(), spec.tol);
      if (spec.inputGradient ?? true)
        await compareInputGradients(label, spec, layer, x, raw, reference, y.shape as number[]);
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

/** d<layer(x), cotangent>/dx from Strata's tape and from tf.grad of the reference, compared. */
async function compareInputGradients(
  label: string,
  spec: OracleSpec,
  layer: Layer,
  x: Tensor,
  tx: tfc.Tensor,
  reference: TfjsReference,
  outShape: number[],
): Promise<void> {
  const cotangentValues = inputValues({ shape: outShape }, 2);
  const cotangent = tensor(cotangentValues, outShape);
  const tape = new GradientTape();
  tape.watch(x);
  const loss = tape.record(() => tidy(() => sum(mul(layer.apply(x) as Tensor, cotangent))));
  const [dx] = tape.gradient(loss, [x]);
  const tfCotangent = tfc.tensor(cotangentValues, outShape);
  const forward = (t: tfc.Tensor) => {
    const applied = reference.apply(spec.referenceInput ? spec.referenceInput(t) : t) as tfc.Tensor;
    return spec.referenceOutput ? spec.referenceOutput(applied) : applied;
  };
  const want = tfc.grad(forward)(tx, tfCotangent);
  try {
    if (!dx) throw new Error(`${label}: no gradient reached the input`);
    expectClose(`${label} (gradient with respect to the input)`, await dx.data(), await want.data(), spec.tol ?? 1e-4);
  } finally {
    tfc.dispose([tfCotangent, want]);
    dx?.dispose();
    loss.dispose();
    cotangent.dispose();
  }
}
