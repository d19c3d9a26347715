import fc from 'fast-check';
import { StrataError, memory } from '@strata/tensor';
import { Dense, clearSession } from '@strata/layers';
import { input } from '@strata/graph';
import { Sequential } from '@strata/models';
import { Adam } from '@strata/training';
import { useCpu } from '../testing/keras-models';
import { loadModel, saveModel } from '../files';
import { extractZipEntry, listZip, writeZip } from '../zip/zip';

beforeAll(useCpu);

// A small compiled model, so that config, compile_config, layer weights and optimizer state are all
// there to be broken.
let valid: Uint8Array;
let entries: [string, Uint8Array][];
beforeAll(async () => {
  clearSession();
  const model = new Sequential(
    [input({ shape: [3] }), new Dense({ units: 4, activation: 'relu' }), new Dense({ units: 2 })],
    { name: 'target' },
  );
  model.compile({ optimizer: new Adam(), loss: 'mse' });
  model.optimizer!.build(model.trainableWeights);
  valid = await saveModel(model);
  entries = listZip(valid, 'valid', 10).map((e) => [e.name, extractZipEntry(valid, e, 'valid', 1e8)]);
  model.dispose();
});

type Mutation =
  | { kind: 'flip'; at: number[]; bits: number[] }
  | { kind: 'truncate'; fraction: number }
  | { kind: 'entry-flip'; entry: number; at: number[]; bits: number[] }
  | { kind: 'entry-truncate'; entry: number; fraction: number }
  | { kind: 'json-field'; pick: number; value: unknown };

const positions = fc.array(fc.double({ min: 0, max: 1, maxExcluded: true, noNaN: true }), {
  minLength: 1,
  maxLength: 8,
});
const bits = fc.array(fc.integer({ min: 0, max: 7 }), { minLength: 8, maxLength: 8 });
const mutation: fc.Arbitrary<Mutation> = fc.oneof(
  fc.record({ kind: fc.constant('flip' as const), at: positions, bits }),
  fc.record({ kind: fc.constant('truncate' as const), fraction: fc.double({ min: 0, max: 1, noNaN: true }) }),
  fc.record({ kind: fc.constant('entry-flip' as const), entry: fc.integer({ min: 0, max: 2 }), at: positions, bits }),
  fc.record({
    kind: fc.constant('entry-truncate' as const),
    entry: fc.integer({ min: 0, max: 2 }),
    fraction: fc.double({ min: 0, max: 1, noNaN: true }),
  }),
  fc.record({
    kind: fc.constant('json-field' as const),
    pick: fc.nat(),
    value: fc.oneof(
      fc.jsonValue({ maxDepth: 2 }),
      fc.constantFrom(-1, 0, 2 ** 40, 1e308, 'NoSuchLayer', '../../x', null, [], {}, [2 ** 31, 2 ** 31]),
    ),
  }),
);

function flip(bytes: Uint8Array, at: number[], bitList: number[]): Uint8Array {
  const out = bytes.slice();
  at.forEach((p, i) => {
    if (out.length) out[Math.floor(p * out.length)] ^= 1 << bitList[i];
  });
  return out;
}

/** Every [container, key] of a JSON value, to pick one to replace. */
function slots(x: unknown, out: [Record<string, unknown> | unknown[], string | number][] = []): typeof out {
  if (Array.isArray(x)) x.forEach((v, i) => (out.push([x, i]), slots(v, out)));
  else if (x && typeof x === 'object')
    for (const [k, v] of Object.entries(x)) out.push([x as Record<string, unknown>, k]), slots(v, out);
  return out;
}

function apply(m: Mutation): Uint8Array {
  if (m.kind === 'flip') return flip(valid, m.at, m.bits);
  if (m.kind === 'truncate') return valid.slice(0, Math.floor(m.fraction * valid.length));
  const changed = entries.map(([name, data]): [string, Uint8Array] => [name, data]);
  if (m.kind === 'json-field') {
    const config = JSON.parse(new TextDecoder().decode(changed[1][1]));
    const all = slots(config);
    const [container, key] = all[m.pick % all.length];
    (container as Record<string | number, unknown>)[key] = m.value;
    changed[1] = ['config.json', new TextEncoder().encode(JSON.stringify(config))];
  } else {
    const [name, data] = changed[m.entry];
    changed[m.entry] = [
      name,
      m.kind === 'entry-flip' ? flip(data, m.at, m.bits) : data.slice(0, Math.floor(m.fraction * data.length)),
    ];
  }
  return writeZip(changed);
}

const fuzzSeed = Number(process.env.STRATA_FUZZ_SEED ?? Date.now() % 2 ** 31);

describe('loading mutated .keras files', () => {
  it('either loads or throws a StrataError, quickly, without leaking tensors', async () => {
    // Files whose optimizer state no longer fits are loaded without it, with a warning (as Keras).
    const warn = jest.spyOn(console, 'warn').mockImplementation(() => undefined);
    const before = memory().numTensors;
    const outcomes = { loaded: 0, refused: 0 };
    await fc.assert(
      fc.asyncProperty(mutation, async (m) => {
        const bytes = apply(m);
        const started = Date.now();
        try {
          const model = await loadModel(bytes);
          outcomes.loaded++;
          model.dispose();
        } catch (e) {
          if (!(e instanceof StrataError))
            throw new Error(
              `${JSON.stringify(m).slice(0, 200)} raised a ${(e as Error)?.constructor?.name}, not a StrataError: ${(e as Error)?.message}`,
            );
          outcomes.refused++;
        }
        // A hang, not a slow machine: a 2-core CI runner under load takes well under a second per file.
        expect(Date.now() - started).toBeLessThan(10_000);
      }),
      // STRATA_FUZZ_RUNS=5000 runs a longer search, seeded by the clock or STRATA_FUZZ_SEED.
      process.env.STRATA_FUZZ_RUNS
        ? { numRuns: Number(process.env.STRATA_FUZZ_RUNS), seed: fuzzSeed }
        : { numRuns: 100, seed: 20261202 },
    );
    warn.mockRestore();
    if (process.env.STRATA_FUZZ_RUNS) console.log({ seed: fuzzSeed, ...outcomes });
    expect(outcomes.refused).toBeGreaterThan(30);
    expect(memory().numTensors).toBe(before);
  });
});
