// Random architectures (fast-check): a DAG of dense blocks with residual adds, concatenations,
// normalization and dropout, sometimes wrapped in a nested Sequential, saved as a Keras 3 archive
// and in the TF.js layers format; each loads back predicting exactly what the original predicts.
import fc from 'fast-check';
import { setBackend, dispose, memory, randomUniform, tidy, type Tensor } from '@strata/tensor';
import { cpu } from '@strata/backend-cpu';
import {
  Activation,
  Add,
  BatchNormalization,
  Concatenate,
  Dense,
  Dropout,
  LayerNormalization,
  clearSession,
} from '@strata/layers';
import { input, type SymbolicTensor } from '@strata/graph';
import { Functional, Sequential, type Model } from '@strata/models';
import { loadModel, saveModel } from './files';
import { modelFromTfjsArtifacts, tfjsArtifacts } from './tfjs/artifacts';
import { expectSamePredictions } from './testing';

beforeAll(async () => {
  await setBackend(cpu());
});

type Block =
  | { kind: 'dense'; units: number; activation: 'relu' | 'tanh' | 'linear' | 'sigmoid'; useBias: boolean }
  | { kind: 'residual'; activation: 'relu' | 'linear' } // dense to the same width, added to its input
  | { kind: 'branch'; units: [number, number] } // two dense branches, concatenated
  | { kind: 'norm'; which: 'batch' | 'layer' }
  | { kind: 'dropout'; rate: number }
  | { kind: 'nested'; units: number }; // a Sequential of two dense layers used as one layer

const block: fc.Arbitrary<Block> = fc.oneof(
  fc.record({
    kind: fc.constant('dense' as const),
    units: fc.integer({ min: 1, max: 6 }),
    activation: fc.constantFrom('relu' as const, 'tanh' as const, 'linear' as const, 'sigmoid' as const),
    useBias: fc.boolean(),
  }),
  fc.record({
    kind: fc.constant('residual' as const),
    activation: fc.constantFrom('relu' as const, 'linear' as const),
  }),
  fc.record({
    kind: fc.constant('branch' as const),
    units: fc.tuple(fc.integer({ min: 1, max: 4 }), fc.integer({ min: 1, max: 4 })),
  }),
  fc.record({ kind: fc.constant('norm' as const), which: fc.constantFrom('batch' as const, 'layer' as const) }),
  fc.record({ kind: fc.constant('dropout' as const), rate: fc.double({ min: 0.1, max: 0.5, noNaN: true }) }),
  fc.record({ kind: fc.constant('nested' as const), units: fc.integer({ min: 1, max: 5 }) }),
);

function build(inputWidth: number, blocks: Block[]): Model {
  const x = input({ shape: [inputWidth] });
  let h: SymbolicTensor = x;
  for (const b of blocks) {
    const width = h.shape[1] as number;
    if (b.kind === 'dense')
      h = new Dense({ units: b.units, activation: b.activation, useBias: b.useBias }).apply(h) as SymbolicTensor;
    else if (b.kind === 'residual')
      h = new Add().apply([
        h,
        new Dense({ units: width, activation: b.activation }).apply(h) as SymbolicTensor,
      ]) as SymbolicTensor;
    else if (b.kind === 'branch')
      h = new Concatenate().apply([
        new Dense({ units: b.units[0] }).apply(h),
        new Dense({ units: b.units[1], activation: 'relu' }).apply(h),
      ] as SymbolicTensor[]) as SymbolicTensor;
    else if (b.kind === 'norm')
      h = (b.which === 'batch' ? new BatchNormalization() : new LayerNormalization()).apply(h) as SymbolicTensor;
    else if (b.kind === 'dropout') h = new Dropout({ rate: b.rate }).apply(h) as SymbolicTensor;
    else
      h = new Sequential([
        new Dense({ units: b.units, activation: 'relu' }),
        new Activation({ activation: 'tanh' }),
      ]).apply(h) as SymbolicTensor;
  }
  return new Functional({ inputs: x, outputs: new Dense({ units: 2 }).apply(h) as SymbolicTensor });
}

/** Weights replaced by random values (variances positive), so a weight restored to the wrong place shows. */
function randomizeWeights(model: Model, seed: number): void {
  const values = model.weights.map((w, i) =>
    tidy(() => randomUniform(w.shape, { minval: /variance/.test(w.name) ? 0.5 : -1, maxval: 1.5, seed: seed + i })),
  );
  model.setWeights(values);
  dispose(values);
}

it('random architectures survive .keras and TF.js round trips with identical predictions and no leaks', async () => {
  await fc.assert(
    fc.asyncProperty(
      fc.integer({ min: 1, max: 5 }),
      fc.array(block, { minLength: 1, maxLength: 6 }),
      fc.integer({ min: 0, max: 1000 }),
      async (inputWidth, blocks, seed) => {
        clearSession();
        const before = memory().numTensors;
        const model = build(inputWidth, blocks);
        randomizeWeights(model, seed);
        const xs = randomUniform([3, inputWidth], { minval: -2, maxval: 2, seed }) as Tensor;
        const fromKeras = await loadModel(await saveModel(model));
        await expectSamePredictions(model, fromKeras, xs);
        const fromTfjs = (await modelFromTfjsArtifacts(await tfjsArtifacts(model))) as Model;
        await expectSamePredictions(model, fromTfjs, xs);
        dispose([xs]);
        for (const m of [model, fromKeras, fromTfjs]) m.dispose();
        expect(memory().numTensors).toBe(before);
      },
    ),
    { numRuns: 30, seed: 20261202 },
  );
});
