// Keras 3 as the oracle for every optimizer: the same MLP (Dense(relu) → Dense), the same weights
// and data, MSE, 10 steps of fit() with the whole data as one batch (no shuffle, no dropout), in
// Strata and in Keras (optimizer_fit.py, one Python process for all cases). The loss of every
// step agrees within 1e-4 relative, and so do the final weights.
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { toSnakeCase } from '@strata/layers/internal';
import { dispose, randomUniform, tidy, type Tensor } from '@strata/tensor';
import { describeWithPython, runPython } from '../../../../tools/python/oracle';
import { getOptimizer } from '../optimizers';
import { scheduleClasses } from '../schedules';
import { TwoLayer } from '../testing/models';
import { useCpu } from '../testing/setup';

const REL = 1e-4;
const [SAMPLES, FEATURES, HIDDEN, OUTPUTS, EPOCHS] = [16, 4, 8, 2, 10];

interface OptimizerCase {
  name: string;
  cls: string;
  options: Record<string, unknown>;
  /** A learning-rate schedule instead of a number: its class and options. */
  schedule?: { cls: string; options: Record<string, unknown> };
}

const c = (name: string, cls: string, options: Record<string, unknown> = {}): OptimizerCase => ({ name, cls, options });

const CASES: OptimizerCase[] = [
  c('SGD', 'SGD', { learningRate: 0.05 }),
  c('SGD_momentum', 'SGD', { learningRate: 0.05, momentum: 0.9 }),
  c('SGD_nesterov', 'SGD', { learningRate: 0.05, momentum: 0.9, nesterov: true }),
  c('SGD_weight_decay', 'SGD', { learningRate: 0.05, weightDecay: 0.1 }),
  c('SGD_global_clipnorm', 'SGD', { learningRate: 0.1, globalClipnorm: 0.5 }),
  c('Adam', 'Adam', { learningRate: 0.01 }),
  c('Adam_amsgrad', 'Adam', { learningRate: 0.01, amsgrad: true, beta1: 0.8, beta2: 0.99 }),
  c('Adam_clipnorm', 'Adam', { learningRate: 0.01, clipnorm: 0.1 }),
  c('AdamW', 'AdamW', { learningRate: 0.01, weightDecay: 0.1 }),
  c('RMSprop', 'RMSprop', { learningRate: 0.01 }),
  c('RMSprop_momentum_centered', 'RMSprop', { learningRate: 0.01, momentum: 0.5, centered: true }),
  c('RMSprop_clipvalue', 'RMSprop', { learningRate: 0.01, clipvalue: 0.05 }),
  c('Adagrad', 'Adagrad', { learningRate: 0.1 }),
  c('Adadelta', 'Adadelta', { learningRate: 0.5, rho: 0.9 }),
  c('Adamax', 'Adamax', { learningRate: 0.02 }),
  c('Nadam', 'Nadam', { learningRate: 0.01 }),
  c('Lion', 'Lion', { learningRate: 0.003 }),
  c('Lion_weight_decay', 'Lion', { learningRate: 0.003, weightDecay: 0.5, beta1: 0.8 }),
  {
    name: 'Adam_exponential_decay',
    cls: 'Adam',
    options: {},
    schedule: { cls: 'ExponentialDecay', options: { initialLearningRate: 0.02, decaySteps: 3, decayRate: 0.5 } },
  },
  {
    name: 'SGD_cosine_decay',
    cls: 'SGD',
    options: { momentum: 0.5 },
    schedule: { cls: 'CosineDecay', options: { initialLearningRate: 0.1, decaySteps: 8 } },
  },
];

/** Keras's keyword for a Strata option: snake_case, and beta_1 / beta_2 as Keras spells them. */
const kerasKey = (k: string) => toSnakeCase(k).replace(/^beta(\d)$/, 'beta_$1');
const kerasKwargs = (o: Record<string, unknown>) =>
  Object.fromEntries(Object.entries(o).map(([k, v]) => [kerasKey(k), v]));

interface Values {
  shape: number[];
  data: number[];
}
type KerasResult = { losses: number[]; weights: Values[] } | { error: string };

async function valuesOf(t: Tensor): Promise<Values> {
  return { shape: [...t.shape] as number[], data: Array.from(await t.data(), Number) };
}

function relDiff(a: number, b: number): number {
  return Math.abs(a - b) / Math.max(Math.abs(b), 1e-6);
}

describeWithPython('one fit per optimizer against Keras 3', ['keras'], () => {
  const dir = mkdtempSync(join(tmpdir(), 'strata-keras-fit-'));
  const ours = new Map<string, { losses: number[]; weights: Values[] }>();
  let keras: Record<string, KerasResult> = {};
  const worst = { loss: 0, weight: 0 };

  beforeAll(async () => {
    await useCpu();
    const x = randomUniform([SAMPLES, FEATURES], { minval: -1, maxval: 1, seed: 11 });
    const y = randomUniform([SAMPLES, OUTPUTS], { minval: -1, maxval: 1, seed: 12 });
    const shapes = [[FEATURES, HIDDEN], [HIDDEN], [HIDDEN, OUTPUTS], [OUTPUTS]];
    const initial = shapes.map((s, i) => randomUniform(s, { minval: -0.8, maxval: 0.8, seed: 20 + i }));
    for (const k of CASES) {
      const model = new TwoLayer({ hidden: HIDDEN, out: OUTPUTS });
      tidy(() => model.apply(x));
      model.setWeights(initial);
      const learningRate = k.schedule
        ? scheduleClasses.get({ className: k.schedule.cls, config: k.schedule.options })
        : undefined;
      const optimizer = getOptimizer({
        className: k.cls,
        config: { ...k.options, ...(learningRate ? { learningRate } : {}) },
      });
      model.compile({ optimizer, loss: 'mse' });
      const history = await model.fit(x, y, { epochs: EPOCHS, batchSize: SAMPLES, shuffle: false, verbose: 0 });
      ours.set(k.name, {
        losses: history.history.loss as number[],
        weights: await Promise.all(model.weights.map(valuesOf)),
      });
      model.dispose();
      optimizer.dispose();
    }
    const json = {
      x: await valuesOf(x),
      y: await valuesOf(y),
      hidden: HIDDEN,
      weights: await Promise.all(initial.map(valuesOf)),
      epochs: EPOCHS,
      cases: CASES.map((k) => {
        const config = kerasKwargs(k.options);
        if (k.schedule) config.learning_rate = { schedule: k.schedule.cls, config: kerasKwargs(k.schedule.options) };
        return { name: k.name, cls: k.cls, config };
      }),
    };
    dispose([x, y, ...initial]);
    writeFileSync(join(dir, 'cases.json'), JSON.stringify(json));
    runPython(join(__dirname, 'optimizer_fit.py'), [join(dir, 'cases.json'), join(dir, 'results.json')], {
      timeoutMs: 300_000,
    });
    keras = JSON.parse(readFileSync(join(dir, 'results.json'), 'utf8'));
  }, 600_000);

  afterAll(() => {
    rmSync(dir, { recursive: true, force: true });
    console.log(
      `optimizers: worst relative loss diff ${worst.loss.toExponential(2)}, ` +
        `worst weight diff ${worst.weight.toExponential(2)} (relative to max(1, |w|))`,
    );
  });

  it.each(CASES.map((k) => k.name))('%s: 10 steps, loss curve and final weights', (name) => {
    const theirs = keras[name];
    if (!theirs) throw new Error(`${name}: no Keras result`);
    if ('error' in theirs) throw new Error(`${name}: Keras failed:\n${theirs.error}`);
    const mine = ours.get(name)!;
    expect(mine.losses).toHaveLength(EPOCHS);
    const worstLoss = Math.max(...mine.losses.map((l, i) => relDiff(l, theirs.losses[i])));
    worst.loss = Math.max(worst.loss, worstLoss);
    if (worstLoss > REL) {
      throw new Error(`${name}: losses\n Strata ${mine.losses.join(', ')}\n Keras  ${theirs.losses.join(', ')}`);
    }
    mine.weights.forEach((w, i) => {
      expect(w.shape).toEqual(theirs.weights[i].shape);
      // Relative to the weight's scale: a weight near 0 is compared to 1e-4 absolute.
      const worstW = Math.max(...w.data.map((v, k) => Math.abs(v - theirs.weights[i].data[k])));
      const scale = Math.max(1, ...theirs.weights[i].data.map(Math.abs));
      worst.weight = Math.max(worst.weight, worstW / scale);
      if (worstW > REL * scale) throw new Error(`${name}: final weight ${i} differs by ${worstW}`);
    });
  });
});
