/** @jest-environment ./packages/onnx/src/testing/ort-environment.cjs */
import { setBackend, memory } from '@strata/tensor';
import { cpu } from '@strata/backend-cpu';
import { exportOnnx } from './index';
import { compareWithOrt, makeInputs, randomizeWeights } from './testing';
import { randomArchitectures } from './testing/random-architectures';
import { ARCHITECTURE_SEED } from './testing/seeds';

beforeAll(async () => {
  await setBackend(cpu());
});

const TOLERANCE = 1e-4;

describe('random architectures (seeded): ONNX Runtime matches Strata at batch 1 and 7', () => {
  const cases = randomArchitectures(36, ARCHITECTURE_SEED);
  const worst: { name: string; diff: number }[] = [];
  afterAll(() => {
    worst.sort((a, b) => b.diff - a.diff);
    console.log(
      `largest differences: ${worst
        .slice(0, 3)
        .map((w) => `${w.name} ${w.diff.toExponential(2)}`)
        .join(', ')}`,
    );
  });
  it('covers every style and input kind', () => {
    const names = cases.map((c) => c.name);
    for (const style of ['sequential', 'functional', 'subclassed'])
      expect(names.some((n) => n.includes(style))).toBe(true);
    for (const kind of ['vector', 'image', 'sequence']) expect(names.some((n) => n.endsWith(kind))).toBe(true);
  });
  for (const [i, c] of cases.entries()) {
    it(c.name, async () => {
      const model = c.build();
      randomizeWeights(model, 500 + i);
      const before = memory().numTensors;
      const bytes = await exportOnnx(model);
      expect(memory().numTensors).toBe(before);
      let diff = 0;
      for (const batch of [1, 7]) {
        const inputs = makeInputs(c.inputs, batch, 900 + i);
        const { maxAbsDiff } = await compareWithOrt(model, bytes, inputs);
        for (const t of inputs) t.dispose();
        diff = Math.max(diff, maxAbsDiff);
      }
      worst.push({ name: c.name, diff });
      expect(diff).toBeLessThanOrEqual(TOLERANCE);
      model.dispose();
    });
  }
});
