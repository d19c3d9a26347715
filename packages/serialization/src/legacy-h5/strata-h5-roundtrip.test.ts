// saveModel(model, 'x.h5') writes Keras's legacy HDF5 model file; Strata reads it back with the same
// predictions, compile configuration and optimizer state (Keras 3 reads it: keras3-legacy-h5.test.ts).
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { dispose, memory, randomUniform, type Tensor } from '@strata/tensor';
import { BatchNormalization, Dense } from '@strata/layers';
import { input } from '@strata/graph';
import { Sequential, type Model } from '@strata/models';
import { Adam } from '@strata/training';
import { useCpu } from '../testing/keras-models';
import { loadModel, saveModel } from '../files';
import { kerasTrainableVariables } from '../keras/layout';
import { optimizerLayout } from '../keras/optimizer-layout';

beforeAll(useCpu);
const dir = mkdtempSync(join(tmpdir(), 'strata-h5-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

it('a compiled, trained model: same predictions, compile config and Adam state', async () => {
  const model = new Sequential([
    input({ shape: [3] }),
    new Dense({ units: 4, activation: 'relu', name: 'd1' }),
    new BatchNormalization({ name: 'bn' }),
    new Dense({ units: 2, name: 'd2' }),
  ]) as Model;
  model.compile({ optimizer: new Adam({ learningRate: 0.01, amsgrad: true }), loss: 'mse', metrics: ['mae'] });
  const x = randomUniform([6, 3], { seed: 1 });
  const y = randomUniform([6, 2], { seed: 2 });
  await model.fit(x, y, { epochs: 2, batchSize: 3, shuffle: false, verbose: 0 });
  await saveModel(model, join(dir, 'm.h5'));
  const before = memory().numTensors;
  const back = await loadModel(join(dir, 'm.h5'));
  const [a, b] = [model.predict(x) as Tensor, back.predict(x) as Tensor];
  expect(Array.from(await b.data())).toEqual(Array.from(await a.data()));
  dispose([a, b]);
  expect(back.optimizer?.getHostState().calls).toBe(4);
  expect(back.compiledMetrics?.metrics).toEqual(['mae']);
  const ours = optimizerLayout(model.optimizer!, kerasTrainableVariables(model)).variables;
  const theirs = optimizerLayout(back.optimizer!, kerasTrainableVariables(back)).variables;
  expect(theirs.length).toBe(ours.length);
  for (const [i, v] of ours.entries()) expect(Array.from(await theirs[i].data())).toEqual(Array.from(await v.data()));
  back.dispose();
  expect(memory().numTensors).toBe(before);
  dispose([x, y]);
  model.dispose();
});
