// Test helpers: tfjs-layers as the oracle (models saved and loaded through its own io).
import * as tfc from '@tensorflow/tfjs-core';
import * as tfl from '@tensorflow/tfjs-layers';
import '@tensorflow/tfjs-backend-cpu';
import { dispose, tensor, type Tensor } from '@strata/tensor';
import type { Model } from '@strata/models';
import type { TfjsModelArtifacts } from '../tfjs/artifacts';

export async function useTfjsCpu(): Promise<void> {
  await tfc.setBackend('cpu');
  (tfc.backend() as unknown as { firstUse: boolean }).firstUse = false;
}

/** What tfjs-layers' `model.save` writes, captured in memory. */
export async function tfjsSave(model: tfl.LayersModel, includeOptimizer = false): Promise<TfjsModelArtifacts> {
  let captured: TfjsModelArtifacts | null = null;
  await model.save(
    tfc.io.withSaveHandler(async (artifacts) => {
      captured = artifacts as unknown as TfjsModelArtifacts;
      return { modelArtifactsInfo: { dateSaved: new Date(), modelTopologyType: 'JSON' } };
    }),
    { includeOptimizer },
  );
  return captured!;
}

/** tfjs-layers loading artifacts (as `tf.loadLayersModel(tf.io.fromMemory(...))`). */
export function tfjsLoad(artifacts: TfjsModelArtifacts): Promise<tfl.LayersModel> {
  return tfl.loadLayersModel(tfc.io.fromMemory(artifacts as unknown as tfc.io.ModelArtifacts));
}

/** Gives every weight of a tfjs model random values (variances positive), so a comparison means something. */
export function randomizeTfjs(model: tfl.LayersModel, seed = 1): void {
  const values = model.weights.map((w, i) => {
    const v = tfc.randomUniform(w.shape as number[], -1, 1, 'float32', seed + i);
    if (/variance/.test(w.name)) return tfc.tidy(() => tfc.add(tfc.abs(v), 0.5));
    return v;
  });
  model.setWeights(values);
  tfc.dispose(values);
}

/** Random inputs as [tfjs, Strata] pairs; `intMax` makes integer-valued ids in [0, intMax). */
export async function sameInputs(
  shapes: number[][],
  seed = 7,
  intMax?: number,
): Promise<{ tf: tfc.Tensor[]; strata: Tensor[] }> {
  const tf = shapes.map((s, i) =>
    intMax
      ? tfc.floor(tfc.randomUniform(s, 0, intMax, 'float32', seed + i))
      : tfc.randomNormal(s, 0, 1, 'float32', seed + i),
  );
  const strata = await Promise.all(tf.map(async (t) => tensor(await t.data(), t.shape)));
  return { tf, strata };
}

/** Expects a Strata model and a tfjs model to predict the same, within `tol` (relative above 1). */
export async function expectSameAsTfjs(
  strata: Model,
  tfModel: tfl.LayersModel,
  inputs: { tf: tfc.Tensor[]; strata: Tensor[] },
  tol = 1e-5,
): Promise<void> {
  const want = tfModel.predict(inputs.tf.length === 1 ? inputs.tf[0] : inputs.tf) as tfc.Tensor | tfc.Tensor[];
  const got = strata.predict(inputs.strata.length === 1 ? inputs.strata[0] : inputs.strata);
  const ws = Array.isArray(want) ? want : [want];
  const gs = (Array.isArray(got) ? got : [got]) as Tensor[];
  try {
    expect(gs.length).toBe(ws.length);
    for (let o = 0; o < ws.length; o++) {
      expect([...gs[o].shape]).toEqual(ws[o].shape);
      const [g, w] = [await gs[o].data(), await ws[o].data()];
      for (let i = 0; i < w.length; i++) {
        if (!(Math.abs(Number(g[i]) - w[i]) <= tol * Math.max(1, Math.abs(w[i]))))
          throw new Error(`output ${o}, element ${i}: Strata ${g[i]}, tfjs-layers ${w[i]}`);
      }
    }
  } finally {
    tfc.dispose(ws);
    dispose(gs);
  }
}
