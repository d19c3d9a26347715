// The fixture written by tfjs-layers (an Embedding + GRU Sequential, in this package's fixtures/): Strata and tfjs-layers load the same files and must predict the same.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import * as tfc from '@tensorflow/tfjs-core';
import { setBackend, dispose, memory } from '@strata/tensor';
import { cpu } from '@strata/backend-cpu';
import type { Model } from '@strata/models';
import { loadTfjs } from './io';
import { concatBuffers } from './weights';
import { expectSameAsTfjs, sameInputs, tfjsLoad, useTfjsCpu } from '../testing/tfjs-oracle';

const dir = join(__dirname, '..', '..', 'fixtures', 'tfjs-layers', 'embedding-gru');

beforeAll(async () => {
  await useTfjsCpu();
  await setBackend(cpu());
});

it('loads the tfjs-layers embedding-gru fixture with the predictions tfjs-layers makes from it', async () => {
  const json = JSON.parse(readFileSync(join(dir, 'model.json'), 'utf8'));
  const weights = concatBuffers(readFileSync(join(dir, 'weights.bin')));
  const tfModel = await tfjsLoad({
    modelTopology: json.modelTopology,
    weightSpecs: json.weightsManifest[0].weights,
    weightData: weights,
  });
  const before = memory().numTensors;
  const model = (await loadTfjs(dir)) as Model;
  expect(model.layers.map((l) => l.name)).toEqual(['embedding_Embedding2', 'gru_GRU1']);
  // go_backwards and the reset_after=False GRU with Keras 2's hard sigmoid are all exercised here.
  const inputs = await sameInputs([[6, 10]], 3, 100);
  await expectSameAsTfjs(model, tfModel, inputs);
  dispose(inputs.strata);
  tfc.dispose(inputs.tf);
  model.dispose();
  expect(memory().numTensors).toBe(before);
  tfModel.dispose();
});
