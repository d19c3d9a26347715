import * as tfc from '@tensorflow/tfjs-core';
import '@tensorflow/tfjs-backend-cpu';
import { tfjsBackend, type Backend, type TensorInfo } from '../backend';
import { composed, composedMulti } from './scratch';

describe('composed', () => {
  let backend: Backend;
  let dataIds: () => number;
  let x: TensorInfo;
  const read = (t: TensorInfo) => Array.from(backend.tf.readSync(t.dataId) as Float32Array);

  beforeAll(async () => {
    await tfc.setBackend('cpu');
    backend = await tfjsBackend({ name: 'cpu' }).create();
    dataIds = () => backend.tf.numDataIds();
  });
  beforeEach(() => {
    x = { dataId: backend.tf.write(Float32Array.of(1, -2, 3), [3], 'float32'), shape: [3], dtype: 'float32' };
  });
  afterEach(() => {
    backend.tf.disposeData(x.dataId);
  });

  it('frees every intermediate but the result', () => {
    const before = dataIds();
    const out = composed(backend, (s) => s.run('Abs', { x: s.run('Neg', { x: s.run('Square', { x }) }) }));
    expect(read(out)).toEqual([1, 4, 9]);
    expect(dataIds()).toBe(before + 1);
    backend.tf.disposeData(out.dataId);
    expect(dataIds()).toBe(before);
  });

  it('frees them when the body throws', () => {
    const before = dataIds();
    expect(() =>
      composed(backend, (s) => {
        s.run('Square', { x });
        s.scalar(2, 'float32');
        throw new Error('boom');
      }),
    ).toThrow('boom');
    expect(dataIds()).toBe(before);
  });

  it('returns a reference of its own for an input, so the caller may free it and the input alike', () => {
    const out = composed(backend, (s) => s.cast(s.reshape(x, [3]), 'float32'));
    expect(out).not.toBe(x);
    backend.tf.disposeData(out.dataId);
    expect(read(x)).toEqual([1, -2, 3]);
  });

  it('gives each of several results its own reference, even when one is returned twice', () => {
    const before = dataIds();
    const outs = composedMulti(backend, (s) => {
      const y = s.run('Abs', { x });
      return [y, y, x];
    });
    expect(new Set(outs).size).toBe(3);
    expect(outs.map(read)).toEqual([
      [1, 2, 3],
      [1, 2, 3],
      [1, -2, 3],
    ]);
    for (const o of outs) backend.tf.disposeData(o.dataId);
    expect(dataIds()).toBe(before);
  });
});
