import * as tfl from '@tensorflow/tfjs-layers';
import * as tfc from '@tensorflow/tfjs-core';
import { setBackend, dispose, randomNormal } from '@strata/tensor';
import { cpu } from '@strata/backend-cpu';
import { GlobalMaxPooling2D } from './global-max-pooling2d';
import { runLayerTest } from '../../testing';
import { expectClose, expectMatchesTfjs, strataBackends } from '../../testing/spatial-layer-oracle';

beforeAll(async () => {
  await tfc.setBackend('cpu');
  await setBackend(cpu());
});

test('GlobalMaxPooling2D passes runLayerTest', async () => {
  await runLayerTest(GlobalMaxPooling2D, {
    options: {},
    inputShape: [2, 4, 5, 3],
    expectedOutputShape: [2, 3],
    expectedTrainableWeights: 0,
  });
  await runLayerTest(GlobalMaxPooling2D, {
    options: { keepdims: true },
    inputShape: [2, 4, 5, 3],
    expectedOutputShape: [2, 1, 1, 3],
  });
  await runLayerTest(GlobalMaxPooling2D, {
    options: { dataFormat: 'channels_first', keepdims: true },
    inputShape: [2, 3, 4, 5],
    expectedOutputShape: [2, 3, 1, 1],
  });
});

test('GlobalMaxPooling2D matches tfjs-layers on cpu and wasm', async () => {
  await expectMatchesTfjs({
    make: () => new GlobalMaxPooling2D(),
    reference: () => tfl.layers.globalMaxPooling2d({}),
    inputShape: [2, 4, 5, 3],
  });
  await expectMatchesTfjs({
    make: () => new GlobalMaxPooling2D({ dataFormat: 'channels_first' }),
    reference: () => tfl.layers.globalMaxPooling2d({ dataFormat: 'channelsFirst' }),
    inputShape: [2, 4, 5, 3],
  });
});

// tfjs-layers has no keepdims: the reference is tfjs's max reduction.
test('GlobalMaxPooling2D keepdims and channels_first match tfjs max, on cpu and wasm', async () => {
  for (const factory of strataBackends()) {
    await setBackend(factory);
    const x = randomNormal([2, 4, 5, 3], { seed: 6 });
    const tx = tfc.tensor(await x.data(), [...x.shape]);
    for (const [options, axes] of [
      [{ keepdims: true }, [1, 2]],
      [{ dataFormat: 'channels_first' }, [2, 3]],
      [{ dataFormat: 'channels_first', keepdims: true }, [2, 3]],
    ] as const) {
      const layer = new GlobalMaxPooling2D(options as never);
      const y = layer.apply(x);
      const want = tfc.max(tx, typeof axes === 'number' ? axes : [...axes], 'keepdims' in options);
      expect(y.shape).toEqual(want.shape);
      expectClose(
        `GlobalMaxPooling2D ${JSON.stringify(options)} on ${factory.name}`,
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

test('GlobalMaxPooling2D shapes and config', () => {
  const layer = new GlobalMaxPooling2D({ keepdims: true });
  expect(layer.computeOutputShape([null, null, 7, 3])).toEqual([null, 1, 1, 3]);
  expect(new GlobalMaxPooling2D().computeOutputShape([null, null, 7, 3])).toEqual([null, 3]);
  expect(layer.getConfig()).toMatchObject({ dataFormat: 'channels_last', keepdims: true });
  expect(() => new GlobalMaxPooling2D({ keepdims: 1 as never })).toThrow(
    'GlobalMaxPooling2D: keepdims must be true or false, received 1',
  );
});
