import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { Dense, clearSession, type Layer } from '@strata/layers';
import { input } from '@strata/graph';
import { Sequential } from '@strata/models';
import { Adam } from '@strata/training';
import { readH5, type H5Reader } from '../h5/h5-file';
import { extractZipEntry, listZip } from '../zip/zip';
import { functionalModel, sequentialModel, useCpu } from '../testing/keras-models';
import { encodeKerasArchive } from './archive';

beforeAll(useCpu);

// What verify_h5py.py (Python's zipfile + json + h5py, the readers Keras 3's saving_lib uses) printed
// for the archives Strata wrote for these three models. To record it again:
//   STRATA_KERAS_SAMPLES=/tmp/k npx jest packages/serialization/src/keras/keras-compat.test.ts
//   /usr/bin/python3 packages/serialization/src/keras/verify_h5py.py /tmp/k/sequential.keras
const H5PY_SEQUENTIAL = `
zip: metadata.json stored
zip: config.json stored
zip: model.weights.h5 stored
zip: crc ok
config: module=keras class_name=Sequential registered_name=None
config: keys=['build_config', 'class_name', 'compile_config', 'config', 'module', 'registered_name']
metadata: keys=['date_saved', 'keras_version', 'strata_format'] keras_version=3.15.0
h5: /layers/
h5: /layers/batch_normalization/
h5: /layers/batch_normalization/vars/ {'name': 'batch_normalization'}
h5: /layers/batch_normalization/vars/0 float32 (3,)
h5: /layers/batch_normalization/vars/1 float32 (3,)
h5: /layers/batch_normalization/vars/2 float32 (3,)
h5: /layers/batch_normalization/vars/3 float32 (3,)
h5: /layers/conv2d/
h5: /layers/conv2d/vars/ {'name': 'conv2d'}
h5: /layers/conv2d/vars/0 float32 (3, 3, 2, 3)
h5: /layers/conv2d/vars/1 float32 (3,)
h5: /layers/dense/
h5: /layers/dense/vars/ {'name': 'dense_1'}
h5: /layers/dense/vars/0 float32 (4, 2)
h5: /layers/dense/vars/1 float32 (2,)
h5: /layers/dropout/
h5: /layers/dropout/vars/ {'name': 'dropout'}
h5: /layers/flatten/
h5: /layers/flatten/vars/ {'name': 'flatten'}
h5: /layers/max_pooling2d/
h5: /layers/max_pooling2d/vars/ {'name': 'max_pooling2d'}
h5: /layers/sequential/
h5: /layers/sequential/layers/
h5: /layers/sequential/layers/dense/
h5: /layers/sequential/layers/dense/vars/ {'name': 'dense'}
h5: /layers/sequential/layers/dense/vars/0 float32 (12, 4)
h5: /layers/sequential/layers/dense/vars/1 float32 (4,)
h5: /layers/sequential/vars/ {'name': 'inner'}
h5: /vars/ {'name': 'seq_model'}
keras walk: 9 vars groups derived from config.json
problems: none
`;
const H5PY_FUNCTIONAL = `
zip: metadata.json stored
zip: config.json stored
zip: model.weights.h5 stored
zip: crc ok
config: module=keras.src.models.functional class_name=Functional registered_name=Functional
config: keys=['build_config', 'class_name', 'compile_config', 'config', 'module', 'registered_name']
metadata: keys=['date_saved', 'keras_version', 'strata_format'] keras_version=3.15.0
h5: /layers/
h5: /layers/add/
h5: /layers/add/vars/ {'name': 'add'}
h5: /layers/batch_normalization/
h5: /layers/batch_normalization/vars/ {'name': 'batch_normalization'}
h5: /layers/batch_normalization/vars/0 float32 (6,)
h5: /layers/batch_normalization/vars/1 float32 (6,)
h5: /layers/batch_normalization/vars/2 float32 (6,)
h5: /layers/batch_normalization/vars/3 float32 (6,)
h5: /layers/concatenate/
h5: /layers/concatenate/vars/ {'name': 'concatenate'}
h5: /layers/dense/
h5: /layers/dense/vars/ {'name': 'hidden'}
h5: /layers/dense/vars/0 float32 (6, 6)
h5: /layers/dense/vars/1 float32 (6,)
h5: /layers/dense_1/
h5: /layers/dense_1/vars/ {'name': 'out'}
h5: /layers/dense_1/vars/0 float32 (6, 2)
h5: /layers/dense_1/vars/1 float32 (2,)
h5: /layers/embedding/
h5: /layers/embedding/vars/ {'name': 'embedding'}
h5: /layers/embedding/vars/0 float32 (20, 4)
h5: /layers/gru/
h5: /layers/gru/cell/
h5: /layers/gru/cell/vars/ {'name': 'gru_cell'}
h5: /layers/gru/cell/vars/0 float32 (4, 9)
h5: /layers/gru/cell/vars/1 float32 (3, 9)
h5: /layers/gru/cell/vars/2 float32 (2, 9)
h5: /layers/gru/vars/ {'name': 'gru'}
h5: /layers/input_layer/
h5: /layers/input_layer/vars/ {'name': 'tokens'}
h5: /layers/input_layer_1/
h5: /layers/input_layer_1/vars/ {'name': 'seq'}
h5: /layers/lstm/
h5: /layers/lstm/cell/
h5: /layers/lstm/cell/vars/ {'name': 'lstm_cell'}
h5: /layers/lstm/cell/vars/0 float32 (4, 12)
h5: /layers/lstm/cell/vars/1 float32 (3, 12)
h5: /layers/lstm/cell/vars/2 float32 (12,)
h5: /layers/lstm/vars/ {'name': 'lstm'}
h5: /vars/ {'name': 'func_model'}
keras walk: 13 vars groups derived from config.json
problems: none
`;

const H5PY_COMPILED = `
zip: metadata.json stored
zip: config.json stored
zip: model.weights.h5 stored
zip: crc ok
config: module=keras class_name=Sequential registered_name=None
config: keys=['build_config', 'class_name', 'compile_config', 'config', 'module', 'registered_name']
metadata: keys=['date_saved', 'keras_version', 'strata_format'] keras_version=3.15.0
h5: /layers/
h5: /layers/dense/
h5: /layers/dense/vars/ {'name': 'dense'}
h5: /layers/dense/vars/0 float32 (3, 4)
h5: /layers/dense/vars/1 float32 (4,)
h5: /layers/dense_1/
h5: /layers/dense_1/vars/ {'name': 'dense_1'}
h5: /layers/dense_1/vars/0 float32 (4, 2)
h5: /layers/dense_1/vars/1 float32 (2,)
h5: /optimizer/
h5: /optimizer/vars/ {'name': 'adam'}
h5: /optimizer/vars/0 int64 ()
h5: /optimizer/vars/1 float32 ()
h5: /optimizer/vars/2 float32 (3, 4)
h5: /optimizer/vars/3 float32 (3, 4)
h5: /optimizer/vars/4 float32 (4,)
h5: /optimizer/vars/5 float32 (4,)
h5: /optimizer/vars/6 float32 (4, 2)
h5: /optimizer/vars/7 float32 (4, 2)
h5: /optimizer/vars/8 float32 (2,)
h5: /optimizer/vars/9 float32 (2,)
h5: /vars/ {'name': 'compiled'}
keras walk: 3 vars groups derived from config.json
problems: none
`;

/** A compiled model whose Adam has its moments: optimizer/vars as Keras 3 lists optimizer.variables. */
function compiledModel(): Sequential {
  clearSession();
  const model = new Sequential([input({ shape: [3] }), new Dense({ units: 4 }), new Dense({ units: 2 })], {
    name: 'compiled',
  });
  model.compile({ optimizer: new Adam({ learningRate: 0.01, name: 'adam' }), loss: 'mse', metrics: ['mae'] });
  model.optimizer!.build(model.trainableWeights);
  return model;
}

const pyTuple = (shape: readonly number[]) => (shape.length === 1 ? `(${shape[0]},)` : `(${shape.join(', ')})`);
const pyList = (xs: readonly string[]) => `[${xs.map((x) => `'${x}'`).join(', ')}]`;
const pyValue = (x: unknown) => (x === null || x === undefined ? 'None' : String(x));

/** The listing verify_h5py.py prints, made with Strata's own zip and HDF5 readers. */
async function strataListing(bytes: Uint8Array): Promise<string> {
  const lines: string[] = [];
  const entries = listZip(bytes, 'archive', 10);
  for (const e of entries) lines.push(`zip: ${e.name} ${e.method === 0 ? 'stored' : 'deflated'}`);
  const read = (name: string) => extractZipEntry(bytes, entries.find((e) => e.name === name)!, 'archive', 1e8);
  lines.push('zip: crc ok'); // extractZipEntry checks each entry's CRC-32
  const config = JSON.parse(new TextDecoder().decode(read('config.json')));
  const metadata = JSON.parse(new TextDecoder().decode(read('metadata.json')));
  lines.push(
    `config: module=${pyValue(config.module)} class_name=${pyValue(config.class_name)} registered_name=${pyValue(config.registered_name)}`,
  );
  lines.push(`config: keys=${pyList(Object.keys(config).sort())}`);
  lines.push(`metadata: keys=${pyList(Object.keys(metadata).sort())} keras_version=${metadata.keras_version}`);
  const problems: string[] = [];
  await readH5(read('model.weights.h5'), 'weights', (r: H5Reader) => {
    const walk = (path: string) => {
      for (const key of r.keys(path).sort()) {
        const child = path ? `${path}/${key}` : key;
        if (r.kind(child) === 'dataset') {
          const info = r.info(child);
          lines.push(`h5: /${child} ${info.type} ${pyTuple(info.shape)}`);
          continue;
        }
        const name = r.attr(child, 'name');
        lines.push(`h5: /${child}/${name === null ? '' : ` {'name': '${name}'}`}`);
        const keys = r.keys(child);
        if (key === 'vars' && keys.some((_, i) => !keys.includes(String(i)))) problems.push(`/${child} holds ${keys}`);
        walk(child);
      }
    };
    walk('');
  });
  lines.push(`problems: ${problems.length ? problems.join('; ') : 'none'}`);
  return lines.join('\n');
}

async function check(make: () => Layer, name: string, recorded: string): Promise<void> {
  const model = make();
  const bytes = await encodeKerasArchive(model);
  model.dispose();
  const dir = process.env.STRATA_KERAS_SAMPLES;
  if (dir) {
    mkdirSync(dir, { recursive: true });
    writeFileSync(join(dir, `${name}.keras`), bytes);
  }
  // "keras walk" is Python's own check (where Keras would look for each layer's variables, derived
  // from config.json alone); the rest of the listing, which it checked, must stay the same.
  const lines = recorded.trim().split('\n');
  expect(lines).toContainEqual(expect.stringMatching(/^keras walk: \d+ vars groups derived from config\.json$/));
  expect(lines[lines.length - 1]).toBe('problems: none');
  expect(await strataListing(bytes)).toBe(lines.filter((l) => !l.startsWith('keras walk:')).join('\n'));
}

describe('files Strata writes, as Python h5py and zipfile read them', () => {
  it('a Sequential (Conv2D, MaxPooling2D, BatchNormalization, Flatten, Dropout, nested Sequential, Dense)', async () => {
    await check(sequentialModel, 'sequential', H5PY_SEQUENTIAL);
  });
  it('a compiled Sequential: Adam state under optimizer/vars (iterations int64, learning_rate, then momentum/velocity per weight)', async () => {
    await check(compiledModel, 'compiled', H5PY_COMPILED);
  });
  it('a Functional (two InputLayers, Embedding, LSTM, GRU, Concatenate, Dense, Add, BatchNormalization)', async () => {
    await check(functionalModel, 'functional', H5PY_FUNCTIONAL);
  });
});
