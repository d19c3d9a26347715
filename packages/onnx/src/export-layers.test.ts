/** @jest-environment ./packages/onnx/src/testing/ort-environment.cjs */
import { setBackend, memory } from '@strata/tensor';
import { cpu } from '@strata/backend-cpu';
import { exportOnnx } from './index';
import { compareWithOrt, makeInputs, randomizeWeights } from './testing';
import { LAYER_CASES } from './testing/layer-cases';

beforeAll(async () => {
  await setBackend(cpu());
});

const TOLERANCE = 1e-4;

describe('every exportable layer alone: ONNX Runtime matches Strata at batch 1 and 7', () => {
  for (const [i, c] of LAYER_CASES.entries()) {
    it(c.name, async () => {
      const model = c.build();
      randomizeWeights(model, i + 1);
      const before = memory().numTensors;
      const bytes = await exportOnnx(model);
      expect(memory().numTensors).toBe(before);
      for (const batch of [1, 7]) {
        const inputs = makeInputs(c.inputs, batch, 100 + i);
        const { maxAbsDiff } = await compareWithOrt(model, bytes, inputs);
        for (const t of inputs) t.dispose();
        expect(maxAbsDiff).toBeLessThanOrEqual(TOLERANCE);
      }
      model.dispose();
    });
  }
});
