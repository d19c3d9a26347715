import { join } from 'node:path';
import { dispose, mul, setBackend, tensor, type Tensor } from '@strata/tensor';
import { cpu } from '@strata/backend-cpu';
import { describeWithPython, runPython } from '../../../tools/python/oracle';
import { builtInLayerClass, builtInLayerClasses, layerFromConfig, resolveBuiltInLayerClass } from './layer-catalog';
import { maskOf, setMask } from './masking';
import { toSnakeCase } from './naming';
import { registerLambda, unregisterLambda } from './layers/core/lambda';
import { MASK_CASES, MASK_CASES_NOT_RUN, type MaskCase, type MaskCaseInput } from './testing/mask-cases';

interface OutputMask {
  shape: number[];
  values: number[];
  /** The index of the input whose mask this is (passed on as it is), or -1 for a mask the layer computed. */
  same: number;
}
type KerasResult =
  | { name: string; supportsMasking: boolean; outputs: (OutputMask | null)[] }
  | { name: string; error: string };

beforeAll(async () => {
  await setBackend(cpu());
  registerLambda('mask_oracle_double', (x) => mul(x as Tensor, 2));
});
afterAll(() => unregisterLambda('mask_oracle_double'));

const size = (shape: number[]) => shape.reduce((a, b) => a * b, 1);

/** The input's values and mask, the same for Strata and Keras: made from indices, masks differing per input. */
function inputData(input: MaskCaseInput, k: number) {
  const values = input.values ?? Array.from({ length: size(input.shape) }, (_, i) => Math.sin(0.7 * i + k));
  const maskShape = input.shape.slice(0, -1);
  const mask =
    input.masked === false
      ? null
      : { shape: maskShape, values: Array.from({ length: size(maskShape) }, (_, i) => ((7 * i + 3 * k) % 5 ? 1 : 0)) };
  return { shape: input.shape, dtype: input.dtype ?? 'float32', values, mask };
}

/** Strata's options as a Keras config: snake_case keys, nested layers as `{class_name, config}`. */
function kerasConfig(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(kerasConfig);
  if (value === null || typeof value !== 'object') return value;
  const record = value as Record<string, unknown>;
  if (typeof record.className === 'string') return { class_name: record.className, config: kerasConfig(record.config) };
  return Object.fromEntries(Object.entries(record).map(([k, v]) => [toSnakeCase(k), kerasConfig(v)]));
}

async function strataOutputMasks(c: MaskCase): Promise<(OutputMask | null)[]> {
  const cls = builtInLayerClass(c.className);
  if (!cls) throw new Error(`no built-in layer class ${c.className}`);
  const layer = layerFromConfig(cls, c.options, resolveBuiltInLayerClass);
  const data = c.inputs.map(inputData);
  const xs = data.map((d) => tensor(d.values, d.shape, d.dtype));
  const masks = data.map((d) => (d.mask ? tensor(d.mask.values.map(Boolean), d.mask.shape, 'bool') : null));
  xs.forEach((x, i) => setMask(x, masks[i]));
  const out = (c.call ?? 'single') === 'single' ? layer.apply(xs[0]) : layer.apply(xs);
  const outputs = Array.isArray(out) ? out : [out];
  const result = await Promise.all(
    outputs.map(async (o) => {
      const m = maskOf(o);
      if (!m) return null;
      const values = Array.from(await m.data(), (v) => (v ? 1 : 0));
      return { shape: [...m.shape] as number[], values, same: masks.indexOf(m) };
    }),
  );
  dispose([...outputs, ...xs, ...masks.filter((m): m is Tensor => m !== null)]);
  layer.dispose();
  return result;
}

test('every built-in layer class has a mask case, or a reason it has none', () => {
  const covered = new Set(MASK_CASES.map((c) => c.className));
  const missing = builtInLayerClasses()
    .map((cls) => cls.className)
    .filter((name) => !covered.has(name) && !(name in MASK_CASES_NOT_RUN));
  expect(missing).toEqual([]);
});

describeWithPython('output masks as Keras 3 passes, drops or computes them', ['keras'], () => {
  let keras: Map<string, KerasResult>;

  beforeAll(() => {
    const payload = MASK_CASES.map((c) => ({
      name: c.name,
      class_name: c.className,
      config: kerasConfig(c.options),
      inputs: c.inputs.map(inputData),
      call: c.call ?? 'single',
    }));
    const out = JSON.parse(runPython(join(__dirname, 'mask_behaviour.py'), [], { input: JSON.stringify(payload) }));
    keras = new Map((out.results as KerasResult[]).map((r) => [r.name, r]));
  }, 300_000);

  test.each(MASK_CASES.map((c) => [c.name, c] as const))('%s', async (_, c) => {
    const want = keras.get(c.name);
    if (!want || 'error' in want)
      throw new Error(`Keras could not run case "${c.name}": ${want && 'error' in want ? want.error : 'no result'}`);
    const got = await strataOutputMasks(c);
    // Passed on, computed or dropped as in Keras, and the same values.
    expect(got).toEqual(want.outputs);
  });
});
