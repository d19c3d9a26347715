import * as tfl from '@tensorflow/tfjs-layers';
import * as tfc from '@tensorflow/tfjs-core';
import { setBackend, dispose, randomNormal } from '@strata/tensor';
import { cpu } from '@strata/backend-cpu';
import { GlobalAveragePooling1D } from './global-average-pooling1d';
import { runLayerTest } from '../../testing';
import { expectClose, expectMatchesTfjs, strataBackends } from '../../testing/spatial-layer-oracle';

beforeAll(async () => {
  await tfc.setBackend('cpu');
  await setBackend(cpu());
});

test('GlobalAveragePooling1D passes runLayerTest', async () => {
  await runLayerTest(GlobalAveragePooling1D, {
    options: {},
    inputShape: [2, 5, 3],
    expectedOutputShape: [2, 3],
    expectedTrainableWeights: 0,
  });
  await runLayerTest(GlobalAveragePooling1D, {
    options: { keepdims: true },
    inputShape: [2, 5, 3],
    expectedOutputShape: [2, 1, 3],
  });
  await runLayerTest(GlobalAveragePooling1D, {
    options: { dataFormat: 'channels_first', keepdims: true },
    inputShape: [2, 3, 5],
    expectedOutputShape: [2, 3, 1],
  });
});

test('GlobalAveragePooling1D matches tfjs-layers on cpu and wasm', async () => {
  await expectMatchesTfjs({
    make: () => new GlobalAveragePooling1D(),
    reference: () => tfl.layers.globalAveragePooling1d({}),
    inputShape: [2, 5, 3],
  });
});

// tfjs-layers has no keepdims and no dataFormat for 1-D global pooling: the reference is tfjs's mean reduction.
test('GlobalAveragePooling1D keepdims and channels_first match tfjs mean, on cpu and wasm', async () => {
  for (const factory of strataBackends()) {
    await setBackend(factory);
    const x = randomNormal([2, 5, 3], { seed: 6 });
    const tx = tfc.tensor(await x.data(), [...x.shape]);
    for (const [options, axes] of [
      [{ keepdims: true }, 1],
      [{ dataFormat: 'channels_first' }, 2],
      [{ dataFormat: 'channels_first', keepdims: true }, 2],
    ] as const) {
      const layer = new GlobalAveragePooling1D(options as never);
      const y = layer.apply(x);
      const want = tfc.mean(tx, typeof axes === 'number' ? axes : [...axes], 'keepdims' in options);
      expect(y.shape).toEqual(want.shape);
      expectClose(
        `GlobalAveragePooling1D ${JSON.stringify(options)} on ${factory.name}`,
        await y.data(),
        await want.data(),
      );
      want.dispose();
      y.dispose();
    }
    tx.dispose();
    dispose(x);
  }
  await setBackend(cpu());
});

test('GlobalAveragePooling1D shapes and config', () => {
  const layer = new GlobalAveragePooling1D({ keepdims: true });
  expect(layer.computeOutputShape([null, null, 3])).toEqual([null, 1, 3]);
  expect(new GlobalAveragePooling1D().computeOutputShape([null, null, 3])).toEqual([null, 3]);
  expect(layer.getConfig()).toMatchObject({ dataFormat: 'channels_last', keepdims: true });
  expect(() => new GlobalAveragePooling1D({ keepdims: 1 as never })).toThrow(
    'GlobalAveragePooling1D: keepdims must be true or false, received 1',
  );
});

test('GlobalAveragePooling1D averages only the unmasked steps (Keras), and returns no mask', async () => {
  const { tensor, tidy } = await import('@strata/tensor');
  const { maskOf } = await import('../../masking');
  for (const factory of strataBackends()) {
    await setBackend(factory);
    const x = tensor([1, 10, 2, 20, 3, 30, 4, 40, 5, 50, 6, 60], [2, 3, 2]);
    const mask = tensor([1, 1, 0, 0, 1, 1], [2, 3], 'bool');
    for (const [options, input, want] of [
      [{}, x, [1.5, 15, 5.5, 55]],
      [{ keepdims: true }, x, [1.5, 15, 5.5, 55]],
    ] as const) {
      const layer = new GlobalAveragePooling1D(options);
      const y = layer.apply(input, { mask });
      expect(y.shape).toEqual('keepdims' in options ? [2, 1, 2] : [2, 2]);
      expectClose(`masked GlobalAveragePooling1D on ${factory.name}`, await y.data(), want);
      expect(maskOf(y)).toBeNull();
      y.dispose();
    }
    const first = tidy(() =>
      new GlobalAveragePooling1D({ dataFormat: 'channels_first' }).apply(tensor([1, 2, 3, 10, 20, 30], [1, 2, 3]), {
        mask: tensor([1, 0, 1], [1, 3]),
      }),
    );
    expectClose('masked channels_first', await first.data(), [2, 20]);
    dispose([x, mask, first]);
  }
  await setBackend(cpu());
});
