import { setBackend, randomNormal, dispose, memory } from '@strata/tensor';
import { cpu } from '@strata/backend-cpu';
import { Dense, Concatenate } from '@strata/layers';
import { input } from '@strata/graph';
import { Functional, Sequential, type Model } from '@strata/models';
import { cloneModel } from './clone';
import { copyWeights, expectSamePredictions } from './testing';

beforeAll(async () => {
  await setBackend(cpu());
});

function dag(): Functional {
  const a = input({ shape: [3], name: 'ca' });
  const b = input({ shape: [3], name: 'cb' });
  const shared = new Dense({ units: 4, name: 'c_shared' });
  const out = new Dense({ units: 2, name: 'c_out' }).apply(
    new Concatenate({ name: 'c_join' }).apply([shared.apply(a), shared.apply(b)]),
  );
  return new Functional({ inputs: [a, b], outputs: out, name: 'c_dag' });
}

describe('cloneModel', () => {
  it('gives the same architecture with fresh weights, each shared layer cloned once', async () => {
    const before = memory().numTensors;
    const m = dag();
    const clone = cloneModel(m);
    expect(clone).not.toBe(m);
    expect(clone.layers.map((l) => l.name)).toEqual(m.layers.map((l) => l.name));
    expect(clone.weights.map((w) => [...w.shape])).toEqual(m.weights.map((w) => [...w.shape]));
    expect(clone.weights.some((w, i) => w === m.weights[i])).toBe(false);
    const xs = [randomNormal([2, 3], { seed: 1 }), randomNormal([2, 3], { seed: 2 })];
    // Fresh weights predict differently; given the original's weights, the same.
    await expect(expectSamePredictions(m, clone, xs)).rejects.toThrow(/output 0/);
    copyWeights(m, clone);
    await expectSamePredictions(m, clone, xs);
    clone.dispose();
    m.dispose();
    dispose(xs);
    expect(memory().numTensors).toBe(before);
  });

  it('calls cloneFunction once per layer (shared ones too), and can share layers by returning them', async () => {
    const m = dag();
    const calls: string[] = [];
    const c = cloneModel(m, { cloneFunction: (l) => (calls.push(l.name), l) });
    expect(calls).toEqual(['c_shared', 'c_join', 'c_out']);
    expect(c.weights.every((w, i) => w === m.weights[i])).toBe(true);
    const x = [randomNormal([2, 3], { seed: 3 }), randomNormal([2, 3], { seed: 4 })];
    await expectSamePredictions(m, c as Model, x);
    dispose(x);
    m.dispose();
  });

  it('clones a Sequential, nested models included', async () => {
    const inner = new Sequential([input({ shape: [3] }), new Dense({ units: 3 })], { name: 'inner_seq' });
    const m = new Sequential([input({ shape: [3] }), inner, new Dense({ units: 2 })]);
    const c = cloneModel(m);
    expect(c).toBeInstanceOf(Sequential);
    expect(c.layers[0]).toBeInstanceOf(Sequential);
    expect(c.layers[0]).not.toBe(inner);
    copyWeights(m, c);
    const x = randomNormal([2, 3], { seed: 5 });
    await expectSamePredictions(m, c, x);
    x.dispose();
    c.dispose();
    m.dispose();
  });
});
