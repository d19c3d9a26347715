import * as tfl from '@tensorflow/tfjs-layers';
import * as tfc from '@tensorflow/tfjs-core';
import { setBackend, dispose, randomNormal } from '@strata/tensor';
import { cpu } from '@strata/backend-cpu';
import { GlobalAveragePooling2D } from './global-average-pooling2d';
import { runLayerTest } from '../../testing';
import { expectClose, expectMatchesTfjs, strataBackends } from '../../testing/spatial-layer-oracle';

beforeAll(async () => {
  await tfc.setBackend('cpu');
  await setBackend(cpu());
});

test('GlobalAveragePooling2D passes runLayerTest', async () => {
  await runLayerTest(GlobalAveragePooling2D, {
    options: {},
    inputShape: [2, 4, 5, 3],
    expectedOutputShape: [2, 3],
    expectedTrainableWeights: 0,
  });
  await runLayerTest(GlobalAveragePooling2D, {
    options: { keepdims: true },
    inputShape: [2, 4, 5, 3],
    expectedOutputShape: [2, 1, 1, 3],
  });
  await runLayerTest(GlobalAveragePooling2D, {
    options: { dataFormat: 'channels_first', keepdims: true },
    inputShape: [2, 3, 4, 5],
    expectedOutputShape: [2, 3, 1, 1],
  });
});

test('GlobalAveragePooling2D matches tfjs-layers on cpu and wasm', async () => {
  await expectMatchesTfjs({
    make: () => new GlobalAveragePooling2D(),
    reference: () => tfl.layers.globalAveragePooling2d({}),
    inputShape: [2, 4, 5, 3],
  });
  await expectMatchesTfjs({
    make: () => new GlobalAveragePooling2D({ dataFormat: 'channels_first' }),
    reference: () => tfl.layers.globalAveragePooling2d({ dataFormat: 'channelsFirst' }),
    inputShape: [2, 4, 5, 3],
  });
});

// tfjs-layers has no keepdims: the reference is tfjs's mean reduction.
test('GlobalAveragePooling2D keepdims and channels_first match tfjs mean, on cpu and wasm', async () => {
  for (const factory of strataBackends()) {
    await setBackend(factory);
    const x = randomNormal([2, 4, 5, 3], { seed: 6 });
    const tx = tfc.tensor(await x.data(), [...x.shape]);
    for (const [options, axes] of [
      [{ keepdims: true }, [1, 2]],
      [{ dataFormat: 'channels_first' }, [2, 3]],
      [{ dataFormat: 'channels_first', keepdims: true }, [2, 3]],
    ] as const) {
      const layer = new GlobalAveragePooling2D(options as never);
      const y = layer.apply(x);
      const want = tfc.mean(tx, typeof axes === 'number' ? axes : [...axes], 'keepdims' in options);
      expect(y.shape).toEqual(want.shape);
      expectClose(
        `GlobalAveragePooling2D ${JSON.stringify(options)} on ${factory.name}`,
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

test('GlobalAveragePooling2D shapes and config', () => {
  const layer = new GlobalAveragePooling2D({ keepdims: true });
  expect(layer.computeOutputShape([null, null, 7, 3])).toEqual([null, 1, 1, 3]);
  expect(new GlobalAveragePooling2D().computeOutputShape([null, null, 7, 3])).toEqual([null, 3]);
  expect(layer.getConfig()).toMatchObject({ dataFormat: 'channels_last', keepdims: true });
  expect(() => new GlobalAveragePooling2D({ keepdims: 1 as never })).toThrow(
    'GlobalAveragePooling2D: keepdims must be true or false, received 1',
  );
});
