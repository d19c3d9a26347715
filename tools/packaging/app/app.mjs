// A first hour with the installed packages, in plain Node ESM (no TypeScript runner): the README's
// model, trained on wasm, saved and loaded as a .keras archive, as .weights.h5 and in TF.js's format.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { getBackend, loadModel, loadModelWeights, saveModel, saveModelWeights, setBackend } from 'strata';
import { makeData, makeModel, predictions } from './shared.mjs';

await setBackend(process.argv[2] ?? 'wasm');
const dir = mkdtempSync(join(tmpdir(), 'strata-app-'));
try {
  const { x, y } = makeData(64);
  const model = makeModel();
  model.summary();
  const history = await model.fit(x, y, { epochs: 15, batchSize: 16, verbose: 0, seed: 1 });
  const expected = await predictions(model, x);

  await saveModel(model, join(dir, 'digits.keras'));
  const fromKeras = await loadModel(join(dir, 'digits.keras'));
  await saveModel(model, join(dir, 'web_model/'));
  const fromTfjs = await loadModel(join(dir, 'web_model/'));
  await saveModelWeights(model, join(dir, 'ckpt.weights.h5'));
  const fresh = makeModel();
  await loadModelWeights(fresh, join(dir, 'ckpt.weights.h5'));

  const result = {
    backend: getBackend(),
    loss: history.history.loss,
    accuracy: (await model.evaluate(x, y)).accuracy,
    expected,
    keras: await predictions(fromKeras, x),
    tfjs: await predictions(fromTfjs, x),
    weights: await predictions(fresh, x),
    kerasCompiled: fromKeras.optimizer !== null && fromKeras.optimizer !== undefined,
  };
  console.log(`RESULT ${JSON.stringify(result)}`);
} finally {
  rmSync(dir, { recursive: true, force: true });
}
