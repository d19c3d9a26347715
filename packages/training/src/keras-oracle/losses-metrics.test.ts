// Keras 3 as the oracle for every loss and metric: the same y_true, y_pred and sample weights go to
// Strata and to keras.losses / keras.metrics (one Python process, losses_metrics.py, for all cases).
// Losses: the reduced (or, with reduction 'none', per-sample) value. Metrics: the result after each
// of 3 stateful updates, then after reset_state and one update.
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { toSnakeCase } from '@strata/layers/internal';
import { dispose, memory, randomUniform, type Tensor } from '@strata/tensor';
import { describeWithPython, runPython } from '../../../../tools/python/oracle';
import * as lossFunctions from '../losses';
import { lossClasses } from '../losses';
import { type Metric, metricClasses } from '../metrics';
import { useCpu } from '../testing/setup';
import { BATCH, type DataKind, dataOf, LOSS_CASES, LOSS_FUNCTION_CASES, METRIC_CASES } from './losses-metrics-cases';

const TOL = 1e-5;

interface Values {
  shape: number[];
  data: number[];
}
type Answer<T> = T | { error: string };
interface KerasResults {
  losses: Record<string, Answer<Values>>;
  metrics: Record<string, Answer<{ results: Values[]; afterReset: Values }>>;
}

async function valuesOf(t: Tensor): Promise<Values> {
  return { shape: [...t.shape] as number[], data: Array.from(await t.data(), Number) };
}
async function listing(t: Tensor) {
  return { ...(await valuesOf(t)), dtype: t.dtype === 'int32' ? 'int32' : 'float32' };
}

function snakeKeys(options: Record<string, unknown> = {}): Record<string, unknown> {
  return Object.fromEntries(Object.entries(options).map(([k, v]) => [toSnakeCase(k), v]));
}

function expectClose(ours: Values, theirs: Answer<Values> | undefined, what: string): number {
  if (!theirs) throw new Error(`${what}: no Keras result`);
  if ('error' in theirs) throw new Error(`${what}: Keras failed:\n${theirs.error}`);
  // Keras gives a 0-d result where Strata gives [] too; per-class results are [classes].
  expect({ what, shape: ours.shape }).toEqual({ what, shape: theirs.shape });
  let worst = 0;
  ours.data.forEach((v, i) => {
    const d = Math.abs(v - theirs.data[i]);
    worst = Number.isNaN(d) ? Infinity : Math.max(worst, d);
  });
  if (worst > TOL) {
    throw new Error(
      `${what}: Strata ${JSON.stringify(ours.data)} vs Keras ${JSON.stringify(theirs.data)} (max diff ${worst})`,
    );
  }
  return worst;
}

describeWithPython('losses and metrics against Keras 3', ['keras'], () => {
  const dir = mkdtempSync(join(tmpdir(), 'strata-keras-losses-'));
  const lossValues = new Map<string, Values>();
  const metricValues = new Map<string, { results: Values[]; afterReset: Values }>();
  let keras: KerasResults;
  const worst = { value: 0 };

  beforeAll(async () => {
    await useCpu();
    const before = memory().numTensors;
    const batch = async (yTrue: DataKind, yPred: DataKind, seed: number, weighted: boolean) => {
      const t = [dataOf(yTrue, seed), dataOf(yPred, seed + 1)];
      const sw = weighted ? randomUniform([BATCH], { minval: 0, maxval: 2, seed: seed + 2 }) : null;
      const json = {
        yTrue: await listing(t[0]),
        yPred: await listing(t[1]),
        ...(sw ? { sampleWeight: await listing(sw) } : {}),
      };
      return { tensors: [t[0], t[1], sw] as const, json };
    };

    const losses: unknown[] = [];
    let seed = 1;
    for (const c of LOSS_CASES) {
      const { tensors, json } = await batch(c.yTrue, c.yPred, (seed += 10), !!c.sampleWeight);
      const loss = lossClasses.get({ className: c.cls, config: c.options ?? {} });
      const value = loss.apply(tensors[0], tensors[1], tensors[2]);
      lossValues.set(c.name, await valuesOf(value));
      dispose([value, ...tensors.filter((t): t is Tensor => t !== null)]);
      losses.push({ name: c.name, cls: c.cls, config: snakeKeys(c.options), ...json });
    }

    for (const c of LOSS_FUNCTION_CASES) {
      const { tensors, json } = await batch(c.yTrue, c.yPred, (seed += 10), false);
      const fn = (lossFunctions as unknown as Record<string, (t: Tensor, p: Tensor) => Tensor>)[c.fn];
      const value = fn(tensors[0], tensors[1]);
      lossValues.set(c.fn, await valuesOf(value));
      dispose([value, tensors[0], tensors[1]]);
      losses.push({ name: c.fn, fn: c.keras, yTrue: json.yTrue, yPred: json.yPred });
    }

    const metrics: unknown[] = [];
    for (const c of METRIC_CASES) {
      const metric = metricClasses.get({ className: c.cls, config: c.options ?? {} }) as Metric;
      const batches = [];
      const results: Values[] = [];
      const update = (t: readonly (Tensor | null)[]) =>
        c.cls === 'Mean' || c.cls === 'Sum'
          ? (metric.updateState as (v: Tensor, w?: Tensor | null) => void)(t[0]!, t[2])
          : metric.updateState(t[0]!, t[1]!, t[2]);
      const readResult = async () => {
        const r = metric.result();
        const v = await valuesOf(r);
        r.dispose();
        return v;
      };
      const kept: (readonly (Tensor | null)[])[] = [];
      for (let b = 0; b < 3; b++) {
        const { tensors, json } = await batch(c.yTrue, c.yPred, (seed += 10), !!c.sampleWeight);
        update(tensors);
        results.push(await readResult());
        batches.push(json);
        kept.push(tensors);
      }
      metric.resetState();
      update(kept[0]);
      metricValues.set(c.name, { results, afterReset: await readResult() });
      metric.dispose();
      for (const t of kept) dispose(t.filter((x): x is Tensor => x !== null));
      metrics.push({ name: c.name, cls: c.cls, config: snakeKeys(c.options), batches });
    }
    expect(memory().numTensors).toBe(before);

    writeFileSync(join(dir, 'cases.json'), JSON.stringify({ losses, metrics }));
    runPython(join(__dirname, 'losses_metrics.py'), [join(dir, 'cases.json'), join(dir, 'results.json')], {
      timeoutMs: 300_000,
    });
    keras = JSON.parse(readFileSync(join(dir, 'results.json'), 'utf8'));
  }, 600_000);

  afterAll(() => {
    rmSync(dir, { recursive: true, force: true });
    console.log(`losses and metrics: max abs diff from Keras ${worst.value.toExponential(2)}`);
  });

  it.each(LOSS_CASES.map((c) => c.name))('loss %s', (name) => {
    worst.value = Math.max(worst.value, expectClose(lossValues.get(name)!, keras.losses[name], name));
  });

  it.each(LOSS_FUNCTION_CASES.map((c) => c.fn))('loss function %s (per sample)', (name) => {
    worst.value = Math.max(worst.value, expectClose(lossValues.get(name)!, keras.losses[name], name));
  });

  it.each(METRIC_CASES.map((c) => c.name))('metric %s: 3 updates, reset, 1 update', (name) => {
    const theirs = keras.metrics[name];
    if (!theirs) throw new Error(`${name}: no Keras result`);
    if ('error' in theirs) throw new Error(`${name}: Keras failed:\n${theirs.error}`);
    const ours = metricValues.get(name)!;
    ours.results.forEach((r, i) => {
      worst.value = Math.max(worst.value, expectClose(r, theirs.results[i], `${name} after update ${i + 1}`));
    });
    worst.value = Math.max(worst.value, expectClose(ours.afterReset, theirs.afterReset, `${name} after reset_state`));
  });
});
