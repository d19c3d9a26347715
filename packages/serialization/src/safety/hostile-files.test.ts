import { zipSync } from 'fflate';
import { StrataError, memory } from '@strata/tensor';
import { Dense, Lambda, clearSession, registerLambda, unregisterLambda } from '@strata/layers';
import { input } from '@strata/graph';
import { Sequential } from '@strata/models';
import { useCpu } from '../testing/keras-models';
import { loadH5wasm } from '../h5/h5wasm-loader';
import { writeH5 } from '../h5/h5-file';
import { loadModel } from '../files';
import { saveModel } from '../files';
import { extractZipEntry, listZip, writeZip } from '../zip/zip';
import { ModelFileError } from './errors';

beforeAll(useCpu);

function mlp(): Sequential {
  clearSession();
  return new Sequential([input({ shape: [3] }), new Dense({ units: 4 }), new Dense({ units: 2 })], { name: 'victim' });
}

let valid: Uint8Array;
beforeAll(async () => {
  const m = mlp();
  valid = await saveModel(m);
  m.dispose();
});

const text = (x: unknown) => new TextEncoder().encode(typeof x === 'string' ? x : JSON.stringify(x));

function entriesOf(bytes: Uint8Array): Map<string, Uint8Array> {
  return new Map(listZip(bytes, 'x', 10).map((e) => [e.name, extractZipEntry(bytes, e, 'x', 1e8)]));
}

/** The valid archive with some entries replaced (a well-formed zip around broken contents). */
function withEntries(replace: Record<string, Uint8Array | null>): Uint8Array {
  const entries = entriesOf(valid);
  for (const [name, data] of Object.entries(replace)) {
    if (data === null) entries.delete(name);
    else entries.set(name, data);
  }
  return writeZip([...entries]);
}

function config(): Record<string, any> {
  return JSON.parse(new TextDecoder().decode(entriesOf(valid).get('config.json')!));
}

/** Rejects with a ModelFileError or another StrataError whose message matches. */
async function refuses(bytes: Uint8Array, message: RegExp | string, options = {}): Promise<void> {
  const before = memory().numTensors;
  const error = await loadModel(bytes, options).then(
    () => null,
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(StrataError);
  expect((error as Error).message).toMatch(message);
  expect(memory().numTensors).toBe(before);
}

describe('hostile and broken .keras files get a clear error', () => {
  it('malformed JSON, or JSON that is not a config', async () => {
    await refuses(
      withEntries({ 'config.json': text('{"class_name": "Sequential", ') }),
      /^the model file: config\.json is not valid JSON \(/,
    );
    await refuses(
      withEntries({ 'config.json': text([1, 2]) }),
      "the model file: config.json must hold a JSON object (the model's config), found an array",
    );
    await refuses(withEntries({ 'config.json': new Uint8Array([0xff, 0xfe, 0x00]) }), 'config.json is not UTF-8 text');
  });

  it('an unknown class', async () => {
    const c = config();
    c.config.layers[1].class_name = 'NoSuchLayer';
    await refuses(withEntries({ 'config.json': text(c) }), /NoSuchLayer/);
  });

  it('missing entries, and weights that are not HDF5', async () => {
    await refuses(
      withEntries({ 'model.weights.h5': null }),
      'the model file has no model.weights.h5 (it holds metadata.json, config.json)',
    );
    await refuses(
      withEntries({ 'model.weights.h5': text('PK not hdf5 at all') }),
      /model\.weights\.h5 is not an HDF5 file/,
    );
  });

  it('truncated weights', async () => {
    const h5 = entriesOf(valid).get('model.weights.h5')!;
    await refuses(
      withEntries({ 'model.weights.h5': h5.subarray(0, Math.floor(h5.length / 2)) }),
      /model\.weights\.h5 is a broken HDF5 file/,
    );
  });

  it('shapes that disagree with the config', async () => {
    const c = config();
    c.config.layers[1].config.units = 5;
    await refuses(
      withEntries({ 'config.json': text(c) }),
      'weight "kernel" of layer "dense" (Dense) has shape [3,5], but the file holds shape [3,4] at "layers/dense/vars/0"',
    );
  });

  it('a weight count that disagrees: a missing bias, an extra dataset, an extra layer', async () => {
    const c = config();
    c.config.layers[1].config.use_bias = false;
    await refuses(
      withEntries({ 'config.json': text(c) }),
      'layer "dense" (Dense) (kernel [3,4]) expects 1 variable(s), but the file holds 2 at "layers/dense/vars" (0, 1)',
    );
    const extra = await writeH5([
      { kind: 'group', path: 'vars' },
      ...[4, 2].flatMap((units, i): Parameters<typeof writeH5>[0] => {
        const p = `layers/dense${i ? '_1' : ''}/vars`;
        const inDim = i ? 4 : 3;
        return [
          {
            kind: 'dataset',
            path: `${p}/0`,
            dtype: 'float32',
            shape: [inDim, units],
            data: new Float32Array(inDim * units),
          },
          { kind: 'dataset', path: `${p}/1`, dtype: 'float32', shape: [units], data: new Float32Array(units) },
        ];
      }),
      { kind: 'dataset', path: 'layers/dense_2/vars/0', dtype: 'float32', shape: [1], data: new Float32Array(1) },
    ]);
    await refuses(
      withEntries({ 'model.weights.h5': extra }),
      'the file holds weights at "layers/dense_2/vars" that no layer of model "victim" has',
    );
  });

  it('a declared shape of 2^40 elements is refused without reading it', async () => {
    const h5 = await loadH5wasm();
    const file = new h5.File('/huge.h5', 'w');
    file.create_group('vars');
    for (const g of ['layers', 'layers/dense', 'layers/dense/vars', 'layers/dense_1', 'layers/dense_1/vars'])
      file.create_group(g);
    const huge = file.create_dataset({
      name: 'layers/dense/vars/0',
      data: new Float32Array(1),
      shape: [1, 1],
      maxshape: [null, null],
      chunks: [1, 1],
      dtype: '<f',
    });
    huge.resize([2 ** 20, 2 ** 20]);
    file.create_dataset({ name: 'layers/dense/vars/1', data: new Float32Array(4), shape: [4], dtype: '<f' });
    file.create_dataset({ name: 'layers/dense_1/vars/0', data: new Float32Array(8), shape: [4, 2], dtype: '<f' });
    file.create_dataset({ name: 'layers/dense_1/vars/1', data: new Float32Array(2), shape: [2], dtype: '<f' });
    file.close();
    const bytes = h5.FS!.readFile('/huge.h5');
    h5.FS!.unlink('/huge.h5');
    expect(bytes.length).toBeLessThan(100_000);
    await refuses(
      withEntries({ 'model.weights.h5': bytes }),
      'has shape [3,4], but the file holds shape [1048576,1048576] at "layers/dense/vars/0"',
    );
  });

  it('a config that declares enormous layers is refused before anything is built', async () => {
    const c = config();
    c.config.layers[1].config.units = 2 ** 40;
    await refuses(
      withEntries({ 'config.json': text(c) }),
      /config\.json: a size of 1099511627776 is declared, more than the limit of 16777216 per dimension; the file is corrupted or hostile \(raise limits\.maxDimension if it is trusted\) \(at config\.layers\[1\]\.config\.units\)/,
    );
  });

  it('oversized entries, against the limits', async () => {
    await refuses(valid, /entry "model\.weights\.h5" declares \d+ bytes uncompressed, more than the limit of 1000/, {
      limits: { maxWeightsBytes: 1000 },
    });
    await refuses(valid, /entry "config\.json" declares \d+ bytes uncompressed, more than the limit of 10 /, {
      limits: { maxJsonBytes: 10 },
    });
    await refuses(valid, 'limits.maxWeightsBytes must be a non-negative integer, received -1', {
      limits: { maxWeightsBytes: -1 },
    });
    await refuses(
      valid,
      'limits: unknown limit "maxBytes"; the limits are maxJsonBytes, maxWeightsBytes, maxZipEntries, maxDimension',
      { limits: { maxBytes: 5 } },
    );
  });

  it('a zip bomb, declaring its size or lying about it', async () => {
    const bomb = zipSync({
      'config.json': [new Uint8Array(5_000_000), { level: 9 }],
      'model.weights.h5': new Uint8Array(1),
    });
    await refuses(bomb, 'entry "config.json" declares 5000000 bytes uncompressed, more than the limit of 4000000', {
      limits: { maxJsonBytes: 4_000_000 },
    });
    const liar = bomb.slice();
    const view = new DataView(liar.buffer);
    const entry = listZip(liar, 'x', 10)[0];
    for (let i = 0; i < liar.length - 46; i++) {
      if (view.getUint32(i, true) === 0x02014b50 && view.getUint32(i + 42, true) === entry.localHeaderOffset)
        view.setUint32(i + 24, 1000, true);
    }
    await refuses(
      liar,
      'entry "config.json" inflates to more than the 1000 bytes it declares; the archive is corrupted or a zip bomb',
    );
  });

  it('zip entries named outside the archive', async () => {
    const entries = entriesOf(valid);
    const evil = zipSync({ ...Object.fromEntries(entries), '../../etc/cron.d/x': text('* * * * * boom') });
    await refuses(
      evil,
      `the archive entry name "../../etc/cron.d/x" contains a '..' component; refusing an archive that names files outside itself`,
    );
    await refuses(
      zipSync({ ...Object.fromEntries(entries), '/abs': text('x') }),
      'the archive entry name "/abs" is an absolute path',
    );
  });

  it('Lambda layers: Python code is refused always; safe mode wants a registered name', async () => {
    const c = config();
    const lambda = (fn: unknown) => ({
      module: 'keras.layers',
      class_name: 'Lambda',
      config: { name: 'lam', trainable: true, function: fn },
      registered_name: null,
    });
    c.config.layers.splice(
      2,
      0,
      lambda({ class_name: '__lambda__', config: { code: '4wEAAAAAAAAA', defaults: null, closure: null } }),
    );
    await refuses(
      withEntries({ 'config.json': text(c) }),
      /config\.json: the config holds Python code \(a Keras lambda\), which Strata never evaluates/,
    );
    await refuses(withEntries({ 'config.json': text(c) }), /Python code/, { safeMode: false });
    c.config.layers[2] = lambda({ some: 'object' });
    await refuses(
      withEntries({ 'config.json': text(c) }),
      /safe mode refuses this Lambda layer: its function is \{"some":"object"\}, not the name of a registered function/,
    );
  });

  it('a Lambda naming a registered function loads', async () => {
    registerLambda('double_it', (x) => x);
    try {
      clearSession();
      const m = new Sequential([input({ shape: [3] }), new Dense({ units: 2 }), new Lambda({ function: 'double_it' })]);
      const loaded = await loadModel(await saveModel(m));
      expect(loaded.layers.map((l) => l.constructor.name)).toEqual(['Dense', 'Lambda']);
      for (const x of [m, loaded]) x.dispose();
    } finally {
      unregisterLambda('double_it');
    }
    const error = await loadModel(valid.slice(0, 100)).catch((e) => e);
    expect(error).toBeInstanceOf(ModelFileError);
  });
});
