// tfjs-layers is the oracle: models it saves (model.save through an in-memory handler) load in Strata
// with the same predictions, and models Strata saves load in tfjs-layers (tf.loadLayersModel(tf.io.fromMemory)).
import * as tfc from '@tensorflow/tfjs-core';
import * as tfl from '@tensorflow/tfjs-layers';
import { setBackend, dispose, memory, randomUniform, abs, add, tidy, type Tensor } from '@strata/tensor';
import { cpu } from '@strata/backend-cpu';
import {
  Add,
  BatchNormalization,
  Bidirectional,
  Conv1D,
  GlobalAveragePooling1D,
  TimeDistributed,
  Concatenate,
  Conv2D,
  Dense,
  Dropout,
  Embedding,
  Flatten,
  GRU,
  LSTM,
  MaxPooling2D,
  Activation,
} from '@strata/layers';
import { input } from '@strata/graph';
import { Functional, Sequential, type Model } from '@strata/models';
import { loadTfjs, saveTfjs } from './io';
import type { TfjsModelArtifacts } from './artifacts';
import { expectSameAsTfjs, randomizeTfjs, sameInputs, tfjsLoad, tfjsSave, useTfjsCpu } from '../testing/tfjs-oracle';

beforeAll(async () => {
  await useTfjsCpu();
  await setBackend(cpu());
});

interface Case {
  name: string;
  shapes: number[][];
  intMax?: number;
  tfjs: () => tfl.LayersModel;
  strata: () => Model;
}

const cases: Case[] = [
  {
    name: 'dense MLP',
    shapes: [[5, 4]],
    tfjs: () =>
      tfl.sequential({
        layers: [
          tfl.layers.dense({ units: 8, activation: 'relu', inputShape: [4] }),
          tfl.layers.dense({ units: 3, activation: 'softmax' }),
        ],
      }),
    strata: () =>
      new Sequential([
        input({ shape: [4] }),
        new Dense({ units: 8, activation: 'relu' }),
        new Dense({ units: 3, activation: 'softmax' }),
      ]),
  },
  {
    name: 'conv2d + pooling + flatten',
    shapes: [[2, 8, 8, 2]],
    tfjs: () =>
      tfl.sequential({
        layers: [
          tfl.layers.conv2d({ filters: 4, kernelSize: 3, padding: 'same', activation: 'relu', inputShape: [8, 8, 2] }),
          tfl.layers.maxPooling2d({ poolSize: 2 }),
          tfl.layers.conv2d({ filters: 3, kernelSize: 2, strides: 2 }),
          tfl.layers.flatten(),
          tfl.layers.dense({ units: 2 }),
        ],
      }),
    strata: () =>
      new Sequential([
        input({ shape: [8, 8, 2] }),
        new Conv2D({ filters: 4, kernelSize: 3, padding: 'same', activation: 'relu' }),
        new MaxPooling2D({ poolSize: 2 }),
        new Conv2D({ filters: 3, kernelSize: 2, strides: 2 }),
        new Flatten(),
        new Dense({ units: 2 }),
      ]),
  },
  {
    name: 'embedding + LSTM + GRU',
    shapes: [[3, 6]],
    intMax: 20,
    tfjs: () =>
      tfl.sequential({
        layers: [
          tfl.layers.embedding({ inputDim: 20, outputDim: 5, inputLength: 6 }),
          // tfjs's Orthogonal initializer fails under Jest's module copies; the weights are replaced anyway.
          tfl.layers.lstm({ units: 4, returnSequences: true, recurrentInitializer: 'glorotUniform' }),
          tfl.layers.gru({ units: 3, recurrentInitializer: 'glorotUniform' }),
        ],
      }),
    strata: () =>
      new Sequential([
        input({ shape: [6] }),
        new Embedding({ inputDim: 20, outputDim: 5 }),
        new LSTM({ units: 4, returnSequences: true }),
        new GRU({ units: 3, resetAfter: false }),
      ]),
  },
  {
    name: 'functional: two inputs, two outputs, a shared layer, concatenate',
    shapes: [
      [4, 5],
      [4, 5],
    ],
    tfjs: () => {
      const a = tfl.input({ shape: [5], name: 'a' });
      const b = tfl.input({ shape: [5], name: 'b' });
      const shared = tfl.layers.dense({ units: 4, activation: 'tanh', name: 'shared' });
      const [ha, hb] = [shared.apply(a), shared.apply(b)] as tfl.SymbolicTensor[];
      const joined = tfl.layers.concatenate({ name: 'join' }).apply([ha, hb]) as tfl.SymbolicTensor;
      const y1 = tfl.layers.dense({ units: 2, name: 'y1' }).apply(joined) as tfl.SymbolicTensor;
      const y2 = tfl.layers.dense({ units: 1, activation: 'sigmoid', name: 'y2' }).apply(hb) as tfl.SymbolicTensor;
      return tfl.model({ inputs: [a, b], outputs: [y1, y2] });
    },
    strata: () => {
      const a = input({ shape: [5], name: 'a' });
      const b = input({ shape: [5], name: 'b' });
      const shared = new Dense({ units: 4, activation: 'tanh', name: 'shared' });
      const [ha, hb] = [shared.apply(a), shared.apply(b)];
      const joined = new Concatenate({ name: 'join' }).apply([ha, hb]);
      const y1 = new Dense({ units: 2, name: 'y1' }).apply(joined);
      const y2 = new Dense({ units: 1, activation: 'sigmoid', name: 'y2' }).apply(hb);
      return new Functional({ inputs: [a, b], outputs: [y1, y2] });
    },
  },
  {
    name: 'masked embedding (maskZero) + LSTM',
    shapes: [[4, 7]],
    intMax: 4,
    tfjs: () =>
      tfl.sequential({
        layers: [
          tfl.layers.embedding({ inputDim: 4, outputDim: 3, maskZero: true, inputLength: 7 }),
          tfl.layers.lstm({ units: 3, recurrentInitializer: 'glorotUniform' }),
        ],
      }),
    strata: () =>
      new Sequential([
        input({ shape: [7] }),
        new Embedding({ inputDim: 4, outputDim: 3, maskZero: true }),
        new LSTM({ units: 3 }),
      ]),
  },
  {
    name: 'functional with a nested Sequential model',
    shapes: [[3, 4]],
    tfjs: () => {
      const inner = tfl.sequential({
        layers: [tfl.layers.dense({ units: 5, activation: 'relu', inputShape: [4] }), tfl.layers.dense({ units: 3 })],
        name: 'inner',
      });
      const x = tfl.input({ shape: [4] });
      const y = tfl.layers.dense({ units: 2, activation: 'tanh' }).apply(inner.apply(x)) as tfl.SymbolicTensor;
      return tfl.model({ inputs: x, outputs: y });
    },
    strata: () => {
      const inner = new Sequential(
        [input({ shape: [4] }), new Dense({ units: 5, activation: 'relu' }), new Dense({ units: 3 })],
        { name: 'inner' },
      );
      const x = input({ shape: [4] });
      return new Functional({ inputs: x, outputs: new Dense({ units: 2, activation: 'tanh' }).apply(inner.apply(x)) });
    },
  },
  {
    name: 'a nested Functional model called twice (shared), output straight from it',
    shapes: [
      [3, 4],
      [3, 4],
    ],
    tfjs: () => {
      const i = tfl.input({ shape: [4] });
      const inner = tfl.model({
        inputs: i,
        outputs: tfl.layers.dense({ units: 3, activation: 'relu' }).apply(i) as tfl.SymbolicTensor,
        name: 'inner_fn',
      });
      const [a, b] = [tfl.input({ shape: [4] }), tfl.input({ shape: [4] })];
      const [ha, hb] = [inner.apply(a), inner.apply(b)] as tfl.SymbolicTensor[];
      const y = tfl.layers.add().apply([ha, hb]) as tfl.SymbolicTensor;
      return tfl.model({ inputs: [a, b], outputs: [y, hb] });
    },
    strata: () => {
      const i = input({ shape: [4] });
      const inner = new Functional({
        inputs: i,
        outputs: new Dense({ units: 3, activation: 'relu' }).apply(i),
        name: 'inner_fn',
      });
      const [a, b] = [input({ shape: [4] }), input({ shape: [4] })];
      const [ha, hb] = [inner.apply(a), inner.apply(b)];
      return new Functional({ inputs: [a, b], outputs: [new Add().apply([ha, hb]), hb] });
    },
  },
  {
    name: 'conv1d + bidirectional LSTM + time-distributed dense + global pooling',
    shapes: [[2, 6, 3]],
    tfjs: () =>
      tfl.sequential({
        layers: [
          tfl.layers.conv1d({ filters: 4, kernelSize: 2, activation: 'relu', inputShape: [6, 3] }),
          tfl.layers.bidirectional({
            layer: tfl.layers.lstm({ units: 3, returnSequences: true, recurrentInitializer: 'glorotUniform' }) as never,
            mergeMode: 'concat',
          }),
          tfl.layers.timeDistributed({ layer: tfl.layers.dense({ units: 2 }) }),
          tfl.layers.globalAveragePooling1d(),
        ],
      }),
    strata: () =>
      new Sequential([
        input({ shape: [6, 3] }),
        new Conv1D({ filters: 4, kernelSize: 2, activation: 'relu' }),
        new Bidirectional({ layer: new LSTM({ units: 3, returnSequences: true }), mergeMode: 'concat' }),
        new TimeDistributed({ layer: new Dense({ units: 2 }) }),
        new GlobalAveragePooling1D(),
      ]),
  },
  {
    name: 'batch normalization + dropout',
    shapes: [[6, 3]],
    tfjs: () =>
      tfl.sequential({
        layers: [
          tfl.layers.dense({ units: 6, inputShape: [3] }),
          tfl.layers.batchNormalization(),
          tfl.layers.activation({ activation: 'relu' }),
          tfl.layers.dropout({ rate: 0.3 }),
          tfl.layers.dense({ units: 2 }),
        ],
      }),
    strata: () =>
      new Sequential([
        input({ shape: [3] }),
        new Dense({ units: 6 }),
        new BatchNormalization(),
        new Activation({ activation: 'relu' }),
        new Dropout({ rate: 0.3 }),
        new Dense({ units: 2 }),
      ]),
  },
];

/** Random values for every Strata weight (variances positive). */
function randomizeStrata(model: Model, seed = 11): void {
  const values = model.weights.map((w, i) =>
    tidy(() =>
      /variance/.test(w.name)
        ? add(abs(randomUniform(w.shape, { minval: -1, maxval: 1, seed: seed + i })), 0.5)
        : randomUniform(w.shape, { minval: -1, maxval: 1, seed: seed + i }),
    ),
  );
  model.setWeights(values);
  dispose(values);
}

async function capture(model: Model): Promise<TfjsModelArtifacts> {
  let captured: TfjsModelArtifacts | null = null;
  await saveTfjs(model, { save: async (a) => void (captured = a) });
  return captured!;
}

describe.each(cases)('TF.js layers format: $name', (c) => {
  it('tfjs-layers saves, Strata loads: same predictions', async () => {
    const tfModel = c.tfjs();
    randomizeTfjs(tfModel);
    const artifacts = await tfjsSave(tfModel);
    const before = memory().numTensors;
    const model = (await loadTfjs(artifacts)) as Model;
    const inputs = await sameInputs(c.shapes, 5, c.intMax);
    await expectSameAsTfjs(model, tfModel, inputs);
    dispose(inputs.strata);
    tfc.dispose(inputs.tf);
    model.dispose();
    expect(memory().numTensors).toBe(before);
    tfModel.dispose();
  });

  it('Strata saves, tfjs-layers loads: same predictions; and Strata reads its own file back', async () => {
    const model = c.strata();
    randomizeStrata(model);
    const artifacts = await capture(model);
    const tfModel = await tfjsLoad(artifacts);
    const inputs = await sameInputs(c.shapes, 9, c.intMax);
    await expectSameAsTfjs(model, tfModel, inputs);
    const back = (await loadTfjs(artifacts)) as Model;
    await expectSameAsTfjs(back, tfModel, inputs);
    dispose(inputs.strata as Tensor[]);
    tfc.dispose(inputs.tf);
    back.dispose();
    model.dispose();
    tfModel.dispose();
  });
});
