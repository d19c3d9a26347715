import { setBackend, memory } from '@strata/tensor';
import { cpu } from '@strata/backend-cpu';
import { wasm } from '@strata/backend-wasm';
import {
  getInitializer,
  initializers,
  computeFans,
  type Initializer,
  Zeros,
  Ones,
  Constant,
  RandomNormal,
  RandomUniform,
  TruncatedNormal,
  VarianceScaling,
  GlorotUniform,
  GlorotNormal,
  HeUniform,
  HeNormal,
  LecunUniform,
  LecunNormal,
  IdentityInitializer as Identity,
  Orthogonal,
} from './index';
import { serialize } from '../serializable';
import { useCpuBackend } from '../testing/core-layer-oracle';

useCpuBackend();

async function sample(init: Initializer, shape: number[]): Promise<Float32Array> {
  const before = memory().numTensors;
  const t = init.call(shape);
  expect(t.shape).toEqual(shape);
  expect(t.dtype).toBe('float32');
  const values = (await t.data()) as Float32Array;
  t.dispose();
  expect(memory().numTensors).toBe(before);
  return values;
}

function stats(values: ArrayLike<number>): { mean: number; variance: number; maxAbs: number } {
  let mean = 0;
  let maxAbs = 0;
  for (let i = 0; i < values.length; i++) {
    mean += values[i] / values.length;
    maxAbs = Math.max(maxAbs, Math.abs(values[i]));
  }
  let variance = 0;
  for (let i = 0; i < values.length; i++) variance += (values[i] - mean) ** 2 / values.length;
  return { mean, variance, maxAbs };
}

describe('variance scaling initializers follow their formulas (statistically)', () => {
  // [initializer, shape, expected variance, bound on |value| (null: unbounded)]
  const glorotLimit = Math.sqrt(6 / (200 + 300));
  const truncated = (variance: number) => (2 * Math.sqrt(variance)) / 0.8796256610342398;
  const cases: [string, Initializer, number[], number, number | null][] = [
    ['GlorotUniform', new GlorotUniform({ seed: 1 }), [200, 300], 2 / 500, glorotLimit],
    ['GlorotNormal', new GlorotNormal({ seed: 2 }), [200, 300], 2 / 500, truncated(2 / 500)],
    ['HeUniform', new HeUniform({ seed: 3 }), [300, 200], 2 / 300, Math.sqrt(6 / 300)],
    ['HeNormal', new HeNormal({ seed: 4 }), [300, 200], 2 / 300, truncated(2 / 300)],
    ['LecunUniform', new LecunUniform({ seed: 5 }), [300, 200], 1 / 300, Math.sqrt(3 / 300)],
    ['LecunNormal', new LecunNormal({ seed: 6 }), [300, 200], 1 / 300, truncated(1 / 300)],
    [
      'GlorotUniform on a conv kernel',
      new GlorotUniform({ seed: 7 }),
      [3, 3, 64, 32],
      2 / (576 + 288),
      Math.sqrt(6 / (576 + 288)),
    ],
    ['HeNormal on a conv kernel', new HeNormal({ seed: 8 }), [3, 3, 64, 32], 2 / 576, truncated(2 / 576)],
    [
      'VarianceScaling fan_out untruncated',
      new VarianceScaling({ scale: 3, mode: 'fan_out', distribution: 'untruncated_normal', seed: 9 }),
      [100, 400],
      3 / 400,
      null,
    ],
    [
      'VarianceScaling fan_avg uniform',
      new VarianceScaling({ scale: 0.5, mode: 'fan_avg', distribution: 'uniform', seed: 10 }),
      [100, 400],
      0.5 / 250,
      Math.sqrt(1.5 / 250),
    ],
  ];

  test.each(cases)('%s', async (_name, init, shape, variance, bound) => {
    const s = stats(await sample(init, shape));
    expect(Math.abs(s.mean)).toBeLessThan(4 * Math.sqrt(variance / shape.reduce((a, b) => a * b, 1)));
    expect(Math.abs(s.variance / variance - 1)).toBeLessThan(0.04);
    if (bound !== null) expect(s.maxAbs).toBeLessThanOrEqual(bound * (1 + 1e-6));
    else expect(s.maxAbs).toBeGreaterThan(3 * Math.sqrt(variance)); // untruncated: the tails are there
  });

  test('fans count a kernel’s receptive field, as Keras', () => {
    expect(computeFans([])).toEqual([1, 1]);
    expect(computeFans([7])).toEqual([7, 7]);
    expect(computeFans([3, 5])).toEqual([3, 5]);
    expect(computeFans([3, 3, 16, 32])).toEqual([144, 288]);
    expect(computeFans([2, 3, 3, 4, 8])).toEqual([72, 144]);
  });
});

describe('basic and random initializers', () => {
  test('Zeros, Ones, Constant', async () => {
    expect(Array.from(await sample(new Zeros(), [2, 2]))).toEqual([0, 0, 0, 0]);
    expect(Array.from(await sample(new Ones(), [3]))).toEqual([1, 1, 1]);
    expect(Array.from(await sample(new Constant({ value: 2.5 }), [2]))).toEqual([2.5, 2.5]);
    const ints = new Ones().call([2], 'int32');
    expect(ints.dtype).toBe('int32');
    ints.dispose();
  });

  test('RandomNormal, RandomUniform and TruncatedNormal have their moments and bounds', async () => {
    const n = stats(await sample(new RandomNormal({ mean: 1, stddev: 0.5, seed: 1 }), [200, 200]));
    expect(Math.abs(n.mean - 1)).toBeLessThan(0.01);
    expect(Math.abs(Math.sqrt(n.variance) - 0.5)).toBeLessThan(0.01);
    const u = await sample(new RandomUniform({ minval: -2, maxval: 3, seed: 2 }), [200, 200]);
    expect(Math.min(...u)).toBeGreaterThanOrEqual(-2);
    expect(Math.max(...u)).toBeLessThan(3);
    expect(Math.abs(stats(u).mean - 0.5)).toBeLessThan(0.03);
    const t = stats(await sample(new TruncatedNormal({ stddev: 2, seed: 3 }), [200, 200]));
    expect(t.maxAbs).toBeLessThanOrEqual(4);
    expect(Math.abs(Math.sqrt(t.variance) - 2 * 0.8796256610342398)).toBeLessThan(0.03);
    expect(new RandomUniform().getConfig()).toEqual({ minval: -0.05, maxval: 0.05, seed: null });
    expect(new RandomNormal().getConfig()).toEqual({ mean: 0, stddev: 0.05, seed: null });
  });

  test('Identity is gain times the (rectangular) identity, 2-D only', async () => {
    expect(Array.from(await sample(new Identity({ gain: 2 }), [2, 3]))).toEqual([2, 0, 0, 0, 2, 0]);
    expect(Array.from(await sample(new Identity(), [3, 2]))).toEqual([1, 0, 0, 1, 0, 0]);
    expect(() => new Identity().call([2, 2, 2])).toThrow(
      'Identity initializer: expected a 2-D shape, received [2,2,2]',
    );
  });
});

describe('Orthogonal', () => {
  /** The Gram matrix of the rows (or of the columns) of a row-major rows×cols matrix. */
  function gram(values: ArrayLike<number>, rows: number, cols: number, ofRows: boolean): number[][] {
    const n = ofRows ? rows : cols;
    const len = ofRows ? cols : rows;
    const at = (i: number, k: number) => (ofRows ? values[i * cols + k] : values[k * cols + i]);
    return Array.from({ length: n }, (_, i) =>
      Array.from({ length: n }, (_, j) =>
        Array.from({ length: len }, (_, k) => at(i, k) * at(j, k)).reduce((a, b) => a + b, 0),
      ),
    );
  }

  test.each([
    [[4, 6], 1],
    [[6, 4], 1],
    [[5, 5], 1],
    [[3, 3, 4, 8], 1],
    [[8, 3], 2],
  ])('shape %j, gain %s: rows or columns are orthogonal with norm gain', async (shape, gain) => {
    const values = await sample(new Orthogonal({ gain, seed: 4 }), shape);
    const cols = shape[shape.length - 1];
    const rows = values.length / cols;
    const g = gram(values, rows, cols, rows <= cols);
    g.forEach((row, i) => row.forEach((v, j) => expect(v).toBeCloseTo(i === j ? gain * gain : 0, 5)));
  });

  test('explains shapes it cannot fill', () => {
    expect(() => new Orthogonal().call([5])).toThrow(
      'Orthogonal initializer: expected a shape of rank 2 or more, received [5]',
    );
  });
});

describe('seeds', () => {
  const seeded: Initializer[] = [
    new RandomNormal({ seed: 1 }),
    new RandomUniform({ seed: 1 }),
    new TruncatedNormal({ seed: 1 }),
    new VarianceScaling({ seed: 1 }),
    new GlorotUniform({ seed: 1 }),
    new HeNormal({ seed: 1 }),
    new Orthogonal({ seed: 1 }),
  ];

  test.each(seeded.map((i) => [serialize(i).className, i] as const))(
    '%s gives the same values at every call and on cpu and wasm',
    async (_name, init) => {
      await setBackend(cpu());
      const first = Array.from(await sample(init, [6, 5]));
      expect(Array.from(await sample(init, [6, 5]))).toEqual(first);
      await setBackend(wasm());
      expect(Array.from(await sample(init, [6, 5]))).toEqual(first);
      await setBackend(cpu());
    },
  );

  test('without a seed, each call draws anew', async () => {
    const init = new GlorotUniform();
    expect(Array.from(await sample(init, [4, 4]))).not.toEqual(Array.from(await sample(init, [4, 4])));
  });
});

describe('configs and names', () => {
  const all: Initializer[] = [
    new Zeros(),
    new Ones(),
    new Constant({ value: 3 }),
    new RandomNormal({ mean: 1, stddev: 2, seed: 3 }),
    new RandomUniform({ minval: -1, maxval: 1, seed: 'x' }),
    new TruncatedNormal({ stddev: 0.1 }),
    new VarianceScaling({ scale: 2, mode: 'fan_avg', distribution: 'uniform', seed: 5 }),
    new GlorotUniform({ seed: 1 }),
    new GlorotNormal(),
    new HeUniform(),
    new HeNormal({ seed: 2 }),
    new LecunUniform(),
    new LecunNormal(),
    new Identity({ gain: 0.5 }),
    new Orthogonal({ gain: 2, seed: 7 }),
  ];

  test('every built-in is registered and its config round-trips through JSON', () => {
    expect(new Set([...initializers.classes.values()]).size).toBe(all.length);
    for (const init of all) {
      const saved = JSON.parse(JSON.stringify(serialize(init)));
      const again = getInitializer(saved);
      expect(again).toBeInstanceOf(init.constructor);
      expect(serialize(again)).toEqual(saved);
    }
    expect(serialize(new GlorotUniform({ seed: 3 }))).toEqual({ className: 'GlorotUniform', config: { seed: 3 } });
  });

  test('names resolve in any casing, with Keras aliases, or as {className, config}', () => {
    for (const name of ['glorot_uniform', 'glorotUniform', 'GlorotUniform'])
      expect(getInitializer(name)).toBeInstanceOf(GlorotUniform);
    expect(getInitializer('he_normal')).toBeInstanceOf(HeNormal);
    expect(getInitializer('uniform')).toBeInstanceOf(RandomUniform);
    expect(getInitializer('normal')).toBeInstanceOf(RandomNormal);
    expect(getInitializer('zero')).toBeInstanceOf(Zeros);
    expect(getInitializer('IdentityInitializer')).toBeInstanceOf(Identity);
    expect(getInitializer({ className: 'VarianceScaling', config: { scale: 2, mode: 'fan_out' } }).getConfig()).toEqual(
      { scale: 2, mode: 'fan_out', distribution: 'truncated_normal', seed: null },
    );
    const instance = new Ones();
    expect(getInitializer(instance)).toBe(instance);
  });

  test('unknown names and bad options fail clearly', () => {
    expect(() => getInitializer('glorot')).toThrow(
      /^unknown initializer "glorot"; expected one of Zeros, Ones, Constant, .*GlorotUniform.*, an instance, or \{className, config\}$/,
    );
    expect(() => getInitializer({ className: 'Xavier', config: {} })).toThrow(/unknown initializer "Xavier"/);
    expect(() => new VarianceScaling({ scale: 0 })).toThrow('VarianceScaling: scale must be positive, received 0');
    expect(() => new VarianceScaling({ mode: 'fan_sum' as never })).toThrow(
      `VarianceScaling: mode must be 'fan_in', 'fan_out' or 'fan_avg', received "fan_sum"`,
    );
    expect(() => new VarianceScaling({ distribution: 'normal' as never })).toThrow(
      `VarianceScaling: distribution must be 'truncated_normal', 'untruncated_normal' or 'uniform', received "normal"`,
    );
  });
});
