// Keras 3 as the oracle for optimizer state and compile configs in .keras files, both ways. A model
// compiled with non-default hyperparameters is trained 3 epochs in Strata and saved; Keras loads it
// (compile=True), must see the same iterations, hyperparameters and moments, and its next epoch must
// give the weights Strata's next epoch gives. The reverse: Keras trains the same model (from
// Strata's untrained file) 3 epochs and saves; Strata loads it, sees Keras's state, and its next
// epoch matches Keras's. One Python process (optimizer_state.py) runs every case.
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { dispose, memory, setBackend, tensor, type Tensor } from '@strata/tensor';
import { cpu } from '@strata/backend-cpu';
import { Dense } from '@strata/layers';
import { input } from '@strata/graph';
import { Sequential, type Model } from '@strata/models';
import { Adam, AdamW, type Optimizer, RMSprop, SGD } from '@strata/training';
import { describeWithPython, runPython } from '../../../../tools/python/oracle';
import { loadModel, saveModel } from '../files';
import { serializeKerasObject } from '../config';
import { kerasTrainableVariables } from '../keras/layout';
import { optimizerLayout } from '../keras/optimizer-layout';
import { randomInputs, randomizeWeights } from './cases';

/** Largest |a - b| over the largest |b|, per array: the tolerance holds for tiny and large values alike. */
const REL_TOL = 1e-5;
const BATCH = 4;
const SAMPLES = 12; // 3 steps an epoch

interface Listed {
  shape: number[];
  data: number[];
}
interface KerasState {
  iterations: number;
  optimizer_class: string;
  optimizer_config: Record<string, unknown>;
  optimizer_variables: (Listed & { path: string })[];
  loss: unknown;
  compiled_metrics: unknown;
  metrics: string[];
}
type Weights = Record<string, Listed[]>;
type CaseResult =
  | {
      resumed: { loaded: KerasState; after: Weights; iterations_after: number };
      own: { trained: KerasState; trained_weights: Weights; after: Weights };
    }
  | { error: string };

interface OptimizerCase {
  name: string;
  make: () => Optimizer;
  /** The hyperparameters Keras must read back, in Keras's names. */
  expected: Record<string, unknown>;
}

const CASES: OptimizerCase[] = [
  {
    name: 'adam_amsgrad',
    make: () => new Adam({ learningRate: 0.01, beta1: 0.8, beta2: 0.95, epsilon: 1e-6, amsgrad: true }),
    expected: { learning_rate: 0.01, beta_1: 0.8, beta_2: 0.95, epsilon: 1e-6, amsgrad: true },
  },
  {
    name: 'adamw',
    make: () => new AdamW({ learningRate: 0.02, weightDecay: 0.05, beta1: 0.85 }),
    expected: { learning_rate: 0.02, weight_decay: 0.05, beta_1: 0.85, amsgrad: false },
  },
  {
    name: 'sgd_momentum',
    make: () => new SGD({ learningRate: 0.05, momentum: 0.9, nesterov: true }),
    expected: { learning_rate: 0.05, momentum: 0.9, nesterov: true },
  },
  {
    name: 'rmsprop_centered',
    make: () => new RMSprop({ learningRate: 0.005, rho: 0.8, momentum: 0.5, epsilon: 1e-5, centered: true }),
    expected: { learning_rate: 0.005, rho: 0.8, momentum: 0.5, epsilon: 1e-5, centered: true },
  },
];

function buildModel(optimizer: Optimizer): Model {
  const model = new Sequential([
    input({ shape: [4] }),
    new Dense({ units: 6, activation: 'tanh', name: 'hidden' }),
    new Dense({ units: 2, name: 'head' }),
  ]) as Model;
  randomizeWeights(model, 7);
  model.compile({ optimizer, loss: 'mse', metrics: ['mae'] });
  return model;
}

async function listed(t: Tensor): Promise<Listed> {
  return { shape: [...t.shape], data: Array.from(await t.data(), Number) };
}

async function weightsOf(model: Model): Promise<Weights> {
  const out: Weights = {};
  for (const layer of model.layers) out[layer.name] = await Promise.all(layer.weights.map(listed));
  return out;
}

/** max |a - b| / max |b| for one array, after checking shapes. */
function relDiff(a: Listed, b: Listed, what: string): number {
  if (JSON.stringify(a.shape) !== JSON.stringify(b.shape))
    throw new Error(`${what}: shape ${JSON.stringify(a.shape)} where ${JSON.stringify(b.shape)} was expected`);
  let num = 0;
  let den = 0;
  a.data.forEach((v, i) => {
    num = Math.max(num, Math.abs(v - b.data[i]));
    den = Math.max(den, Math.abs(b.data[i]));
  });
  return Number.isNaN(num) ? Infinity : num / Math.max(den, 1e-12);
}

function worstWeightDiff(ours: Weights, theirs: Weights, what: string): number {
  expect(Object.keys(ours).sort()).toEqual(Object.keys(theirs).sort());
  let worst = 0;
  for (const [layer, ws] of Object.entries(ours)) {
    expect(ws.length).toBe(theirs[layer].length);
    ws.forEach((w, i) => {
      worst = Math.max(worst, relDiff(w, theirs[layer][i], `${what}: ${layer} weight ${i}`));
    });
  }
  return worst;
}

/** Strata's optimizer state as Keras lists `optimizer.variables`: iterations, learning rate, slots. */
async function strataOptimizerState(model: Model): Promise<Listed[]> {
  const optimizer = model.optimizer!;
  const layout = optimizerLayout(optimizer, kerasTrainableVariables(model));
  const header: Listed[] = [{ shape: [], data: [optimizer.getHostState().calls ?? 0] }];
  if (layout.hasLearningRate) header.push({ shape: [], data: [Math.fround(optimizer.learningRate)] });
  return [...header, ...(await Promise.all(layout.variables.map(listed)))];
}

function worstStateDiff(ours: Listed[], theirs: KerasState, what: string): number {
  expect(theirs.optimizer_variables.length).toBe(ours.length);
  let worst = 0;
  ours.forEach((o, i) => {
    worst = Math.max(
      worst,
      relDiff(o, theirs.optimizer_variables[i], `${what}: ${theirs.optimizer_variables[i].path}`),
    );
  });
  return worst;
}

describeWithPython('Optimizer state and compile config through Keras 3, both ways', ['keras'], () => {
  const kept = process.env.STRATA_KERAS_ORACLE_DIR;
  const dir = kept ? join(kept, 'optimizer-state') : mkdtempSync(join(tmpdir(), 'strata-keras-optimizer-'));
  let x: Tensor;
  let y: Tensor;
  const strataAfter = new Map<string, Weights>();
  const strataTrainedState = new Map<string, Listed[]>();
  let keras: Record<string, CaseResult> = {};
  const worst = { toKeras: 0, fromKeras: 0, state: 0 };

  beforeAll(async () => {
    await setBackend(cpu());
    mkdirSync(join(dir, 'strata'), { recursive: true });
    [x] = randomInputs([[4]], 3, undefined, SAMPLES);
    y = tensor(
      Array.from({ length: SAMPLES * 2 }, (_, i) => Math.sin(i * 0.7) * 0.8),
      [SAMPLES, 2],
    );
    for (const c of CASES) {
      const model = buildModel(c.make());
      await saveModel(model, join(dir, 'strata', `${c.name}_init.keras`));
      await model.fit(x, y, { epochs: 3, batchSize: BATCH, shuffle: false, verbose: 0 });
      await saveModel(model, join(dir, 'strata', `${c.name}_trained.keras`));
      strataTrainedState.set(c.name, await strataOptimizerState(model));
      await model.fit(x, y, { epochs: 1, batchSize: BATCH, shuffle: false, verbose: 0 });
      strataAfter.set(c.name, await weightsOf(model));
      model.dispose();
    }
    const spec = {
      data: { x: await listed(x), y: await listed(y) },
      batch_size: BATCH,
      cases: CASES.map((c) => c.name),
    };
    writeFileSync(join(dir, 'cases.json'), JSON.stringify(spec));
    runPython(join(__dirname, 'optimizer_state.py'), [dir], { timeoutMs: 600_000 });
    keras = JSON.parse(readFileSync(join(dir, 'keras_results.json'), 'utf8'));
  }, 600_000);
  afterAll(() => {
    dispose([x, y]);
    if (!kept) rmSync(dir, { recursive: true, force: true });
    console.log(
      `max rel diff: weights Strata->Keras ${worst.toKeras.toExponential(2)}, Keras->Strata ` +
        `${worst.fromKeras.toExponential(2)}; optimizer state ${worst.state.toExponential(2)}`,
    );
  });

  describe.each(CASES)('$name', (c) => {
    const result = () => {
      const r = keras[c.name];
      expect(r).toBeDefined();
      if ('error' in r) throw new Error(`Keras failed on ${c.name}:\n${r.error}`);
      return r;
    };

    it('Keras loads the compiled model Strata trained: same compile config, iterations and moments', () => {
      const { loaded } = result().resumed;
      expect(loaded.optimizer_class).toBe(c.make().constructor.name);
      for (const [key, value] of Object.entries(c.expected)) {
        if (typeof value === 'number') expect(loaded.optimizer_config[key]).toBeCloseTo(value, 7);
        else expect(loaded.optimizer_config[key]).toBe(value);
      }
      expect(loaded.loss).toBe('mse');
      expect(loaded.compiled_metrics).toEqual(['mae']);
      expect(loaded.metrics).toEqual(['loss', 'compile_metrics']);
      expect(loaded.iterations).toBe(9);
      const d = worstStateDiff(strataTrainedState.get(c.name)!, loaded, `${c.name}: Keras's optimizer variables`);
      worst.state = Math.max(worst.state, d);
      expect(d).toBe(0);
    });

    it("Keras's next epoch from Strata's state gives Strata's next epoch", () => {
      const { after, iterations_after } = result().resumed;
      expect(iterations_after).toBe(12);
      const d = worstWeightDiff(strataAfter.get(c.name)!, after, `${c.name}: Keras resumed`);
      worst.toKeras = Math.max(worst.toKeras, d);
      expect(d).toBeLessThanOrEqual(REL_TOL);
    });

    it("Strata loads the model Keras trained, with Keras's state, and its next epoch gives Keras's", async () => {
      const { own } = result();
      const before = memory().numTensors;
      const model = await loadModel(join(dir, 'keras', `${c.name}_trained.keras`));
      expect(model.optimizer?.constructor.name).toBe(c.make().constructor.name);
      expect(model.optimizer?.getHostState().calls).toBe(9);
      const config = (serializeKerasObject(model.optimizer!) as { config: Record<string, unknown> }).config;
      for (const [key, value] of Object.entries(c.expected)) {
        if (typeof value === 'number') expect(config[key]).toBeCloseTo(value, 7);
        else expect(config[key]).toBe(value);
      }
      expect(model.compiledLoss?.config).toBe('mse');
      expect(model.compiledMetrics?.metrics).toEqual(['mae']);
      const ours = await strataOptimizerState(model);
      const stateDiff = worstStateDiff(ours, own.trained, `${c.name}: Strata's optimizer variables from Keras`);
      worst.state = Math.max(worst.state, stateDiff);
      expect(stateDiff).toBe(0);
      expect(worstWeightDiff(await weightsOf(model), own.trained_weights, `${c.name}: Keras's weights`)).toBe(0);
      await model.fit(x, y, { epochs: 1, batchSize: BATCH, shuffle: false, verbose: 0 });
      const d = worstWeightDiff(await weightsOf(model), own.after, `${c.name}: Strata resumed`);
      worst.fromKeras = Math.max(worst.fromKeras, d);
      expect(d).toBeLessThanOrEqual(REL_TOL);
      model.dispose();
      expect(memory().numTensors).toBe(before);
    });
  });
});
