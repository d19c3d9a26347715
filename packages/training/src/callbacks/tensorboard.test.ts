import { dispose, memory, tidy } from '@strata/tensor';
import { useCpu } from '../testing/setup';
import { TwoLayer, planeData } from '../testing/models';
import { SGD } from '../optimizers';
import { TensorBoard } from './tensorboard';
import { MemoryLogSink } from './tensorboard/event-file-writer';
import { readEventFile, type ReadEvent } from './tensorboard/read-events';
import { histogramBuckets } from './tensorboard/summaries';
import { frameRecord, maskedCrc32c, readRecords } from './tensorboard/tfrecord';

beforeAll(useCpu);

test('CRC-32C and its mask match the published check value and TensorFlow masking', () => {
  const bytes = new TextEncoder().encode('123456789');
  // CRC-32C("123456789") = 0xE3069283 (RFC 3720's check value); masked by hand:
  // rotate right 15 = 0x2507C60D, + 0xA282EAD8 = 0xC78AB0E5 (mod 2^32).
  expect(maskedCrc32c(bytes)).toBe(0xc78ab0e5);
});

test('TFRecord framing round-trips and rejects a flipped byte', () => {
  const a = new Uint8Array([1, 2, 3]);
  const b = new Uint8Array(300).map((_, i) => i % 251);
  const file = new Uint8Array([...frameRecord(a), ...frameRecord(b)]);
  expect(file.length).toBe(3 + 300 + 32);
  expect(readRecords(file).map((r) => Array.from(r))).toEqual([Array.from(a), Array.from(b)]);
  const broken = file.slice();
  broken[13] ^= 1;
  expect(() => readRecords(broken)).toThrow(/data CRC/);
  expect(() => readRecords(file.subarray(0, file.length - 2))).toThrow(/ends first/);
});

test('histogram buckets as tf.summary.histogram makes them (hand-computed)', () => {
  expect(histogramBuckets([0, 1, 2, 3, 4], 2)).toEqual([
    [0, 2, 2],
    [2, 4, 3],
  ]);
  expect(histogramBuckets([5, 5, 5], 3)).toEqual([
    [5, 5, 0],
    [5, 5, 0],
    [5, 5, 3],
  ]);
  expect(histogramBuckets([], 3)).toEqual([]);
});

function scalars(events: ReadEvent[], tag: string): [number, number][] {
  return events.flatMap((e) =>
    e.summaries.filter((s) => s.tag === tag).map((s) => [e.step, s.values[0] as number] as [number, number]),
  );
}

test('TensorBoard writes epoch and batch scalars, validation apart, and weight histograms', async () => {
  const [x, y] = planeData(32);
  const model = new TwoLayer();
  model.compile({ optimizer: new SGD({ learningRate: 0.1 }), loss: 'mse' });
  tidy(() => model.apply(x));
  const sink = new MemoryLogSink();
  const before = memory().numTensors;
  const history = await model.fit(x, y, {
    epochs: 2,
    batchSize: 8,
    validationSplit: 0.25,
    verbose: 0,
    callbacks: [new TensorBoard({ logDir: 'run/', sink, updateFreq: 2, histogramFreq: 1 })],
  });
  expect(memory().numTensors).toBe(before);
  const paths = [...sink.files.keys()].sort();
  expect(paths).toHaveLength(2);
  expect(paths[0]).toMatch(/^run\/train\/events\.out\.tfevents\.\d+\..+\.v2$/);
  expect(paths[1]).toMatch(/^run\/validation\/events\.out\.tfevents\./);
  const train = readEventFile(sink.files.get(paths[0])!);
  const validation = readEventFile(sink.files.get(paths[1])!);
  expect(train[0].fileVersion).toBe('brain.Event:2');
  // 24 training samples in batches of 8: 3 batches per epoch, 6 in all; every 2nd is written.
  expect(scalars(train, 'batch_loss').map(([step]) => step)).toEqual([2, 4, 6]);
  expect(scalars(train, 'epoch_loss').map(([s, v]) => [s, Math.fround(v)])).toEqual(
    history.loss!.map((v, i) => [i, Math.fround(v)]),
  );
  expect(scalars(validation, 'epoch_loss').map(([, v]) => v)).toEqual(history.val_loss!.map(Math.fround));
  expect(scalars(train, 'epoch_learning_rate').map(([, v]) => v)).toEqual([Math.fround(0.1), Math.fround(0.1)]);
  const histograms = train.flatMap((e) =>
    e.summaries.filter((s) => s.plugin === 'histograms').map((s) => ({ step: e.step, ...s })),
  );
  const weights = model.weightVariables;
  expect(histograms).toHaveLength(2 * weights.length);
  for (const h of histograms) {
    expect(h.shape).toEqual([30, 3]);
    const w = weights.find((v) => `${v.name}/histogram` === h.tag)!;
    expect(h.values.filter((_, i) => i % 3 === 2).reduce((a, b) => (a as number) + (b as number), 0)).toBe(w.size);
  }
  dispose([x, y]);
  model.dispose();
});

test('TensorBoard rejects bad options with the valid ones named', () => {
  expect(() => new TensorBoard({ updateFreq: 0 })).toThrow(
    /updateFreq must be 'epoch', 'batch' or a whole number > 0, received 0/,
  );
  expect(() => new TensorBoard({ histogramFreq: -1 })).toThrow(/histogramFreq/);
  expect(() => new TensorBoard({ logdir: 'x' } as never)).toThrow(/unknown option\(s\) logdir; the options are logDir/);
});
