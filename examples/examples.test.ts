// Runs every example's main() on small data: the examples are documentation that must keep working,
// and each must clean up after itself.
import { memory } from '@strata/tensor';
import { main as multiIo } from './functional-multi-io';
import { main as featureExtraction } from './functional-feature-extraction';
import { main as subclassed } from './subclassed-model';

const quiet = () => {};

test('functional-multi-io: a two-input, two-output model trains', async () => {
  const before = memory().numTensors;
  const { firstLoss, lastLoss, accuracy, model } = await multiIo({ samples: 64, steps: 30, log: quiet });
  expect(lastLoss).toBeLessThan(firstLoss);
  expect(accuracy).toBeGreaterThan(0.4);
  model.dispose();
  expect(memory().numTensors).toBe(before);
});

test('functional-feature-extraction: a head trains on a frozen extractor cut from a base model', async () => {
  const before = memory().numTensors;
  const { baseAccuracy, transferAccuracy, unchanged } = await featureExtraction({ samples: 64, steps: 40, log: quiet });
  expect(baseAccuracy).toBeGreaterThan(0.9);
  expect(transferAccuracy).toBeGreaterThan(0.8);
  expect(unchanged).toBe(true);
  expect(memory().numTensors).toBe(before);
});

test('subclassed-model: an imperative model trains, then serves as a layer of a functional one', async () => {
  const before = memory().numTensors;
  const { firstLoss, lastLoss, accuracy } = await subclassed({ samples: 64, steps: 30, log: quiet });
  expect(lastLoss).toBeLessThan(firstLoss);
  expect(accuracy).toBeGreaterThan(0.6);
  expect(memory().numTensors).toBe(before);
});
