/** @jest-environment ./packages/onnx/src/testing/ort-environment.cjs */
// Its own file: ONNX Runtime needs Node's typed arrays in the test realm (see ort-environment.cjs).
import { memory, setBackend } from '@strata/tensor';
import { cpu } from '@strata/backend-cpu';
import { main } from './onnx-export';

test('onnx-export: a model trained in Strata runs in ONNX Runtime with the same predictions', async () => {
  await setBackend(cpu());
  const before = memory().numTensors;
  const { accuracy, maxAbsDiff, inputName, outputName } = await main({ samples: 128, epochs: 6, log: () => {} });
  // Chance is 0.25; initial weights are not seeded, so on this little data the margin is kept wide.
  expect(accuracy).toBeGreaterThan(0.8);
  expect(maxAbsDiff).toBeLessThanOrEqual(1e-4);
  expect([inputName, outputName]).toEqual(['image', 'corner']);
  expect(memory().numTensors).toBe(before);
});
