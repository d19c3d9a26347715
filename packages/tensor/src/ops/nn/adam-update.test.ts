import { setBackend } from '../../backends';
import { tensor } from '../../convert';
import { testCpuBackend } from '../../testing/test-backend';
import { expectNoLeak } from '../../testing/leaks';
import { adamUpdate } from './adam-update';

// The composed form (tfjs's cpu kernels with no fused one registered), against Adam's first step by
// hand: with m = v = 0, m' = 0.1·g and v' = 0.001·g², so w' = w - α·0.1g / (√0.001·|g| + ε).
beforeAll(async () => {
  await setBackend(testCpuBackend());
});

const attrs = { alpha: 0.01, beta1: 0.9, beta2: 0.999, epsilon: 1e-7 };

test('one step from zero moments, by hand', () => {
  const g = [0.5, -2, 0];
  const [w, m, v] = adamUpdate(tensor([1, 1, 1]), tensor(g), tensor([0, 0, 0]), tensor([0, 0, 0]), attrs);
  const want = g.map((x) => 1 - (0.01 * 0.1 * x) / (Math.sqrt(0.001) * Math.abs(x) + 1e-7));
  Array.from(w.dataSync()).forEach((x, i) => expect(x).toBeCloseTo(want[i], 6));
  Array.from(m.dataSync()).forEach((x, i) => expect(x).toBeCloseTo(0.1 * g[i], 7));
  Array.from(v.dataSync()).forEach((x, i) => expect(x).toBeCloseTo(0.001 * g[i] ** 2, 7));
  for (const t of [w, m, v]) t.dispose();
});

test('frees what it makes', () => {
  expectNoLeak(() => {
    const inputs = [tensor([1, 2]), tensor([0.1, 0.2]), tensor([0, 0]), tensor([0, 0])] as const;
    const out = adamUpdate(...inputs, attrs);
    for (const t of [...inputs, ...out]) t.dispose();
  });
});

test('refuses tensors of other shapes or dtypes, naming them', () => {
  expect(() => adamUpdate(tensor([1, 2]), tensor([1]), tensor([0, 0]), tensor([0, 0]), attrs)).toThrow(
    /w, g, m and v must have one shape, received w \[2\] and g \[1\]/,
  );
  expect(() =>
    adamUpdate(tensor([1, 2]), tensor([1, 2], undefined, 'int32'), tensor([0, 0]), tensor([0, 0]), attrs),
  ).toThrow(/g must be float32, received int32; cast it first/);
});
