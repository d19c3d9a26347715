// Test-only: runs a layer test on every Strata backend and checks a Strata layer against the same
// tfjs-layers layer, given the same weights, inputs and call arguments (training, mask).
import * as tfc from '@tensorflow/tfjs-core';
import '@tensorflow/tfjs-backend-cpu';
import { dispose, setBackend, type Tensor } from '@strata/tensor';
import { cpu } from '@strata/backend-cpu';
import { wasm } from '@strata/backend-wasm';
import type { Layer } from '../layer';

/**
 * Declares `body` once per Strata backend (cpu, wasm). TensorFlow.js stays on its own cpu backend:
 * it is the oracle and must not run on the kernels under test.
 */
export function describeEachBackend(title: string, body: (backend: string) => void): void {
  for (const factory of [cpu(), wasm()]) {
    describe(`${title} on ${factory.name}`, () => {
      beforeAll(async () => {
        await tfc.setBackend('cpu');
        (tfc.backend() as unknown as { firstUse: boolean }).firstUse = false;
        await setBackend(factory);
      });
      body(factory.name);
    });
  }
}

/** For tests outside describeEachBackend: runs them on Strata's cpu backend. */
export function useCpuBackend(): void {
  beforeAll(async () => {
    await tfc.setBackend('cpu');
    await setBackend(cpu());
  });
}

/** What the comparison needs of a tfjs-layers layer (tfl.layers.x(...)). */
export interface TfjsLayerLike {
  apply(inputs: tfc.Tensor | tfc.Tensor[], kwargs?: Record<string, unknown>): unknown;
  setWeights(weights: tfc.Tensor[]): void;
}

/** A TensorFlow.js copy of a Strata tensor (read back, so it works from any Strata backend). */
export async function toTfjs(t: Tensor): Promise<tfc.Tensor> {
  return tfc.tensor(await t.data(), [...(t.shape as number[])], t.dtype);
}

/** Throws unless `got` and `want` have the same shape and values within `tol` (absolute and relative). */
export async function expectAllClose(
  got: Tensor,
  want: tfc.Tensor | { shape: readonly number[]; values: ArrayLike<number> },
  tol = 1e-5,
  label = 'output',
): Promise<void> {
  const wantShape = [...want.shape];
  const wantValues = want instanceof tfc.Tensor ? await want.data() : want.values;
  if (JSON.stringify([...got.shape]) !== JSON.stringify(wantShape))
    throw new Error(`${label}: shape [${got.shape}], expected [${wantShape}]`);
  const values = await got.data();
  for (let i = 0; i < values.length; i++) {
    const [g, w] = [Number(values[i]), Number(wantValues[i])];
    const ok = Number.isNaN(w) ? Number.isNaN(g) : Math.abs(g - w) <= tol + tol * Math.abs(w);
    if (!ok)
      throw new Error(
        `${label}: element ${i} is ${g}, expected ${w} (tolerance ${tol})\n got: ${Array.from(values.slice(0, 12))}\nwant: ${Array.from(wantValues).slice(0, 12)}`,
      );
  }
}

export interface OracleOptions {
  /** Keyword arguments for both calls (`training`, `mask`): the mask is converted for tfjs. */
  callOptions?: { training?: boolean; mask?: Tensor };
  tol?: number;
}

/**
 * Calls a Strata layer and a tfjs-layers layer on the same inputs, gives the tfjs layer the Strata
 * layer's weights (same order: Keras's), and checks the outputs agree. The tfjs side runs on tfjs's
 * own cpu backend whatever Strata's backend is. Frees everything it made; the caller owns `inputs`.
 */
export async function compareWithTfjsLayer(
  layer: Layer,
  reference: TfjsLayerLike,
  inputs: Tensor | Tensor[],
  options: OracleOptions = {},
): Promise<void> {
  const { callOptions = {}, tol = 1e-5 } = options;
  const list = Array.isArray(inputs) ? inputs : [inputs];
  const out = layer.apply(inputs as never, callOptions) as Tensor | Tensor[];
  const tfInputs = await Promise.all(list.map(toTfjs));
  const tfMask = callOptions.mask ? await toTfjs(callOptions.mask) : undefined;
  const kwargs = { ...callOptions, ...(tfMask ? { mask: tfMask } : {}) };
  const tfArg = Array.isArray(inputs) ? tfInputs : tfInputs[0];
  const made: tfc.Tensor[] = [...tfInputs, ...(tfMask ? [tfMask] : [])];
  try {
    made.push(...[reference.apply(tfArg, kwargs) as tfc.Tensor | tfc.Tensor[]].flat()); // builds the tfjs layer
    const weights = layer.getWeights();
    const tfWeights = await Promise.all(weights.map(toTfjs));
    dispose(weights);
    made.push(...tfWeights);
    if (tfWeights.length > 0) reference.setWeights(tfWeights);
    const want = [reference.apply(tfArg, kwargs) as tfc.Tensor | tfc.Tensor[]].flat();
    made.push(...want);
    const got = [out].flat();
    if (got.length !== want.length) throw new Error(`${got.length} outputs, tfjs-layers gives ${want.length}`);
    for (let i = 0; i < got.length; i++)
      await expectAllClose(got[i], want[i], tol, `${layer.name} output ${i} vs tfjs-layers`);
  } finally {
    dispose([out].flat());
    tfc.dispose(made);
  }
}
