// Keras 3 as the oracle for each layer's numerics with the same weights: outputs in inference and
// training mode, the gradient of a scalar of the outputs w.r.t. the inputs and every trainable
// weight, and the non-trainable weights after a training call (moving statistics). The layer goes
// to Keras in a .keras file (its twin has the same config and weights); one Python process
// (layer_numerics.py) runs every case with jax.grad over layer.stateless_call and writes its
// gradients as weights files, which Strata reads with its own weight mapping.
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { GradientTape } from '@strata/autodiff';
import { cpu } from '@strata/backend-cpu';
import type { CallOptions, Layer } from '@strata/layers';
import { input } from '@strata/graph';
import { Functional, type Model } from '@strata/models';
import {
  add,
  cast,
  dispose,
  keep,
  memory,
  mul,
  randomUniform,
  setBackend,
  sum,
  tensor,
  tidy,
  type Tensor,
} from '@strata/tensor';
import { describeWithPython, runPython } from '../../../../tools/python/oracle';
import { loadModelWeights, saveModel } from '../files';
import { builtInClasses } from '../registry-builtins';
import { randomInputs, randomizeWeights } from './cases';
import { BATCH, type MaskValues, NUMERICS_CASES, type NumericsCase } from './layer-numerics-cases';

const TOL = 1e-5;

interface Values {
  shape: number[];
  data: number[];
}
interface ModeResult {
  outputs: Values[];
  inputGrads: (Values | null)[];
  /** Strata only: gradients of the trainable weights, and the non-trainable weights after the call. */
  weightGrads?: Values[];
  states?: Values[];
}
type Modes = Partial<Record<'inference' | 'training', ModeResult>>;
/** Keras answers "same" for training mode where its layer's call takes no `training` argument. */
type KerasResult = { inference?: ModeResult; training?: ModeResult | 'same' } | { error: string };

async function valuesOf(t: Tensor): Promise<Values> {
  return { shape: [...t.shape] as number[], data: Array.from(await t.data(), Number) };
}

function shapeOf(nested: unknown): number[] {
  return Array.isArray(nested) ? [nested.length, ...shapeOf(nested[0])] : [];
}

function maskTensor(m: MaskValues): Tensor {
  return tidy(() => cast(tensor(m), 'bool'));
}

/** Replaces '$name' strings (also inside lists) by `lookup(name)`. */
function resolve(value: unknown, lookup: (name: string) => unknown): unknown {
  if (typeof value === 'string' && value.startsWith('$')) return lookup(value.slice(1));
  if (Array.isArray(value)) return value.map((v) => resolve(v, lookup));
  return value;
}

function resolveAll(record: Record<string, unknown> | undefined, lookup: (name: string) => unknown) {
  return Object.fromEntries(Object.entries(record ?? {}).map(([k, v]) => [k, resolve(v, lookup)]));
}

/** The largest |a - b|; throws where shapes differ or a value is missing. */
function maxDiff(a: Values, b: Values | null | undefined, what: string): number {
  if (!b) throw new Error(`${what}: missing on the Keras side`);
  if (JSON.stringify(a.shape) !== JSON.stringify(b.shape)) {
    throw new Error(
      `${what}: Keras gave shape ${JSON.stringify(b.shape)} where ${JSON.stringify(a.shape)} was expected`,
    );
  }
  let worst = 0;
  a.data.forEach((v, k) => {
    const d = Math.abs(v - b.data[k]);
    worst = Number.isNaN(d) ? Infinity : Math.max(worst, d);
  });
  return worst;
}

interface Prepared {
  c: NumericsCase;
  model: Model;
  layer: Layer;
  inputs: Tensor[];
  masks: Record<string, Tensor>;
  coefs: Tensor[];
  strata: Modes;
}

function build(c: NumericsCase, seed: number): Prepared {
  const Cls = builtInClasses('layer').get(c.className) as unknown as new (args: Record<string, unknown>) => Layer;
  const layer = new Cls(c.options());
  const xs = c.inputs.map((s) => input({ shape: s }));
  const model = new Functional({
    inputs: xs.length === 1 ? xs[0] : xs,
    outputs: layer.apply(xs.length === 1 ? xs[0] : xs),
  }) as Model;
  randomizeWeights(model, seed);
  const inputs = randomInputs(c.inputs, seed, c.intMax, BATCH);
  const masks = Object.fromEntries(Object.entries(c.masks ?? {}).map(([k, m]) => [k, maskTensor(m)]));
  return { c, model, layer, inputs, masks, coefs: [], strata: {} };
}

/** One call of the layer in a mode: outputs, gradients of sum_i(out_i * coef_i), weights after the call. */
async function runStrata(p: Prepared, training: boolean): Promise<ModeResult> {
  const { layer, inputs } = p;
  const floats = inputs.filter((t) => t.dtype === 'float32');
  const options: CallOptions = { ...resolveAll(p.c.strata, (n) => p.masks[n]), training };
  const trainable = layer.trainableWeights;
  const [outputs, grads] = tidy(() => {
    const tape = new GradientTape();
    tape.watch(floats);
    const [outs, total] = tape.record(() => {
      const y = layer.apply(inputs.length === 1 ? inputs[0] : inputs, options);
      const list = (Array.isArray(y) ? y : [y]) as Tensor[];
      if (p.coefs.length === 0) {
        p.coefs = list.map((o, i) => keep(randomUniform(o.shape, { minval: -1, maxval: 1, seed: 7000 + i })));
      }
      return [list, list.map((o, i) => sum(mul(o, p.coefs[i]))).reduce((s, t) => add(s, t))] as const;
    });
    const g = tape.gradient(total, [...floats, ...trainable], { unconnected: 'zero' }) as Tensor[];
    return [outs, g] as [Tensor[], Tensor[]];
  });
  const values = async (ts: readonly Tensor[]) => Promise.all(ts.map(valuesOf));
  const inputGrads = grads.slice(0, floats.length);
  let k = 0;
  const result: ModeResult = {
    outputs: await values(outputs),
    inputGrads: await Promise.all(inputs.map((t) => (t.dtype === 'float32' ? valuesOf(inputGrads[k++]) : null))),
    weightGrads: await values(grads.slice(floats.length)),
    states: await values(layer.nonTrainableWeights),
  };
  dispose([...outputs, ...grads]);
  return result;
}

async function listing(t: Tensor, dtype?: string) {
  return {
    shape: t.shape,
    dtype: dtype ?? (t.dtype === 'int32' ? 'int32' : 'float32'),
    data: Array.from(await t.data(), Number),
  };
}

describeWithPython('layer numerics against Keras 3, with the same weights', ['keras'], () => {
  const kept = process.env.STRATA_KERAS_ORACLE_DIR;
  const dir = kept ?? mkdtempSync(join(tmpdir(), 'strata-keras-numerics-'));
  const prepared = new Map<string, Prepared>();
  let keras: Record<string, KerasResult> = {};
  const worst = { value: 0, what: '' };

  beforeAll(async () => {
    await setBackend(cpu());
    mkdirSync(join(dir, 'strata'), { recursive: true });
    const cases: unknown[] = [];
    let seed = 1;
    for (const c of NUMERICS_CASES) {
      const kerasMask = (n: string) => ({
        __array__: { shape: shapeOf(c.masks![n]), dtype: 'bool', data: (c.masks![n] as unknown[]).flat(2) },
      });
      const before = memory().numTensors;
      const p = build(c, seed++);
      prepared.set(c.name, p);
      await saveModel(p.model, join(dir, 'strata', `${c.name}.keras`));
      let adaptData: Tensor | undefined;
      if (c.adapt) {
        adaptData = randomUniform([c.adapt.batch, ...c.adapt.shape], { minval: -2, maxval: 3, seed: seed * 31 });
        (p.layer as unknown as { adapt(x: Tensor): void }).adapt(adaptData);
      }
      const modes = c.training === false ? [false] : [false, true];
      for (const training of modes) p.strata[training ? 'training' : 'inference'] = await runStrata(p, training);
      cases.push({
        name: c.name,
        inputs: await Promise.all(p.inputs.map((t) => listing(t))),
        style: p.inputs.length === 1 ? 'single' : (c.style ?? 'list'),
        kwargs: resolveAll(c.keras, kerasMask),
        inputMasks: resolve(c.kerasInputMasks ?? [], kerasMask),
        modes,
        coefs: await Promise.all(p.coefs.map((t) => listing(t))),
        ...(adaptData ? { adapt: await listing(adaptData) } : {}),
      });
      adaptData?.dispose();
      // The model (and the activity losses it records), its inputs, masks and coefficients live until
      // the end; nothing else may.
      const held =
        p.model.weights.length + p.layer.losses.length + p.inputs.length + Object.keys(p.masks).length + p.coefs.length;
      expect(memory().numTensors - before).toBeLessThanOrEqual(held);
    }
    writeFileSync(join(dir, 'cases.json'), JSON.stringify({ cases }));
    runPython(join(__dirname, 'layer_numerics.py'), [dir], { timeoutMs: 600_000 });
    keras = JSON.parse(readFileSync(join(dir, 'numerics_results.json'), 'utf8'));
  }, 900_000);

  afterAll(() => {
    for (const p of prepared.values()) {
      p.model.dispose();
      dispose([...p.inputs, ...Object.values(p.masks), ...p.coefs]);
    }
    if (!kept) rmSync(dir, { recursive: true, force: true });
    console.log(`layer numerics: max abs diff ${worst.value.toExponential(2)} (${worst.what})`);
  });

  type Mode = 'inference' | 'training';
  const rows: [string, Mode][] = NUMERICS_CASES.flatMap((c) =>
    (c.training === false ? (['inference'] as const) : (['inference', 'training'] as const)).map(
      (mode): [string, Mode] => [c.name, mode],
    ),
  );
  it.each(rows)('%s (%s)', async (name, mode) => {
    const p = prepared.get(name)!;
    const result = keras[name];
    expect(result).toBeDefined();
    if ('error' in result) throw new Error(`Keras could not run ${name}:\n${result.error}`);
    const ours = p.strata[mode]!;
    const tol = p.c.tolerance?.value ?? TOL;
    const answer = result[mode]!;
    // Where Keras's training call is its inference call, Strata's training call must give the same.
    const theirs = answer === 'same' ? (result.inference as ModeResult) : answer;
    const check = (a: Values, b: Values | null | undefined, what: string) => {
      const d = maxDiff(a, b, `${name} (${mode}) ${what}`);
      if (d > worst.value) Object.assign(worst, { value: d, what: `${name} ${mode} ${what}` });
      if (d > tol) throw new Error(`${name} (${mode}) ${what}: max abs diff ${d} > ${tol}`);
    };
    expect(theirs.outputs.length).toBe(ours.outputs.length);
    ours.outputs.forEach((o, i) => check(o, theirs.outputs[i], `output ${i}`));
    ours.inputGrads.forEach((g, i) => {
      if (g) check(g, theirs.inputGrads[i], `gradient w.r.t. input ${i}`);
    });
    // Keras's gradients and post-call states, through Strata's reading of Keras's weights file.
    await loadModelWeights(p.model, join(dir, 'keras', `${name}.${answer === 'same' ? 'inference' : mode}.weights.h5`));
    const kerasGrads = await Promise.all(p.layer.trainableWeights.map(valuesOf));
    const kerasStates = await Promise.all(p.layer.nonTrainableWeights.map(valuesOf));
    ours.weightGrads!.forEach((g, i) => check(g, kerasGrads[i], `gradient w.r.t. ${p.layer.trainableWeights[i].name}`));
    ours.states!.forEach((s, i) => check(s, kerasStates[i], `${p.layer.nonTrainableWeights[i].name} after the call`));
  });
});
