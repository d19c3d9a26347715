/** @jest-environment ./packages/onnx/src/testing/ort-environment.cjs */
// The ops a subclassed model's call() (or a Lambda) may use, each through one export: ONNX Runtime
// against Strata on the same inputs (testing/op-cases.ts).
import { setBackend } from '@strata/tensor';
import { cpu } from '@strata/backend-cpu';
import { exportOnnx } from './index';
import { compareWithOrt, makeInputs } from './testing';
import { OP_CASES, oneOpModel } from './testing/op-cases';

beforeAll(async () => {
  await setBackend(cpu());
});

describe('the ops traced call() code uses: ONNX Runtime matches Strata', () => {
  for (const [name, fn] of Object.entries(OP_CASES)) {
    it(name, async () => {
      const model = oneOpModel(fn);
      const bytes = await exportOnnx(model);
      for (const batch of [1, 7]) {
        const inputs = makeInputs([{ shape: [3, 4] }], batch, 31);
        const { maxAbsDiff } = await compareWithOrt(model, bytes, inputs);
        for (const t of inputs) t.dispose();
        expect(maxAbsDiff).toBeLessThanOrEqual(1e-4);
      }
      model.dispose();
    });
  }
});
