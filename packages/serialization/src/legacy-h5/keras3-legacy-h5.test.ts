// Keras 3.15.1 as the oracle for legacy .h5 files: it builds keras.applications' MobileNetV2 (alpha
// 0.35, with a 10-class top) and ResNet50 (no top, average pooling) with random weights on 32x32
// images, a model with a Bidirectional LSTM, a GRU and a nested Sequential, and a small compiled,
// trained model; saves each with model.save('x.h5') and its weights
// alone in the legacy layout (keras3_legacy_h5.py). Strata loads the whole files, and the weights into
// the same architectures built in Strata (mobileNetV2, resNet50), with Keras's predictions. And the
// reverse: Keras loads .h5 files Strata wrote (saveModel(model, 'x.h5')), with Strata's predictions
// and optimizer state.
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { dispose, memory, randomUniform, setBackend, tensor, type Tensor } from '@strata/tensor';
import { BatchNormalization, Dense } from '@strata/layers';
import { input } from '@strata/graph';
import { Adam } from '@strata/training';
import { cpu } from '@strata/backend-cpu';
import { type Model, mobileNetV2, resNet50, Sequential } from '@strata/models';
import { describeWithPython, runPython } from '../../../../tools/python/oracle';
import { cloneModel } from '../clone';
import { loadModel, loadModelWeights, saveModel } from '../files';
import { kerasTrainableVariables } from '../keras/layout';
import { optimizerLayout } from '../keras/optimizer-layout';
import { randomizeWeights } from '../keras-oracle/cases';

const TOL = 1e-4;

interface Listed {
  shape: number[];
  data: number[];
}
interface Result {
  input: Listed;
  error?: string;
  metrics?: unknown;
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
  const worst = { value: 0, toKeras: 0 };

  const strata = new Map<string, { input: Listed; output: Listed; state: Listed[] }>();
  const listed = async (t: Tensor): Promise<Listed> => ({ shape: [...t.shape], data: Array.from(await t.data()) });

  /** Models Strata saves as .h5 for Keras to load: MobileNetV2, and a compiled model trained with Adam. */
  async function saveStrataFiles(): Promise<void> {
    mkdirSync(join(dir, 'strata'));
    const net = mobileNetV2({ alpha: 0.35, inputShape: [32, 32, 3], classes: 10 });
    randomizeWeights(net, 11);
    const small = new Sequential([
      input({ shape: [3] }),
      new Dense({ units: 4, activation: 'relu', name: 'd1' }),
      new BatchNormalization({ name: 'bn' }),
      new Dense({ units: 2, name: 'd2' }),
    ]) as Model;
    small.compile({ optimizer: new Adam({ learningRate: 0.01, amsgrad: true }), loss: 'mse', metrics: ['mae'] });
    const xs = randomUniform([6, 3], { seed: 1 });
    const ys = randomUniform([6, 2], { seed: 2 });
    await small.fit(xs, ys, { epochs: 2, batchSize: 3, shuffle: false, verbose: 0 });
    const image = randomUniform([1, 32, 32, 3], { minval: -1, maxval: 1, seed: 3 });
    for (const [name, model, x] of [
      ['mobilenet', net, image],
      ['compiled', small, xs],
    ] as const) {
      await saveModel(model, join(dir, 'strata', `${name}.h5`));
      const y = model.predict(x) as Tensor;
      const state: Listed[] = [];
      if (model.optimizer) {
        state.push({ shape: [], data: [model.optimizer.getHostState().calls ?? 0] });
        state.push({ shape: [], data: [Math.fround(model.optimizer.learningRate)] });
        const layout = optimizerLayout(model.optimizer, kerasTrainableVariables(model));
        for (const v of layout.variables) state.push(await listed(v));
      }
      strata.set(name, { input: await listed(x), output: await listed(y), state });
      y.dispose();
      model.dispose();
    }
    dispose([xs, ys, image]);
    const cases = [...strata].map(([name, c]) => ({ name, input: c.input }));
    writeFileSync(join(dir, 'strata', 'cases.json'), JSON.stringify({ cases }));
  }

  beforeAll(async () => {
    await setBackend(cpu());
    await saveStrataFiles();
    runPython(join(__dirname, 'keras3_legacy_h5.py'), [dir], { timeoutMs: 600_000 });
    results = JSON.parse(readFileSync(join(dir, 'results.json'), 'utf8'));
  }, 600_000);
  afterAll(() => {
    rmSync(dir, { recursive: true, force: true });
    console.log(
      `max abs diff, Keras 3 .h5 -> Strata: ${worst.value.toExponential(2)}, ` +
        `Strata .h5 -> Keras 3: ${worst.toKeras.toExponential(2)}`,
    );
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

  it.each(['mobilenet', 'compiled'])('Keras loads %s.h5 that Strata wrote, with its predictions and state', (name) => {
    const theirs = results[`strata_${name}`];
    if (theirs.error) throw new Error(`Keras could not load ${name}.h5:\n${theirs.error}`);
    const ours = strata.get(name)!;
    const d = ours.output.data.reduce((m, v, i) => Math.max(m, Math.abs(v - theirs.output.data[i])), 0);
    expect(theirs.output.shape).toEqual(ours.output.shape);
    worst.toKeras = Math.max(worst.toKeras, d);
    expect(d).toBeLessThanOrEqual(TOL);
    if (name !== 'compiled') return;
    expect(JSON.stringify(theirs.metrics)).toMatch(/"class_name":"MeanAbsoluteError"/);
    expect(theirs.iterations).toBe(4);
    // Keras 3.15's legacy loader builds no slots before setting them (its own files too: KERAS-GAPS.md),
    // so it keeps the iteration count and learning rate only; resuming training needs a .keras file.
    expect(theirs.optimizer_variables!.length).toBe(2);
    theirs.optimizer_variables!.forEach((t, i) => expect(t.data).toEqual(ours.state[i].data));
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
