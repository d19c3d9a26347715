import * as tfl from '@tensorflow/tfjs-layers';
import * as tfc from '@tensorflow/tfjs-core';
import { setBackend, dispose, randomNormal } from '@strata/tensor';
import { cpu } from '@strata/backend-cpu';
import { GlobalMaxPooling1D } from './global-max-pooling1d';
import { runLayerTest } from '../../testing';
import { expectClose, expectMatchesTfjs, strataBackends } from '../../testing/spatial-layer-oracle';

beforeAll(async () => {
  await tfc.setBackend('cpu');
  await setBackend(cpu());
});

test('GlobalMaxPooling1D passes runLayerTest', async () => {
  await runLayerTest(GlobalMaxPooling1D, {
    options: {},
    inputShape: [2, 5, 3],
    expectedOutputShape: [2, 3],
    expectedTrainableWeights: 0,
  });
  await runLayerTest(GlobalMaxPooling1D, {
    options: { keepdims: true },
    inputShape: [2, 5, 3],
    expectedOutputShape: [2, 1, 3],
  });
  await runLayerTest(GlobalMaxPooling1D, {
    options: { dataFormat: 'channels_first', keepdims: true },
    inputShape: [2, 3, 5],
    expectedOutputShape: [2, 3, 1],
  });
});

test('GlobalMaxPooling1D matches tfjs-layers on cpu and wasm', async () => {
  await expectMatchesTfjs({
    make: () => new GlobalMaxPooling1D(),
    reference: () => tfl.layers.globalMaxPooling1d({}),
    inputShape: [2, 5, 3],
  });
});

// tfjs-layers has no keepdims and no dataFormat for 1-D global pooling: the reference is tfjs's max reduction.
test('GlobalMaxPooling1D keepdims and channels_first match tfjs max, on cpu and wasm', async () => {
  for (const factory of strataBackends()) {
    await setBackend(factory);
    const x = randomNormal([2, 5, 3], { seed: 6 });
    const tx = tfc.tensor(await x.data(), [...x.shape]);
    for (const [options, axes] of [
      [{ keepdims: true }, 1],
      [{ dataFormat: 'channels_first' }, 2],
      [{ dataFormat: 'channels_first', keepdims: true }, 2],
    ] as const) {
      const layer = new GlobalMaxPooling1D(options as never);
      const y = layer.apply(x);
      const want = tfc.max(tx, typeof axes === 'number' ? axes : [...axes], 'keepdims' in options);
      expect(y.shape).toEqual(want.shape);
      expectClose(
        `GlobalMaxPooling1D ${JSON.stringify(options)} on ${factory.name}`,
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

test('GlobalMaxPooling1D shapes and config', () => {
  const layer = new GlobalMaxPooling1D({ keepdims: true });
  expect(layer.computeOutputShape([null, null, 3])).toEqual([null, 1, 3]);
  expect(new GlobalMaxPooling1D().computeOutputShape([null, null, 3])).toEqual([null, 3]);
  expect(layer.getConfig()).toMatchObject({ dataFormat: 'channels_last', keepdims: true });
  expect(() => new GlobalMaxPooling1D({ keepdims: 1 as never })).toThrow(
    'GlobalMaxPooling1D: keepdims must be true or false, received 1',
  );
});
