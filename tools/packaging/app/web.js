// The same first hour in a web page, as a user's app bundled by esbuild, Vite or webpack with their
// default settings: train on cpu and on wasm, save to bytes as .keras and .weights.h5 and through a
// TF.js IOHandler, load each back. It leaves what it saw on window.__strata for packaging.test.ts.
import {
  getBackend,
  loadModel,
  loadModelWeights,
  loadTfjs,
  memory,
  saveModel,
  saveModelWeights,
  saveTfjs,
  setBackend,
  wasm,
} from 'strata';
import { makeData, makeModel, predictions } from './shared.mjs';

async function exercise(name) {
  const report = { backend: name };
  try {
    // The wasm binaries are served from /wasm/ (copied from @tensorflow/tfjs-backend-wasm/dist).
    await setBackend(name === 'wasm' ? wasm({ wasmPaths: '/wasm/' }) : name);
    report.backend = getBackend();
    const before = memory().numTensors;
    const { x, y } = makeData(64);
    const model = makeModel();
    const history = await model.fit(x, y, { epochs: 15, batchSize: 16, verbose: 0, seed: 1 });
    report.loss = history.history.loss;
    report.expected = await predictions(model, x);

    const keras = await saveModel(model);
    report.kerasBytes = keras.length;
    const fromKeras = await loadModel(new Blob([keras]));
    report.keras = await predictions(fromKeras, x);

    const weights = await saveModelWeights(model);
    const fresh = makeModel();
    await loadModelWeights(fresh, weights);
    report.weights = await predictions(fresh, x);

    // As an IndexedDB or HTTP handler would keep them: JSON text and the weight bytes.
    let stored = null;
    const keep = (a) => ({ json: JSON.stringify({ ...a, weightData: undefined }), data: a.weightData.slice(0) });
    await saveTfjs(model, { save: async (a) => void (stored = keep(a)) });
    const fromTfjs = await loadTfjs({ load: async () => ({ ...JSON.parse(stored.json), weightData: stored.data }) });
    report.tfjs = await predictions(fromTfjs, x);

    for (const t of [x, y]) t.dispose();
    for (const m of [model, fromKeras, fresh, fromTfjs]) m.dispose();
    report.leaked = memory().numTensors - before;
  } catch (e) {
    report.error = e instanceof Error ? `${e.message}\n${e.stack ?? ''}` : String(e);
  }
  return report;
}

const backends = [];
for (const name of ['cpu', 'wasm']) backends.push(await exercise(name));
window.__strata = { backends };
