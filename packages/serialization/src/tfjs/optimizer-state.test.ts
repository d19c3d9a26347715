// The training configuration and Adam's state in the TF.js format, both ways, against tfjs-layers:
// after loading, one more training step gives the same weights in both.
import * as tfc from '@tensorflow/tfjs-core';
import * as tfl from '@tensorflow/tfjs-layers';
import { setBackend, dispose, tensor, memory } from '@strata/tensor';
import { cpu } from '@strata/backend-cpu';
import { Dense } from '@strata/layers';
import { input } from '@strata/graph';
import { Sequential, type Model } from '@strata/models';
import { Adam, RMSprop } from '@strata/training';
import { loadTfjs, saveTfjs } from './io';
import type { TfjsModelArtifacts } from './artifacts';
import { tfjsLoad, tfjsSave, useTfjsCpu } from '../testing/tfjs-oracle';

beforeAll(async () => {
  await useTfjsCpu();
  await setBackend(cpu());
});

const xs = [
  [1, 2, 3],
  [0, -1, 2],
  [3, 1, -2],
  [-1, 0, 1],
];
const ys = [
  [1, 0],
  [0, 1],
  [0.5, 0.5],
  [1, 1],
];

async function expectClose(got: ArrayLike<number>, want: ArrayLike<number>, tol: number, what: string): Promise<void> {
  expect(got.length).toBe(want.length);
  for (let i = 0; i < want.length; i++)
    if (Math.abs(got[i] - want[i]) > tol)
      throw new Error(`${what}, element ${i}: Strata ${got[i]}, tfjs-layers ${want[i]}`);
}

async function sameWeights(strata: Model, tf: tfl.LayersModel, tol: number): Promise<void> {
  const [a, b] = [strata.getWeights(), tf.getWeights()];
  for (let i = 0; i < b.length; i++) await expectClose(await a[i].data(), await b[i].data(), tol, `weight ${i}`);
  dispose(a);
}

describe('optimizer state in the TF.js layers format', () => {
  it('tfjs-layers saves a trained Adam model with includeOptimizer; Strata compiles it and continues where tfjs would', async () => {
    const tfModel = tfl.sequential({
      layers: [tfl.layers.dense({ units: 4, activation: 'tanh', inputShape: [3] }), tfl.layers.dense({ units: 2 })],
    });
    tfModel.compile({ optimizer: tfc.train.adam(0.05), loss: 'meanSquaredError' });
    const [tx, ty] = [tfc.tensor(xs), tfc.tensor(ys)];
    await tfModel.fit(tx, ty, { epochs: 3, batchSize: 4, verbose: 0, shuffle: false });
    let artifacts: TfjsModelArtifacts | null = null;
    await tfModel.save(
      tfc.io.withSaveHandler(
        async (a) => (
          (artifacts = a as unknown as TfjsModelArtifacts),
          { modelArtifactsInfo: { dateSaved: new Date(), modelTopologyType: 'JSON' as const } }
        ),
      ),
      { includeOptimizer: true },
    );
    expect(artifacts!.weightSpecs!.filter((s) => s.group === 'optimizer').map((s) => s.name)[0]).toBe('iter');

    const model = (await loadTfjs(artifacts!)) as Model;
    expect(model.optimizer).toBeInstanceOf(Adam);
    expect(model.optimizer!.iterations).toBe(3);
    expect(model.optimizer!.learningRate).toBeCloseTo(0.05, 6);
    await sameWeights(model, tfModel, 1e-6);
    // One more step each: the same update from the same state.
    const [sx, sy] = [tensor(xs), tensor(ys)];
    await model.trainOnBatch(sx, sy);
    await tfModel.trainOnBatch(tx, ty);
    await sameWeights(model, tfModel, 1e-4);
    // Without the state (a fresh Adam), the step would differ.
    const cold = (await loadTfjs({
      ...artifacts!,
      weightSpecs: artifacts!.weightSpecs!.filter((s) => s.group !== 'optimizer'),
      weightData: (artifacts!.weightData as ArrayBuffer).slice(0, (4 * 3 + 4 + 4 * 2 + 2) * 4),
    })) as Model;
    await cold.trainOnBatch(sx, sy);
    await expect(sameWeights(cold, tfModel, 1e-4)).rejects.toThrow(/weight 0/);
    dispose([sx, sy]);
    cold.dispose();
    model.dispose();
    tfc.dispose([tx, ty]);
    tfModel.dispose();
  });

  it('Strata saves a trained Adam model with includeOptimizer; tfjs-layers restores the same state', async () => {
    const model = new Sequential([
      input({ shape: [3] }),
      new Dense({ units: 4, activation: 'tanh' }),
      new Dense({ units: 2 }),
    ]);
    model.compile({ optimizer: new Adam({ learningRate: 0.05 }), loss: 'mse' });
    const [sx, sy] = [tensor(xs), tensor(ys)];
    await model.fit(sx, sy, { epochs: 3, batchSize: 4, verbose: 0, shuffle: false });
    let artifacts: TfjsModelArtifacts | null = null;
    await saveTfjs(model, { save: async (a) => void (artifacts = a) }, { includeOptimizer: true });
    const tfModel = await tfjsLoad(artifacts!);
    const state = await tfModel.optimizer.getWeights();
    expect(state.map((w) => w.name)).toEqual([
      'iter',
      ...['m', 'v'].flatMap((s) => model.trainableWeights.map((w) => `${w.name}/${s}`)),
    ]);
    expect((await state[0].tensor.data())[0]).toBe(3);
    const slots = model.optimizer!.variables;
    await expectClose(await state[1].tensor.data(), await slots[0].data(), 1e-7, 'first moment of the first kernel');
    const [tx, ty] = [tfc.tensor(xs), tfc.tensor(ys)];
    await model.trainOnBatch(sx, sy);
    await tfModel.trainOnBatch(tx, ty);
    await sameWeights(model, tfModel, 1e-4);
    // And back in Strata, without leaking what was decoded.
    const before = memory().numTensors;
    const back = (await loadTfjs(artifacts!)) as Model;
    expect(back.optimizer!.iterations).toBe(3);
    back.dispose();
    expect(memory().numTensors).toBe(before);
    dispose([sx, sy]);
    model.dispose();
    tfc.dispose([tx, ty]);
    tfModel.dispose();
  });

  it('refuses to write an optimizer whose state TF.js does not share, saying what to do', async () => {
    const model = new Sequential([input({ shape: [3] }), new Dense({ units: 2 })]);
    model.compile({ optimizer: new RMSprop(), loss: 'mse' });
    await expect(saveTfjs(model, { save: async () => undefined }, { includeOptimizer: true })).rejects.toThrow(
      /only Adam \(without amsgrad\) and SGD \(without momentum\).*includeOptimizer: false/,
    );
    model.dispose();
  });

  it('compiles from the trainingConfig by default, and not when asked not to', async () => {
    const tfModel = tfl.sequential({ layers: [tfl.layers.dense({ units: 2, inputShape: [3] })] });
    tfModel.compile({ optimizer: 'adam', loss: 'meanSquaredError' });
    const artifacts = await tfjsSave(tfModel, true);
    expect(artifacts.trainingConfig).toBeDefined();
    const compiled = (await loadTfjs(artifacts)) as Model;
    expect(compiled.optimizer).toBeInstanceOf(Adam);
    const model = (await loadTfjs(artifacts, { compile: false })) as Model;
    expect(model.optimizer).toBeNull();
    compiled.dispose();
    model.dispose();
    tfModel.dispose();
  });
});
