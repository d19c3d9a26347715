import { dispose, memory, randomNormal, randomUniform, tensor, tidy } from '@strata/tensor';
import { GroupNormalization, type GroupNormalizationArgs } from './group-normalization';
import { runLayerTest } from '../../testing';
import { describeOnBackends, expectClose, traceShape } from '../../testing/layer-oracle';

/** Group normalization by plain loops over the flat data: the reference no op here computes. */
function reference(
  data: ArrayLike<number>,
  shape: number[],
  axis: number,
  groups: number,
  epsilon: number,
  gamma: ArrayLike<number>,
  beta: ArrayLike<number>,
): number[] {
  const channelAxis = axis < 0 ? axis + shape.length : axis;
  const channels = shape[channelAxis];
  const inner = shape.slice(channelAxis + 1).reduce((a, b) => a * b, 1);
  const perBatch = data.length / shape[0];
  const slot = (i: number) => {
    const channel = Math.floor(i / inner) % channels;
    return { channel, key: Math.floor(i / perBatch) * groups + Math.floor(channel / (channels / groups)) };
  };
  const sums = new Map<number, { n: number; total: number; squares: number }>();
  const add = (key: number, f: (s: { n: number; total: number; squares: number }) => void) => {
    if (!sums.has(key)) sums.set(key, { n: 0, total: 0, squares: 0 });
    f(sums.get(key)!);
  };
  for (let i = 0; i < data.length; i++) add(slot(i).key, (s) => ((s.n += 1), (s.total += data[i])));
  const meanOf = (key: number) => sums.get(key)!.total / sums.get(key)!.n;
  for (let i = 0; i < data.length; i++) add(slot(i).key, (s) => (s.squares += (data[i] - meanOf(slot(i).key)) ** 2));
  return Array.from(data, (v, i) => {
    const { channel, key } = slot(i);
    const s = sums.get(key)!;
    return ((v - meanOf(key)) / Math.sqrt(s.squares / s.n + epsilon)) * gamma[channel] + beta[channel];
  });
}

describeOnBackends('GroupNormalization', () => {
  test('passes runLayerTest', async () => {
    await runLayerTest(GroupNormalization, {
      options: { groups: 2 },
      inputShape: [2, 3, 4],
      expectedOutputShape: [2, 3, 4],
      expectedTrainableWeights: 2,
    });
    await runLayerTest(GroupNormalization, {
      options: { groups: -1, center: false },
      inputShape: [2, 3, 3, 2],
      expectedTrainableWeights: 1,
    });
    await runLayerTest(GroupNormalization, {
      options: { groups: 3, axis: 1, scale: false },
      inputShape: [2, 6, 5],
      expectedTrainableWeights: 1,
    });
    await runLayerTest(GroupNormalization, { options: { groups: 1 }, inputShape: [3, 4], expectedTrainableWeights: 2 });
  });

  test.each<[GroupNormalizationArgs, number[]]>([
    [{ groups: 2 }, [2, 5, 4]],
    [{ groups: 4, epsilon: 0.1 }, [2, 3, 3, 8]],
    [{ groups: -1 }, [2, 4, 3]],
    [{ groups: 3, axis: 1 }, [2, 6, 2, 3]],
    [{ groups: 2, axis: -2 }, [3, 4, 5]],
    [{ groups: 1, center: false }, [4, 6]],
  ])('matches a hand-computed reference (%j on %j)', async (options, shape) => {
    const layer = new GroupNormalization(options);
    const x = randomUniform(shape, { minval: -3, maxval: 7, seed: 4 });
    tidy(() => {
      layer.apply(x);
    });
    tidy(() => layer.setWeights(layer.weights.map((w, i) => randomNormal(w.shape, { seed: 30 + i }))));
    const y = layer.apply(x);
    const channels = shape[(options.axis ?? -1) < 0 ? shape.length + (options.axis ?? -1) : options.axis!];
    const gamma = layer.gamma ? await layer.gamma.data() : new Array(channels).fill(1);
    const beta = layer.beta ? await layer.beta.data() : new Array(channels).fill(0);
    const groups = options.groups === -1 ? channels : options.groups!;
    await expectClose(
      y,
      reference(await x.data(), shape, options.axis ?? -1, groups, options.epsilon ?? 1e-3, gamma, beta),
      1e-4,
    );
    dispose([x, y]);
    layer.dispose();
  });

  test('options and inputs are checked', () => {
    const before = memory().numTensors;
    expect(() => new GroupNormalization({ groups: 0 })).toThrow(
      'GroupNormalization: groups must be a positive integer, or -1 for one group per channel, received 0',
    );
    expect(() => new GroupNormalization({ groups: 2.5 })).toThrow(
      'GroupNormalization: groups must be an integer, received 2.5',
    );
    const layer = new GroupNormalization({ groups: 4, name: 'gn_bad' });
    expect(() => tidy(() => layer.apply(tensor([[1, 2, 3, 4, 5, 6]])))).toThrow(
      'Layer "gn_bad": groups=4 must divide the 6 channels of the input (shape [1,6]); pick a divisor of 6, or -1 for one group per channel',
    );
    const batchAxis = new GroupNormalization({ groups: 1, axis: 0, name: 'gn_batch' });
    expect(() => tidy(() => batchAxis.apply(tensor([[1, 2]])))).toThrow(/axis 0 is the batch axis/);
    // The default of 32 groups needs at least 32 channels, as in Keras.
    expect(() => tidy(() => new GroupNormalization().apply(tensor([[1, 2]])))).toThrow(
      /groups=32 must divide the 2 channels/,
    );
    layer.dispose();
    batchAxis.dispose();
    expect(memory().numTensors).toBe(before);
  });

  test('traces with unknown batch and spatial sizes', () => {
    const last = new GroupNormalization({ groups: 4 });
    expect(traceShape(last, [null, null, null, 8])).toEqual([null, null, null, 8]);
    const first = new GroupNormalization({ groups: 3, axis: 1 });
    expect(traceShape(first, [null, 6, null])).toEqual([null, 6, null]);
    last.dispose();
    first.dispose();
  });
});
