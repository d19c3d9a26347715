import { join } from 'node:path';
import { readFileSync } from 'node:fs';
import { unzipSync } from 'fflate';
import { ModelFileError } from '../safety/errors';
import { isHdf5, readH5, writeH5 } from './h5-file';

const FIXTURE = join(__dirname, '..', '..', 'fixtures', 'keras', 'pre_pr22362_nested_container.keras');

describe('writeH5 / readH5', () => {
  it('round-trips groups, attributes and float32/int32/int64/bool datasets with their shapes', async () => {
    const bytes = await writeH5([
      { kind: 'group', path: 'vars', attrs: { name: 'root_model' } },
      { kind: 'group', path: 'layers/dense/vars', attrs: { name: 'd_0' } },
      {
        kind: 'dataset',
        path: 'layers/dense/vars/0',
        dtype: 'float32',
        shape: [2, 3],
        data: new Float32Array([1, 2, 3, 4, 5, 6.5]),
      },
      { kind: 'dataset', path: 'layers/dense/vars/1', dtype: 'int32', shape: [2], data: new Int32Array([-7, 9]) },
      { kind: 'dataset', path: 'optimizer/vars/0', dtype: 'int64', shape: [], data: new BigInt64Array([42n]) },
      { kind: 'dataset', path: 'flags', dtype: 'bool', shape: [3], data: new Uint8Array([1, 0, 1]) },
    ]);
    expect(isHdf5(bytes)).toBe(true);
    const read = await readH5(bytes, 'test file', (r) => ({
      root: r.keys('').sort(),
      kinds: [r.kind('layers'), r.kind('layers/dense/vars/0'), r.kind('missing'), r.kind('layers/dense/vars/0/below')],
      name: r.attr('layers/dense/vars', 'name'),
      rootName: r.attr('vars', 'name'),
      noAttr: r.attr('layers/dense', 'name'),
      info: r.info('layers/dense/vars/0'),
      kernel: Array.from(r.readNumbers('layers/dense/vars/0', 6)),
      ints: Array.from(r.readNumbers('layers/dense/vars/1', 10)),
      iterations: Array.from(r.readNumbers('optimizer/vars/0', 1)),
      iterationsInfo: r.info('optimizer/vars/0'),
      flags: Array.from(r.readNumbers('flags', 3)),
    }));
    expect(read).toEqual({
      root: ['flags', 'layers', 'optimizer', 'vars'],
      kinds: ['group', 'dataset', null, null],
      name: 'd_0',
      rootName: 'root_model',
      noAttr: null,
      info: { shape: [2, 3], size: 6, type: 'float32', numeric: true },
      kernel: [1, 2, 3, 4, 5, 6.5],
      ints: [-7, 9],
      iterations: [42],
      iterationsInfo: { shape: [], size: 1, type: 'int64', numeric: true },
      flags: [1, 0, 1],
    });
  });

  it('reads the weights file of a .keras archive that Keras 3.15 wrote', async () => {
    const h5 = unzipSync(readFileSync(FIXTURE))['model.weights.h5'];
    const read = await readH5(h5, 'fixture', (r) => ({
      layers: r.keys('layers'),
      name: r.attr('layers/dense/vars', 'name'),
      out: Array.from(r.readNumbers('layers/dense_3/vars/0', 8)),
      shape: r.info('layers/dense_3/vars/0').shape,
    }));
    expect(read).toEqual({
      layers: ['dense', 'dense_1', 'dense_2', 'dense_3'],
      name: 'd_0',
      out: Array(8).fill(0.5),
      shape: [4, 2],
    });
  });

  it('refuses a dataset larger than the caller expects before reading it', async () => {
    const bytes = await writeH5([
      { kind: 'dataset', path: 'big', dtype: 'float32', shape: [4, 4], data: new Float32Array(16) },
    ]);
    await expect(readH5(bytes, 'w.h5', (r) => r.readNumbers('big', 15))).rejects.toThrow(
      'w.h5: the dataset at "big" declares shape [4, 4] (16 elements), more than the 15 expected; the file does not belong to this model or is corrupted',
    );
  });

  it('names bytes that are not HDF5, and HDF5 files cut short, as such', async () => {
    await expect(readH5(new TextEncoder().encode('{"not": "hdf5"}'), 'model.weights.h5', () => 0)).rejects.toThrow(
      /model\.weights\.h5 is not an HDF5 file \(it does not start with the HDF5 signature .*; its first bytes are 7b 22 6e 6f 74 22 3a 20\)/,
    );
    const bytes = await writeH5([
      { kind: 'dataset', path: 'a/b', dtype: 'float32', shape: [300], data: new Float32Array(300) },
    ]);
    const cut = readH5(bytes.subarray(0, 600), 'cut.h5', (r) => r.readNumbers('a/b', 300));
    await expect(cut).rejects.toThrow(ModelFileError);
    await expect(cut).rejects.toThrow(/^cut\.h5 is a broken HDF5 file/);
  });

  it('refuses to write a dataset whose values do not fill its shape', async () => {
    await expect(
      writeH5([{ kind: 'dataset', path: 'x', dtype: 'float32', shape: [2, 2], data: new Float32Array(3) }]),
    ).rejects.toThrow('writeH5: dataset "x" has shape [2, 2] (4 elements) but 3 values were given');
  });
});
