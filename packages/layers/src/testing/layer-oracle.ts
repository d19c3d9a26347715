import * as tfc from '@tensorflow/tfjs-core';
import type * as tfl from '@tensorflow/tfjs-layers';
import '@tensorflow/tfjs-backend-cpu';
import { dispose, setBackend, tidy, type Shape, type Tensor } from '@strata/tensor';
import { ShapeOnlyTensor } from '@strata/tensor/testing';
import { cpu } from '@strata/backend-cpu';
import { wasm } from '@strata/backend-wasm';
import type { CallOptions, Layer } from '../layer';

/**
 * Declares `body` once per Strata backend (cpu, wasm). TensorFlow.js itself stays on its cpu
 * backend: it is the oracle, and must not run on the kernels under test.
 */
export function describeOnBackends(title: string, body: (backend: string) => void): void {
  for (const factory of [cpu(), wasm()]) {
    describe(`${title} on ${factory.name}`, () => {
      beforeAll(async () => {
        await tfc.setBackend('cpu');
        (tfc.backend() as unknown as { firstUse: boolean }).firstUse = false; // no "use tfjs-node" banner
        await setBackend(factory);
      });
      body(factory.name);
    });
  }
}

/** A TensorFlow.js copy of a Strata tensor (the caller disposes it). */
export async function toTf(t: Tensor): Promise<tfc.Tensor> {
  return tfc.tensor(await t.data(), [...t.shape], t.dtype);
}

/** A layer's current weights as TensorFlow.js tensors, in the layer's (Keras's) order. */
export async function weightsToTf(layer: Layer): Promise<tfc.Tensor[]> {
  return Promise.all(
    layer.getWeights().map(async (w) => {
      const t = await toTf(w);
      w.dispose();
      return t;
    }),
  );
}

/**
 * Expects `got` to have `want`'s shape (when it is a tensor) and values within `tol`, relative for
 * values above 1 in magnitude. The message names the first differing element.
 */
export async function expectClose(
  got: Tensor,
  want: tfc.Tensor | Tensor | ArrayLike<number>,
  tol = 1e-5,
): Promise<void> {
  const wantShape = 'shape' in want && !('length' in want) ? [...(want as { shape: number[] }).shape] : null;
  if (wantShape) expect([...got.shape]).toEqual(wantShape);
  const wantData = 'data' in want && typeof want.data === 'function' ? await want.data() : (want as ArrayLike<number>);
  const gotData = await got.data();
  expect(gotData.length).toBe(wantData.length);
  for (let i = 0; i < gotData.length; i++) {
    const [g, w] = [Number(gotData[i]), Number(wantData[i])];
    const close = Math.abs(g - w) <= tol * Math.max(1, Math.abs(w)) || (Number.isNaN(g) && Number.isNaN(w));
    if (!close)
      throw new Error(`element ${i} of shape [${got.shape}] differs: got ${g}, expected ${w} (tolerance ${tol})`);
  }
}

/**
 * Applies a Strata layer and its tfjs-layers twin to the same inputs and expects the same output.
 * The twin is built first, then given the Strata layer's weights (Keras's order on both sides).
 */
export async function expectSameAsTfjs(
  layer: Layer,
  twin: tfl.layers.Layer,
  inputs: Tensor | Tensor[],
  tol = 1e-5,
): Promise<void> {
  const list = Array.isArray(inputs) ? inputs : [inputs];
  const tfInputs = await Promise.all(list.map(toTf));
  const tfArg = Array.isArray(inputs) ? tfInputs : tfInputs[0];
  const got = layer.apply(inputs as never) as Tensor;
  if (layer.weights.length > 0) {
    tfc.dispose(twin.apply(tfArg) as tfc.Tensor);
    const weights = await weightsToTf(layer);
    twin.setWeights(weights);
    tfc.dispose(weights);
  }
  const want = twin.apply(tfArg) as tfc.Tensor;
  try {
    await expectClose(got, want, tol);
  } finally {
    dispose(got);
    tfc.dispose([want, ...tfInputs]);
  }
}

/**
 * Builds the layer for `inputShape` (null = unknown) and runs its call() on symbolic stand-ins, as
 * a graph trace does; returns the traced output shape(s). Checks call() uses only ops.
 */
export function traceShape(
  layer: Layer,
  inputShape: Shape | readonly Shape[],
  options: CallOptions = {},
): Shape | Shape[] {
  const multi = Array.isArray(inputShape[0]);
  const shapes = (multi ? inputShape : [inputShape]) as Shape[];
  const inputs = shapes.map((s) => new ShapeOnlyTensor([...s]));
  layer.ensureBuilt(multi ? shapes : shapes[0]);
  const out = tidy(
    () => layer.call((multi ? inputs : inputs[0]) as never, options) as unknown as ShapeOnlyTensor | ShapeOnlyTensor[],
  );
  return Array.isArray(out) ? out.map((o) => o.shape) : out.shape;
}
