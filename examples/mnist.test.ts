// The MNIST demo on a slice of the data, so it keeps working (the full run is `pnpm demo`).
import { memory } from '@strata/tensor';
import { main, loadMnist } from './mnist';

test('the digits load the same way every run: 8,500 train and 1,500 held out, every digit in both', () => {
  const { train, test } = loadMnist();
  expect([train.y.length, test.y.length]).toEqual([8500, 1500]);
  expect(new Set(test.y).size).toBe(10);
  expect(Array.from(test.y.slice(0, 20))).toEqual(Array.from(loadMnist().test.y.slice(0, 20)));
  expect(train.x.length).toBe(8500 * 784);
});

test('an MLP trains on 1,000 digits and classifies held-out ones, leaving no tensor behind', async () => {
  const before = memory().numTensors;
  const lines: string[] = [];
  const { testAccuracy, backend } = await main({
    backend: 'wasm',
    model: 'mlp',
    trainSamples: 1000,
    epochs: 2,
    verbose: 0,
    log: (l) => lines.push(l),
  });
  expect(backend).toBe('wasm');
  expect(testAccuracy).toBeGreaterThan(0.8);
  expect(lines.join('\n')).toMatch(
    /Model: "mnist_mlp"[\s\S]*Total params: 535,818[\s\S]*Held-out accuracy: \d+\.\d\d%/,
  );
  expect(memory().numTensors).toBe(before);
});
