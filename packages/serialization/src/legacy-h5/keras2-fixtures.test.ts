// Keras 2 (tf_keras 2.19) legacy .h5 files, checked in with the script that wrote them
// (fixtures/keras2/make_fixtures.py): whole models through loadModel, weights into models built in
// Strata through loadModelWeights, Keras 2's predictions and optimizer state as the oracle.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { dispose, memory, setBackend, tensor, type Tensor } from '@strata/tensor';
import { cpu } from '@strata/backend-cpu';
import { Add, BatchNormalization, Conv2D, Dense, Flatten } from '@strata/layers';
import { input, type SymbolicTensor } from '@strata/graph';
import { Functional, type Model, mobileNetV2 } from '@strata/models';
import { loadModel, loadModelWeights } from '../files';
import { kerasTrainableVariables } from '../keras/layout';
import { optimizerLayout } from '../keras/optimizer-layout';

const DIR = join(__dirname, '..', '..', 'fixtures', 'keras2');
const TOL = 1e-4;

interface Listed {
  shape: number[];
  data: number[];
}
const expected = JSON.parse(readFileSync(join(DIR, 'expected.json'), 'utf8')) as {
  mobilenetv2_035_notop: { input: Listed; output: Listed };
  small: { input: Listed; output: Listed; iterations: number; optimizer_variables: Listed[] };
};

const asTensor = (l: Listed): Tensor => tensor(Float32Array.from(l.data), l.shape);

async function maxDiff(model: Model, x: Listed, y: Listed): Promise<number> {
  const xt = asTensor(x);
  const out = model.predict(xt) as Tensor;
  expect([...out.shape]).toEqual(y.shape);
  const got = await out.data();
  dispose([xt, out]);
  return y.data.reduce((m, v, i) => Math.max(m, Math.abs(v - got[i])), 0);
}

/** The small model of make_fixtures.py, built in Strata (fresh weights); `units` widens both Dense layers. */
function smallModel(units = 4, extra = false): Model {
  const image = input({ shape: [6, 6, 2], name: 'image' });
  const on = (l: { apply(x: SymbolicTensor): unknown }, x: SymbolicTensor) => l.apply(x) as SymbolicTensor;
  let h = on(new Conv2D({ filters: 3, kernelSize: 3, padding: 'same', name: 'conv' }), image);
  h = on(new BatchNormalization({ name: 'bn' }), h);
  h = on(new Flatten({ name: 'flatten' }), h);
  const a = on(new Dense({ units, activation: 'relu', name: 'dense_a' }), h);
  let b = on(new Dense({ units, name: 'dense_b' }), h);
  if (extra) b = on(new Dense({ units, name: 'extra' }), b);
  const out = new Add({ name: 'add' }).apply([a, b]) as SymbolicTensor;
  return new Functional({ inputs: image, outputs: out, name: 'small' }) as Model;
}

beforeAll(async () => {
  await setBackend(cpu());
});

describe('Keras 2 MobileNetV2 (alpha 0.35, no top, random weights)', () => {
  const file = join(DIR, 'mobilenetv2_035_notop.h5');
  const { input: x, output: y } = expected.mobilenetv2_035_notop;

  it("loadModel reads the model (Keras 2's config and weights) with Keras 2's predictions", async () => {
    const before = memory().numTensors;
    const model = await loadModel(file);
    expect(model.countParams()).toBe(410_208);
    expect(await maxDiff(model, x, y)).toBeLessThanOrEqual(TOL);
    model.dispose();
    expect(memory().numTensors).toBe(before);
  });

  it('loadModelWeights loads its weights into the MobileNetV2 built in Strata, in order and by name', async () => {
    for (const byName of [false, true]) {
      const model = mobileNetV2({ alpha: 0.35, includeTop: false, inputShape: [32, 32, 3] });
      await loadModelWeights(model, file, { byName });
      expect(await maxDiff(model, x, y)).toBeLessThanOrEqual(TOL);
      model.dispose();
    }
  });
});

describe('Keras 2 small functional model, compiled with Adam and trained', () => {
  const { input: x, output: y } = expected.small;

  it('loadModel compiles it from training_config and restores Adam state', async () => {
    const model = await loadModel(join(DIR, 'small_compiled.h5'));
    expect(await maxDiff(model, x, y)).toBeLessThanOrEqual(TOL);
    const optimizer = model.optimizer!;
    expect(optimizer.constructor.name).toBe('Adam');
    expect(optimizer.learningRate).toBeCloseTo(0.01, 7);
    expect(model.compiledLoss?.config).toBe('mse');
    expect(optimizer.getHostState().calls).toBe(expected.small.iterations);
    const layout = optimizerLayout(optimizer, kerasTrainableVariables(model));
    const theirs = expected.small.optimizer_variables;
    expect(layout.variables.length).toBe(theirs.length - 1); // Keras 2: iterations, then the slots
    for (const [i, v] of layout.variables.entries()) {
      const got = await v.data();
      const worst = theirs[i + 1].data.reduce((m, t, k) => Math.max(m, Math.abs(t - got[k])), 0);
      expect(worst).toBe(0);
    }
    model.dispose();
  });

  it('loadModelWeights reads save_weights files (layer_names at the root) into a model built in Strata', async () => {
    const model = smallModel();
    await loadModelWeights(model, join(DIR, 'small_weights.h5'));
    expect(await maxDiff(model, x, y)).toBeLessThanOrEqual(TOL);
    model.dispose();
  });

  it('another architecture: refused in order, partly loaded by name, and skipMismatch skips what differs', async () => {
    const file = join(DIR, 'small_weights.h5');
    const extra = smallModel(4, true);
    await expect(loadModelWeights(extra, file)).rejects.toThrow(/4 layers, model "small" has 5 layers with weights/);
    await loadModelWeights(extra, file, { byName: true });
    extra.dispose();

    const wider = smallModel(5);
    const before = await wider.getLayer('dense_a').weights[0].data();
    await expect(loadModelWeights(wider, file)).rejects.toThrow(
      /"dense_a".*has shape \[108,5\], but the file holds shape \[108,4\]/,
    );
    const warn = jest.spyOn(console, 'warn').mockImplementation(() => undefined);
    await loadModelWeights(wider, file, { skipMismatch: true });
    expect(warn.mock.calls.map((c) => String(c[0])).join('\n')).toMatch(/skipping weight "kernel" of layer #2/);
    warn.mockRestore();
    expect(Array.from(await wider.getLayer('dense_a').weights[0].data())).toEqual(Array.from(before));
    wider.dispose();
  });
});
