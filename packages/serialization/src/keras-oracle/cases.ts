// The models the Keras-oracle tests send to Keras 3 and back: one per built-in layer (the catalog of
// layer-specs.ts) and seeded random architectures, each with random weights and inputs.
import { abs, add, cast, dispose, floor, randomUniform, tidy, type Tensor } from '@strata/tensor';
import type { Layer } from '@strata/layers';
import { input } from '@strata/graph';
import { Functional, type Model } from '@strata/models';
import { builtInClasses } from '../registry-builtins';
import { LAYER_SPECS } from '../testing/layer-specs';

export interface OracleCase {
  name: string;
  model: Model;
  inputs: Tensor[];
}

/** Layers Keras's safe_mode cannot load from a Strata file, with the reason (also in KERAS-GAPS.md). */
export const NOT_SENT_TO_KERAS: Record<string, string> = {
  Lambda:
    'Strata saves a Lambda by the name of a registered function; Keras saves Python bytecode (refused in safe_mode)',
};

/** Random values for every weight (variances and scales kept positive), so a misplaced weight shows. */
export function randomizeWeights(model: Model, seed: number): void {
  const values = model.weights.map((w, i) =>
    tidy(() => {
      const u = randomUniform(w.shape, { minval: -1, maxval: 1, seed: seed * 1000 + i });
      return /variance/.test(w.name) ? add(abs(u), 0.5) : u;
    }),
  );
  model.setWeights(values);
  dispose(values);
}

/** A batch of `batch` samples for each input of `shapes`; integers in [0, intMax) where given (int32 if asked). */
export function randomInputs(shapes: number[][], seed: number, intMax?: number, batch = 2, int32 = false): Tensor[] {
  return shapes.map((s, i) =>
    tidy(() => {
      const u = randomUniform([batch, ...s], { minval: intMax ? 0 : -1, maxval: intMax ?? 1, seed: seed * 100 + i });
      if (!intMax) return u;
      return int32 ? cast(floor(u), 'int32') : floor(u);
    }),
  );
}

/** One model per built-in layer Keras also has: the layer applied to inputs of its spec. */
export function catalogCases(): OracleCase[] {
  const cases: OracleCase[] = [];
  let seed = 1;
  for (const [name, spec] of Object.entries(LAYER_SPECS)) {
    if (name in NOT_SENT_TO_KERAS) continue;
    const Cls = builtInClasses('layer').get(name) as unknown as new (args: Record<string, unknown>) => Layer;
    const xs = spec.inputs.map((s) => input({ shape: s }));
    const layer = new Cls(spec.options());
    const model = new Functional({
      inputs: xs.length === 1 ? xs[0] : xs,
      outputs: layer.apply(xs.length === 1 ? xs[0] : xs),
    }) as Model;
    randomizeWeights(model, seed);
    cases.push({ name: `layer_${name}`, model, inputs: randomInputs(spec.inputs, seed, spec.intMax) });
    seed++;
  }
  return cases;
}
