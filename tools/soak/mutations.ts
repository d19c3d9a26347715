// Seeded mutations of a valid model file, after serialization's mutation.property.test.ts: bit flips,
// truncations, a JSON field replaced by arbitrary JSON (or deleted), an entry or file dropped or
// extended. A case is a list of [file name, bytes]: a .keras archive alone, or a TF.js folder's files.
import fc from 'fast-check';
import { unzipSync, zipSync } from 'fflate';

export type Files = [string, Uint8Array][];

type Mutation =
  | { kind: 'flip'; file: number; at: number[]; bits: number[] }
  | { kind: 'truncate'; file: number; fraction: number }
  | { kind: 'extend'; file: number; bytes: number[] }
  | { kind: 'drop'; file: number }
  | { kind: 'json-field'; file: number; pick: number; value: unknown }
  | { kind: 'json-delete'; file: number; pick: number };

/** Where a mutation applies: the archive's bytes, one of its entries, or one file of a folder. */
type Target = 'archive' | 'part';
type Case = { target: Target; mutation: Mutation };

const positions = fc.array(fc.double({ min: 0, max: 1, maxExcluded: true, noNaN: true }), {
  minLength: 1,
  maxLength: 8,
});
const bits = fc.array(fc.integer({ min: 0, max: 7 }), { minLength: 8, maxLength: 8 });
const fraction = fc.double({ min: 0, max: 1, noNaN: true });
const file = fc.nat();
// Values that probe the loader's limits as well as arbitrary JSON.
const hostile = fc.constantFrom(
  -1,
  0,
  0.5,
  2 ** 31,
  2 ** 40,
  1e308,
  -1e308,
  'NoSuchLayer',
  '../../x',
  '/etc/passwd',
  'float64',
  'int64',
  null,
  true,
  [],
  {},
  [2 ** 31, 2 ** 31],
  [-1],
  '__lambda__',
);
const mutation: fc.Arbitrary<Mutation> = fc.oneof(
  fc.record({ kind: fc.constant('flip' as const), file, at: positions, bits }),
  fc.record({ kind: fc.constant('truncate' as const), file, fraction }),
  fc.record({
    kind: fc.constant('extend' as const),
    file,
    bytes: fc.array(fc.integer({ min: 0, max: 255 }), { minLength: 1, maxLength: 64 }),
  }),
  fc.record({ kind: fc.constant('drop' as const), file }),
  fc.record({
    kind: fc.constant('json-field' as const),
    file,
    pick: fc.nat(),
    value: fc.oneof(fc.jsonValue({ maxDepth: 2 }), hostile),
  }),
  fc.record({ kind: fc.constant('json-delete' as const), file, pick: fc.nat() }),
);
// JSON edits weigh most: they reach the config checks, where a structural flip mostly stops at a checksum.
const weighted = fc.oneof(
  { arbitrary: mutation, weight: 1 },
  { arbitrary: mutation.filter((m) => m.kind.startsWith('json')), weight: 2 },
);

function flip(bytes: Uint8Array, at: number[], bitList: number[]): Uint8Array {
  const out = bytes.slice();
  at.forEach((p, i) => {
    if (out.length) out[Math.floor(p * out.length)] ^= 1 << bitList[i];
  });
  return out;
}

/** Every [container, key] of a JSON value, to pick one to replace or delete. */
function slots(x: unknown, out: [Record<string, unknown> | unknown[], string | number][] = []): typeof out {
  if (Array.isArray(x)) x.forEach((v, i) => (out.push([x, i]), slots(v, out)));
  else if (x && typeof x === 'object')
    for (const [k, v] of Object.entries(x)) out.push([x as Record<string, unknown>, k]), slots(v, out);
  return out;
}

function mutateBytes(bytes: Uint8Array, m: Mutation): Uint8Array | null {
  if (m.kind === 'flip') return flip(bytes, m.at, m.bits);
  if (m.kind === 'truncate') return bytes.slice(0, Math.floor(m.fraction * bytes.length));
  if (m.kind === 'extend') return new Uint8Array([...bytes, ...m.bytes]);
  if (m.kind === 'drop') return null;
  const json = JSON.parse(new TextDecoder().decode(bytes));
  const all = slots(json);
  if (all.length === 0) return bytes;
  const [container, key] = all[m.pick % all.length];
  if (m.kind === 'json-field') (container as Record<string | number, unknown>)[key] = m.value;
  else if (Array.isArray(container)) container.splice(key as number, 1);
  else delete container[key];
  return new TextEncoder().encode(JSON.stringify(json));
}

/** Applies a case to a valid file: a JSON edit goes to a JSON part, the rest to any part (or the whole archive). */
function apply(format: 'keras' | 'tfjs', valid: Files, c: Case): Files {
  const m = c.mutation;
  if (format === 'keras' && c.target === 'archive' && !m.kind.startsWith('json') && m.kind !== 'drop') {
    return [[valid[0][0], mutateBytes(valid[0][1], m)!]];
  }
  const parts: Files = format === 'keras' ? Object.entries(unzipSync(valid[0][1])) : valid.map(([n, b]) => [n, b]);
  const candidates = parts.map((_, i) => i).filter((i) => !m.kind.startsWith('json') || parts[i][0].endsWith('.json'));
  const at = candidates[m.file % candidates.length];
  const changed = mutateBytes(parts[at][1], m);
  const next: Files = parts.flatMap(([n, b], i): Files => (i !== at ? [[n, b]] : changed ? [[n, changed]] : []));
  // Stored, as Keras writes archives.
  return format === 'keras' ? [[valid[0][0], zipSync(Object.fromEntries(next), { level: 0 })]] : next;
}

/** `count` mutated copies of `valid`, the same for the same seed. */
export function mutatedCases(
  format: 'keras' | 'tfjs',
  valid: Files,
  count: number,
  seed: number,
): { label: string; files: () => Files }[] {
  const target = fc.constantFrom<Target>('archive', 'part');
  const cases = fc.sample(fc.record({ target, mutation: weighted }), { seed, numRuns: count });
  return cases.map((c) => ({ label: JSON.stringify(c).slice(0, 160), files: () => apply(format, valid, c) }));
}
