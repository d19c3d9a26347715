import { dropout, ones, randomNormal, randomUniform, setBackend, setRandomSeed } from './index';
import { freshSeed } from './internal';
import { testCpuBackend } from './testing/test-backend';

beforeAll(async () => {
  await setBackend(testCpuBackend());
});
afterAll(() => setRandomSeed(process.env.STRATA_TEST_SEED ?? 1));

describe('setRandomSeed', () => {
  it('makes unseeded random ops, dropout and fresh seeds repeat', () => {
    const draw = () => {
      const a = randomNormal([5]);
      const b = randomUniform([3], { minval: -1, maxval: 1 });
      const c = dropout(ones([8]), 0.5);
      const values = [...a.dataSync(), ...b.dataSync(), ...c.dataSync(), freshSeed()];
      [a, b, c].forEach((t) => t.dispose());
      return values;
    };
    setRandomSeed(7);
    const first = draw();
    setRandomSeed(7);
    expect(draw()).toEqual(first);
    setRandomSeed('7'); // a seed is its text: 7 and '7' are the same seed
    expect(draw()).toEqual(first);
    setRandomSeed(8);
    expect(draw()).not.toEqual(first);
  });

  it('leaves an explicit seed alone', () => {
    setRandomSeed(1);
    const a = randomNormal([4], { seed: 3 });
    setRandomSeed(2);
    const b = randomNormal([4], { seed: 3 });
    expect(Array.from(b.dataSync())).toEqual(Array.from(a.dataSync()));
    [a, b].forEach((t) => t.dispose());
  });

  it('null goes back to unseeded draws', () => {
    setRandomSeed(null);
    expect(freshSeed()).not.toBe(freshSeed());
  });

  it('refuses a seed that is not a number, a string or null', () => {
    expect(() => setRandomSeed({} as never)).toThrow(
      /setRandomSeed.*seed must be a number, a string or null, received \{\}/,
    );
  });
});
