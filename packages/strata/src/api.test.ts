// The public API's shape: every entry lists its names, nothing of a package's ./internal reaches the
// umbrella, and the umbrella's namespaces hold what Keras 3's hold (a spot-check whose Keras side is
// checked against Keras itself).
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { describeWithPython, runPython } from '../../../tools/python/oracle';
import * as strata from './index';
import { KERAS_SPOT_CHECK, kerasName, strataName } from './testing/keras-names';

const packages = resolve(__dirname, '../..');
const entries = readdirSync(packages).filter((dir) => existsSync(join(packages, dir, 'src/index.ts')));

/** Names that were internals of the old star-exported umbrella: none may come back. */
const INTERNAL_NAMES = [
  'engine',
  'Scratch',
  'composed',
  'composedKernels',
  'collectNodes',
  'rebuildGraph',
  'TENSOR_OP',
  'KERAS_TENSOR',
  'CONSTANT',
  'readEventFile',
  'readRecords',
  'defineOp',
  'runOp',
  'runOpMulti',
  'isSymbolic',
  'gradientRegistry',
  'rule',
  'ClassTable',
  'builtInLayerClasses',
  'builtInClasses',
  'resolveClass',
  'metricClasses',
  'lossClasses',
  'optimizerClasses',
  'scheduleClasses',
  'Trainer',
  'tfjsBackend',
  'nodeBuiltin',
  'opError',
  'fmtShape',
  'retain',
  'attachTo',
  'maskOf',
  'setMask',
  'execute',
  'Graph',
  'LayerNode',
  'holdGraph',
  'opDefByName',
  'graphConfig',
  'addOp',
  'matmulOp',
  'stopGradientOp',
  'decodeModel',
  'lazyLogs',
  'monitorMode',
  'wasmKernels',
  'toSnakeCase',
];

/** The umbrella's names: its own, and one level into each namespace ('ops.add'). */
function umbrellaNames(): Map<string, unknown> {
  const names = new Map<string, unknown>();
  for (const [name, value] of Object.entries(strata)) {
    names.set(name, value);
    const isNamespace = name === name.toLowerCase() && typeof value === 'object' && value !== null;
    if (isNamespace) for (const [inner, v] of Object.entries(value)) names.set(`${name}.${inner}`, v);
  }
  return names;
}

describe('the public API', () => {
  it('is listed by name in every src/index.ts: no export *', () => {
    const starred = entries.filter((dir) =>
      /^export\s+\*/m.test(readFileSync(join(packages, dir, 'src/index.ts'), 'utf8')),
    );
    expect(starred).toEqual([]);
  });

  it("keeps each package's ./internal names out of its public entry", async () => {
    const overlaps: string[] = [];
    for (const dir of entries) {
      const internalPath = join(packages, dir, 'src/internal.ts');
      if (!existsSync(internalPath)) continue;
      const publicNames = new Set(Object.keys(await import(join(packages, dir, 'src/index.ts'))));
      for (const name of Object.keys(await import(internalPath)))
        if (publicNames.has(name)) overlaps.push(`${dir}: ${name}`);
    }
    expect(overlaps).toEqual([]);
  });

  it('lets no known internal name into the umbrella, at the top or in a namespace', () => {
    const leaked = [...umbrellaNames().keys()].filter((name) => INTERNAL_NAMES.includes(name.split('.').pop()!));
    expect(leaked).toEqual([]);
  });

  it("lets no value of any package's ./internal into the umbrella, under any name", async () => {
    const internals = new Map<unknown, string>();
    for (const dir of entries) {
      const internalPath = join(packages, dir, 'src/internal.ts');
      if (!existsSync(internalPath)) continue;
      for (const [name, value] of Object.entries(await import(internalPath))) {
        // Strings and numbers may coincide by chance; only objects and functions have an identity.
        if ((typeof value === 'object' && value !== null) || typeof value === 'function') {
          internals.set(value, `@strata/${dir}/internal ${name}`);
        }
      }
    }
    expect(internals.size).toBeGreaterThan(200);
    const leaked = [...umbrellaNames()]
      .filter(([, value]) => internals.has(value))
      .map(([name, value]) => `${name} is ${internals.get(value)}`);
    expect(leaked).toEqual([]);
  });
});

describe("the umbrella's namespaces, against Keras 3's", () => {
  it.each(Object.keys(KERAS_SPOT_CHECK))("has Keras's names in '%s'", (namespace) => {
    let scope: Record<string, unknown> = strata;
    for (const part of namespace.split('.').filter(Boolean)) scope = scope[part] as Record<string, unknown>;
    const missing = KERAS_SPOT_CHECK[namespace].map(strataName).filter((name) => scope[name] === undefined);
    expect(missing).toEqual([]);
  });
});

describeWithPython('the Keras spot-check list, against Keras itself', ['keras'], () => {
  it('names only what Keras 3 has', () => {
    const wanted = Object.fromEntries(
      Object.entries(KERAS_SPOT_CHECK).map(([ns, names]) => [ns, names.map(kerasName)]),
    );
    const out = JSON.parse(runPython(join(__dirname, 'keras_names.py'), [], { input: JSON.stringify(wanted) }));
    expect(out.version).toMatch(/^3\./);
    expect(out.missing).toEqual({});
  });
});
