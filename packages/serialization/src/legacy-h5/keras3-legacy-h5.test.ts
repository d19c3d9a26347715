// Keras 3.15.1 as the oracle for legacy .h5 files: it builds keras.applications' MobileNetV2 (alpha
// 0.35, with a 10-class top) and ResNet50 (no top, average pooling) with random weights on 32x32
// images, a model with a Bidirectional LSTM, a GRU and a nested Sequential, and a small compiled,
// trained model; saves each with model.save('x.h5') and its weights
// alone in the legacy layout (keras3_legacy_h5.py). Strata loads the whole files, and the weights into
// the same architectures built in Strata (mobileNetV2, resNet50), with Keras's predictions.
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { dispose, memory, setBackend, tensor, type Tensor } from '@strata/tensor';
import { cpu } from '@strata/backend-cpu';
import { type Model, mobileNetV2, resNet50 } from '@strata/models';
import { describeWithPython, runPython } from '../../../../tools/python/oracle';
import { cloneModel } from '../clone';
import { loadModel, loadModelWeights } from '../files';
import { kerasTrainableVariables } from '../keras/layout';
import { optimizerLayout } from '../keras/optimizer-layout';

const TOL = 1e-4;

interface Listed {
  shape: number[];
  data: number[];
}
interface Result {
  input: Listed;
  output: Listed;
  params: number;
  iterations?: number;
  optimizer_variables?: Listed[];
}

async function maxDiff(model: Model, r: Result): Promise<number> {
  const x = tensor(Float32Array.from(r.input.data), r.input.shape);
  const y = model.predict(x) as Tensor;
  expect([...y.shape]).toEqual(r.output.shape);
  const got = await y.data();
  dispose([x, y]);
  return r.output.data.reduce((m, v, i) => Math.max(m, Math.abs(v - got[i])), 0);
}

describeWithPython('Legacy .h5 files written by Keras 3', ['keras'], () => {
  const dir = mkdtempSync(join(tmpdir(), 'strata-keras3-h5-'));
  let results: Record<string, Result> = {};
  const worst = { value: 0 };

  beforeAll(async () => {
    await setBackend(cpu());
    runPython(join(__dirname, 'keras3_legacy_h5.py'), [dir], { timeoutMs: 600_000 });
    results = JSON.parse(readFileSync(join(dir, 'results.json'), 'utf8'));
  }, 600_000);
  afterAll(() => {
    rmSync(dir, { recursive: true, force: true });
    console.log(`max abs diff, Keras 3 .h5 -> Strata: ${worst.value.toExponential(2)}`);
  });

  const check = async (model: Model, name: string) => {
    expect(model.countParams()).toBe(results[name].params);
    const d = await maxDiff(model, results[name]);
    worst.value = Math.max(worst.value, d);
    expect(d).toBeLessThanOrEqual(TOL);
  };

  it.each([
    ['mobilenetv2', () => mobileNetV2({ alpha: 0.35, inputShape: [32, 32, 3], classes: 10 })],
    ['resnet50', () => resNet50({ includeTop: false, inputShape: [32, 32, 3], pooling: 'avg' })],
  ])(
    '%s: loadModel(x.h5), and its weights into the model built in Strata',
    async (name, build) => {
      const before = memory().numTensors;
      const loaded = await loadModel(join(dir, `${name}.h5`));
      await check(loaded, name);
      loaded.dispose();
      const built = build();
      await loadModelWeights(built, join(dir, `${name}_weights.h5`));
      await check(built, name);
      // A whole-model file holds the same weights under model_weights: Keras's load_weights reads it too.
      await loadModelWeights(built, join(dir, `${name}.h5`), { byName: true });
      await check(built, name);
      built.dispose();
      expect(memory().numTensors).toBe(before);
    },
    300_000,
  );

  it('nested models and RNNs: loadModel(x.h5), and the weights alone into a clone', async () => {
    const loaded = await loadModel(join(dir, 'nested.h5'));
    await check(loaded, 'nested');
    const twin = cloneModel(loaded) as Model;
    loaded.dispose();
    await loadModelWeights(twin, join(dir, 'nested_weights.h5'));
    await check(twin, 'nested');
    twin.dispose();
  });

  it("a compiled model: Keras 3's training_config and RMSprop state", async () => {
    const model = await loadModel(join(dir, 'small_compiled.h5'));
    await check(model, 'small_compiled');
    const optimizer = model.optimizer!;
    expect(optimizer.constructor.name).toBe('RMSprop');
    expect(optimizer.getHostState().calls).toBe(results.small_compiled.iterations);
    expect(model.compiledMetrics?.metrics).toEqual(['mae']);
    const layout = optimizerLayout(optimizer, kerasTrainableVariables(model));
    const theirs = results.small_compiled.optimizer_variables!;
    expect(layout.variables.length).toBe(theirs.length - 2); // iterations, learning rate, then the slots
    for (const [i, v] of layout.variables.entries()) {
      const got = await v.data();
      expect(theirs[i + 2].data.reduce((m, t, k) => Math.max(m, Math.abs(t - got[k])), 0)).toBe(0);
    }
    model.dispose();
  });
});
