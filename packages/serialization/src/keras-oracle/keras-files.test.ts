// Keras 3 itself as the oracle for .keras files, both ways. Every case (a model per built-in layer,
// seeded random architectures, registered subclassed models) is saved by Strata into one folder;
// one Python process (keras_oracle.py) loads each with keras.saving.load_model(safe_mode=True),
// predicts, and saves it again with Keras; Strata then loads Keras's files. All predictions agree.
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { dispose, memory, setBackend, tidy, type Tensor } from '@strata/tensor';
import { cpu } from '@strata/backend-cpu';
import type { Model } from '@strata/models';
import { describeWithPython, runPython } from '../../../../tools/python/oracle';
import { loadModel, saveModel } from '../files';
import { registerSerializable, unregisterSerializable } from '../registry';
import { architectureCases, ARCHITECTURE_COUNT } from './architectures';
import { catalogCases, NOT_SENT_TO_KERAS, type OracleCase } from './cases';
import { LAYER_SPECS } from '../testing/layer-specs';
import { REGISTERED_MODELS, subclassedCases } from './registered-models';

const TOL = 1e-5;

interface Outputs {
  shape: number[];
  data: number[];
}
type KerasResult = { outputs: Outputs[] } | { error: string };

const catalogNames = Object.keys(LAYER_SPECS)
  .filter((n) => !(n in NOT_SENT_TO_KERAS))
  .map((n) => `layer_${n}`);
const architectureNames = Array.from({ length: ARCHITECTURE_COUNT }, (_, i) => `arch_${i}`);
const subclassedNames = REGISTERED_MODELS.map((c) => `subclassed_${c.className}`);

async function predictionsOf(model: Model, inputs: Tensor[]): Promise<Outputs[]> {
  const y = tidy(() => model.predict(inputs.length === 1 ? inputs[0] : inputs));
  const list = (Array.isArray(y) ? y : [y]) as Tensor[];
  const out = await Promise.all(
    list.map(async (t) => ({ shape: [...t.shape] as number[], data: Array.from(await t.data(), Number) })),
  );
  dispose(list);
  return out;
}

/** The largest |a - b| over all outputs; throws where shapes or counts differ. */
function maxDiff(a: Outputs[], b: Outputs[], what: string): number {
  if (a.length !== b.length) throw new Error(`${what}: ${b.length} outputs where ${a.length} were expected`);
  let worst = 0;
  a.forEach((o, i) => {
    if (JSON.stringify(o.shape) !== JSON.stringify(b[i].shape)) {
      throw new Error(
        `${what}: output ${i} has shape ${JSON.stringify(b[i].shape)} where ${JSON.stringify(o.shape)} was expected`,
      );
    }
    o.data.forEach((v, k) => {
      const d = Math.abs(v - b[i].data[k]);
      worst = Number.isNaN(d) ? Infinity : Math.max(worst, d);
    });
  });
  return worst;
}

describeWithPython('Keras 3 loads what Strata saves, and Strata loads what Keras saves', ['keras'], () => {
  // STRATA_KERAS_ORACLE_DIR keeps the files (to run keras_oracle.py by hand); otherwise a temporary folder.
  const kept = process.env.STRATA_KERAS_ORACLE_DIR;
  const dir = kept ?? mkdtempSync(join(tmpdir(), 'strata-keras-oracle-'));
  const strataPredictions = new Map<string, Outputs[]>();
  const inputsOf = new Map<string, Tensor[]>();
  let keras: Record<string, KerasResult> = {};
  const worst = { toKeras: 0, fromKeras: 0 };

  beforeAll(async () => {
    await setBackend(cpu());
    for (const c of REGISTERED_MODELS) registerSerializable(c, { package: 'strata_test' });
    mkdirSync(join(dir, 'strata'), { recursive: true });
    const cases: OracleCase[] = [...catalogCases(), ...architectureCases(), ...subclassedCases()];
    const listing: unknown[] = [];
    for (const c of cases) {
      strataPredictions.set(c.name, await predictionsOf(c.model, c.inputs));
      inputsOf.set(c.name, c.inputs);
      await saveModel(c.model, join(dir, 'strata', `${c.name}.keras`));
      const inputs = await Promise.all(
        c.inputs.map(async (t) => ({
          shape: t.shape,
          dtype: t.dtype === 'int32' ? 'int32' : 'float32',
          data: Array.from(await t.data(), Number),
        })),
      );
      listing.push({ name: c.name, inputs });
      c.model.dispose();
    }
    writeFileSync(join(dir, 'cases.json'), JSON.stringify({ cases: listing }));
    // About 45 s of CPU; the limits leave room for a loaded CI machine.
    runPython(join(__dirname, 'keras_oracle.py'), [dir], { timeoutMs: 900_000 });
    keras = JSON.parse(readFileSync(join(dir, 'keras_results.json'), 'utf8'));
  }, 900_000);
  afterAll(() => {
    for (const t of inputsOf.values()) dispose(t);
    for (const c of REGISTERED_MODELS) unregisterSerializable(`strata_test>${c.className}`);
    if (!kept) rmSync(dir, { recursive: true, force: true });
    console.log(
      `max abs diff: Strata->Keras ${worst.toKeras.toExponential(2)}, ` +
        `Keras->Strata ${worst.fromKeras.toExponential(2)}`,
    );
  });

  describe.each([
    ['every built-in layer', catalogNames],
    ['random architectures', architectureNames],
    ['registered subclassed models', subclassedNames],
  ])('%s', (_title, names) => {
    it.each(names)('%s', async (name) => {
      const result = keras[name];
      expect(result).toBeDefined();
      if ('error' in result) throw new Error(`Keras could not load or run ${name}.keras:\n${result.error}`);
      const ours = strataPredictions.get(name)!;
      const toKeras = maxDiff(ours, result.outputs, `${name}: Keras's predictions`);
      worst.toKeras = Math.max(worst.toKeras, toKeras);
      expect(toKeras).toBeLessThanOrEqual(TOL);

      const before = memory().numTensors;
      const back = await loadModel(join(dir, 'keras', `${name}.keras`));
      const fromKeras = maxDiff(
        result.outputs,
        await predictionsOf(back, inputsOf.get(name)!),
        `${name}: Strata's predictions from Keras's file`,
      );
      back.dispose();
      expect(memory().numTensors).toBe(before);
      worst.fromKeras = Math.max(worst.fromKeras, fromKeras);
      expect(fromKeras).toBeLessThanOrEqual(TOL);
    });
  });
});
