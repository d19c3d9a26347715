// The Pix2Pix example, shortened: two models, two optimizers, one custom loop.
import { memory, setBackend } from '@strata/tensor';
import { cpu } from '@strata/backend-cpu';
import { main } from './gan';

test('the tiny Pix2Pix learns to fill in rectangles and frees everything', async () => {
  await setBackend(cpu());
  const before = memory().numTensors;
  const { firstL1, lastL1 } = await main({ steps: 40, log: () => {} });
  expect(lastL1).toBeLessThan(firstL1 / 4);
  expect(memory().numTensors).toBe(before);
});
