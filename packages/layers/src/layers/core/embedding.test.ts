import * as tfl from '@tensorflow/tfjs-layers';
import * as tfc from '@tensorflow/tfjs-core';
import { tensor, dispose, memory, randomUniform, type Tensor } from '@strata/tensor';
import { Embedding } from './embedding';
import { runLayerTest } from '../../testing';
import {
  compareWithTfjsLayer,
  describeEachBackend,
  useCpuBackend,
  expectAllClose,
  toTfjs,
} from '../../testing/core-layer-oracle';

useCpuBackend();
import { maskOf } from '../../masking';

describeEachBackend('Embedding', () => {
  test('passes runLayerTest', async () => {
    await runLayerTest(Embedding, {
      options: { inputDim: 10, outputDim: 4 },
      inputShape: [3, 5],
      inputDtype: 'int32',
      maxInt: 10,
      expectedOutputShape: [3, 5, 4],
      expectedTrainableWeights: 1,
    });
    await runLayerTest(Embedding, {
      options: {
        inputDim: 6,
        outputDim: 3,
        embeddingsRegularizer: 'l2',
        embeddingsConstraint: { className: 'MaxNorm', config: { maxValue: 1 } },
        embeddingsInitializer: 'glorot_uniform',
      },
      inputShape: [2, 3, 2],
      inputDtype: 'int32',
      maxInt: 6,
      expectedOutputShape: [2, 3, 2, 3],
    });
  });

  test('matches tfjs-layers, indices and mask', async () => {
    const x = tensor(
      [
        [1, 0, 3, 9],
        [0, 0, 2, 5],
      ],
      undefined,
      'int32',
    );
    await compareWithTfjsLayer(
      new Embedding({ inputDim: 10, outputDim: 3 }),
      tfl.layers.embedding({ inputDim: 10, outputDim: 3 }),
      x,
    );
    const layer = new Embedding({ inputDim: 10, outputDim: 3, maskZero: true });
    const y = layer.apply(x);
    const ref = tfl.layers.embedding({ inputDim: 10, outputDim: 3, maskZero: true });
    const tx = await toTfjs(x);
    const refMask = ref.computeMask(tx) as tfc.Tensor;
    const mask = maskOf(y)!;
    expect(mask.dtype).toBe('bool');
    await expectAllClose(mask, refMask, 0, 'mask vs tfjs-layers');
    tfc.dispose([tx, refMask]);
    dispose([x, y, mask]);
    layer.dispose();
  });

  test('float indices are truncated to int32, as Keras casts them', async () => {
    const layer = new Embedding({
      inputDim: 4,
      outputDim: 2,
      embeddingsInitializer: { className: 'Identity', config: {} },
    });
    const y = layer.apply(tensor([[1.7, 3.2]]));
    await expectAllClose(y, { shape: [1, 2, 2], values: [0, 1, 0, 0] });
    y.dispose();
    layer.dispose();
  });
});

test('Embedding defaults to RandomUniform(±0.05), as Keras', async () => {
  const layer = new Embedding({ inputDim: 50, outputDim: 20 });
  expect(layer.getConfig().embeddingsInitializer).toEqual({
    className: 'RandomUniform',
    config: { minval: -0.05, maxval: 0.05, seed: null },
  });
  const y = layer.apply(tensor([0], undefined, 'int32'));
  const values = await layer.embeddings.data();
  expect(Math.max(...values)).toBeLessThanOrEqual(0.05);
  expect(Math.min(...values)).toBeGreaterThanOrEqual(-0.05);
  y.dispose();
  layer.dispose();
});

test('Embedding masks are freed with the caller; inputLength is accepted and ignored', () => {
  const before = memory().numTensors;
  const layer = new Embedding({ inputDim: 5, outputDim: 2, maskZero: true, inputLength: 3 });
  expect(layer.getConfig()).not.toHaveProperty('inputLength');
  const x = randomUniform([2, 3], { minval: 0, maxval: 5, dtype: 'int32', seed: 1 });
  const y: Tensor = layer.apply(x);
  expect(y.shape).toEqual([2, 3, 2]);
  dispose([x, y, maskOf(y)!]);
  layer.dispose();
  expect(memory().numTensors).toBe(before);
});

test('Embedding validates its options', () => {
  expect(() => new Embedding({ inputDim: 0, outputDim: 2 })).toThrow(
    'Embedding: inputDim must be an integer >= 1, received 0',
  );
  expect(() => new Embedding({ inputDim: 3, outputDim: 2.5 })).toThrow(
    'Embedding: outputDim must be an integer >= 1, received 2.5',
  );
  expect(() => new Embedding({ inputDim: 3, outputDim: 2, maskZero: 'yes' as never })).toThrow(
    'Embedding: maskZero must be a boolean, received "yes"',
  );
  expect(() => new Embedding({ inputDim: 3, outputDim: 2, embeddingsInitializer: 'nope' })).toThrow(
    /unknown initializer "nope"/,
  );
});
