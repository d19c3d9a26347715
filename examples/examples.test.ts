// Runs every example's main() on small data: the examples are documentation that must keep working.
import { memory } from '@strata/tensor';
import { main as multiIo } from './functional-multi-io';

const quiet = () => {};

test('functional-multi-io: a two-input, two-output model trains', async () => {
  const { firstLoss, lastLoss, accuracy, model } = await multiIo({ samples: 96, steps: 40, log: quiet });
  expect(lastLoss).toBeLessThan(firstLoss);
  expect(accuracy).toBeGreaterThan(0.5);
  const before = memory().numTensors;
  model.dispose();
  expect(memory().numTensors).toBeLessThan(before);
});
