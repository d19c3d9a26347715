// Runs every example's main() on small data, a few seconds each on 2 cores: the examples are
// documentation that must keep working, and each must clean up after itself.
import { memory } from '@strata/tensor';
import { main as multiIo } from './functional-multi-io';
import { main as featureExtraction } from './functional-feature-extraction';
import { main as subclassed } from './subclassed-model';
import { main as inceptionResnet } from './inception-resnet';
import { main as captioning } from './image-captioning';
import { main as article } from './article';

const quiet = () => {};

test('functional-multi-io: a two-input, two-output model trains', async () => {
  const before = memory().numTensors;
  const { firstLoss, lastLoss, accuracy, model } = await multiIo({ samples: 16, steps: 15, log: quiet });
  expect(lastLoss).toBeLessThan(firstLoss);
  expect(accuracy).toBeGreaterThan(0.4);
  model.dispose();
  expect(memory().numTensors).toBe(before);
});

test('functional-feature-extraction: a head trains on a frozen extractor cut from a base model, then everything is fine-tuned', async () => {
  const before = memory().numTensors;
  const { baseAccuracy, transferAccuracy, unchanged, fineTuned, tunedAccuracy } = await featureExtraction({
    samples: 64,
    steps: 40,
    log: quiet,
  });
  expect(baseAccuracy).toBeGreaterThan(0.9);
  expect(transferAccuracy).toBeGreaterThan(0.8);
  expect(unchanged).toBe(true);
  expect(fineTuned).toBe(true);
  expect(tunedAccuracy).toBeGreaterThan(0.8);
  expect(memory().numTensors).toBe(before);
});

test('subclassed-model: an imperative model trains, then serves as a layer of a functional one', async () => {
  const before = memory().numTensors;
  const { firstLoss, lastLoss, accuracy } = await subclassed({ samples: 64, steps: 30, log: quiet });
  expect(lastLoss).toBeLessThan(firstLoss);
  expect(accuracy).toBeGreaterThan(0.6);
  expect(memory().numTensors).toBe(before);
});

test('inception-resnet: a DAG of two Inception-ResNet blocks trains with compile/fit', async () => {
  const before = memory().numTensors;
  const { firstLoss, lastLoss, accuracy, model } = await inceptionResnet({
    samples: 16,
    epochs: 6,
    size: 4,
    log: quiet,
  });
  expect(lastLoss).toBeLessThan(firstLoss);
  expect(accuracy).toBeGreaterThan(0.7);
  // 2 blocks of 6 branch convolutions + a projection, a stem, a classifier; the scale is an op node.
  expect(model.layers.filter((l) => l.name.startsWith('block')).length).toBe(2 * 10);
  expect(model.graph!.nodes.filter((n) => n.kind === 'op').map((n) => model.graph!.nameOf(n))).toEqual([
    'mul',
    'mul_1',
  ]);
  model.dispose();
  expect(memory().numTensors).toBe(before);
});

test('image-captioning: a subclassed encoder + RNN decoder learns to caption, word by word', async () => {
  const before = memory().numTensors;
  const { firstLoss, lastLoss, exact, model } = await captioning({ samples: 6, steps: 20, log: quiet });
  expect(lastLoss).toBeLessThan(firstLoss / 4);
  expect(exact).toBeGreaterThan(0.8);
  // The traced call() connects the encoder to the decoder's initial state.
  const decoder = model.graph!.nodes.find((n) => model.graph!.nameOf(n) === 'decoder')!;
  expect(decoder.inputs.map((x) => x.name)).toEqual(['words', 'encoder']);
  model.dispose();
  expect(memory().numTensors).toBe(before);
});

test("article: the article's symbolic examples (Sequential + fit, the ticket classifier, feature extraction)", async () => {
  const before = memory().numTensors;
  const { sequential, tickets, base, extractor, featureShapes } = await article({ samples: 8, epochs: 1, log: quiet });
  expect(sequential.countParams()).toBe(784 * 512 + 512 + 512 * 10 + 10);
  expect(tickets.outputNames).toEqual(['priority', 'department']);
  expect(featureShapes).toEqual([
    [2, 16, 16, 8],
    [2, 8, 8, 8],
    [2, 8, 8, 16],
    [2, 4, 4, 16],
    [2, 256],
    [2, 10],
  ]);
  expect(extractor.getLayer('block2_conv')).toBe(base.getLayer('block2_conv'));
  for (const m of [sequential, tickets, extractor, base]) m.dispose();
  expect(memory().numTensors).toBe(before);
});
