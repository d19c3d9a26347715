import * as tfc from '@tensorflow/tfjs-core';
import '@tensorflow/tfjs-backend-cpu';
import { setBackend, type Tensor } from '@strata/tensor';
import { cpu } from '@strata/backend-cpu';
import { wasm } from '@strata/backend-wasm';
import type { Layer } from '../layer';

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
export async function expectClose(got: Tensor, want: tfc.Tensor | Tensor | ArrayLike<number>, tol = 1e-5): Promise<void> {
  const wantShape = 'shape' in want && !('length' in want) ? [...(want as { shape: number[] }).shape] : null;
  if (wantShape) expect([...got.shape]).toEqual(wantShape);
  const wantData = 'data' in want && typeof want.data === 'function' ? await want.data() : (want as ArrayLike<number>);
  const gotData = await got.data();
  expect(gotData.length).toBe(wantData.length);
  for (let i = 0; i < gotData.length; i++) {
    const [g, w] = [Number(gotData[i]), Number(wantData[i])];
    const close = Math.abs(g - w) <= tol * Math.max(1, Math.abs(w)) || (Number.isNaN(g) && Number.isNaN(w));
    if (!close) throw new Error(`element ${i} of shape [${got.shape}] differs: got ${g}, expected ${w} (tolerance ${tol})`);
  }
}
