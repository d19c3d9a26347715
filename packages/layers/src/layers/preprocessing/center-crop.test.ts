import * as tfl from '@tensorflow/tfjs-layers';
import * as tfc from '@tensorflow/tfjs-core';
import { dispose, memory, randomUniform, tensor, tidy } from '@strata/tensor';
import { CenterCrop } from './center-crop';
import { runLayerTest } from '../../testing';
import { describeOnBackends, expectClose, expectSameAsTfjs, toTf, traceShape } from '../../testing/layer-oracle';

describeOnBackends('CenterCrop', () => {
  test('passes runLayerTest', async () => {
    await runLayerTest(CenterCrop, {
      options: { height: 4, width: 5 },
      inputShape: [2, 6, 8, 3],
      expectedOutputShape: [2, 4, 5, 3],
      expectedTrainableWeights: 0,
    });
    await runLayerTest(CenterCrop, {
      options: { height: 2, width: 2 },
      inputShape: [5, 4, 1],
      expectedOutputShape: [2, 2, 1],
    });
    await runLayerTest(CenterCrop, {
      options: { height: 5, width: 4 },
      inputShape: [1, 3, 3, 2],
      expectedOutputShape: [1, 5, 4, 2],
    });
  });

  // tfjs-layers starts one column late when the width surplus is exactly 1, so the shapes here avoid it.
  test.each([
    [{ height: 4, width: 5 }, [2, 7, 9, 3]],
    [{ height: 3, width: 3 }, [1, 3, 6, 2]],
    [{ height: 2, width: 2 }, [2, 6, 4, 1]],
  ])('crops as tfjs-layers (%j on %j)', async (options, shape) => {
    const x = randomUniform(shape, { minval: 0, maxval: 255, seed: 7 });
    await expectSameAsTfjs(new CenterCrop(options), tfl.layers.centerCrop(options), x);
    dispose(x);
  });

  test('an odd surplus leaves the extra row at the end, as Keras (hand-computed)', async () => {
    const x = tensor([
      [[0], [1], [2]],
      [[3], [4], [5]],
    ]);
    const y = new CenterCrop({ height: 1, width: 2 }).apply(x);
    await expectClose(y, [0, 1]);
    dispose([x, y]);
  });

  test('an image smaller than the target is cropped to its aspect ratio and resized, as Keras', async () => {
    const x = randomUniform([2, 3, 6, 2], { minval: 0, maxval: 255, seed: 8 });
    const y = new CenterCrop({ height: 4, width: 4 }).apply(x);
    // Keras's smart_resize: the centered 3x3 window, resized with tf.image.resize's half-pixel centers.
    const tx = await toTf(x);
    const want = tfc.image.resizeBilinear(
      tfc.slice(tx as tfc.Tensor4D, [0, 0, 1, 0], [-1, 3, 3, -1]),
      [4, 4],
      false,
      true,
    );
    await expectClose(y, want, 1e-4);
    dispose([x, y]);
    tfc.dispose([tx, want]);
  });

  test('options and inputs are checked', () => {
    const before = memory().numTensors;
    expect(() => new CenterCrop({ height: 2, width: -1 })).toThrow(
      'CenterCrop: width must be a positive integer, received -1',
    );
    expect(() => new CenterCrop({ height: 2, width: 2, dataFormat: 'channels_first' as never })).toThrow(
      /dataFormat="channels_first" is not supported yet/,
    );
    const layer = new CenterCrop({ height: 2, width: 2, name: 'crop_rank' });
    expect(() => tidy(() => layer.apply(tensor([1, 2, 3, 4, 5])))).toThrow(
      'Input 0 of layer "crop_rank" is incompatible: expected min_ndim=3, found ndim=1, received shape [5]',
    );
    expect(layer.computeOutputShape([null, 8, 8, 3])).toEqual([null, 2, 2, 3]);
    expect(memory().numTensors).toBe(before);
  });

  test('traces with an unknown batch size', () => {
    expect(traceShape(new CenterCrop({ height: 4, width: 4 }), [null, 8, 6, 3])).toEqual([null, 4, 4, 3]);
    expect(traceShape(new CenterCrop({ height: 4, width: 4 }), [null, 2, 6, 3])).toEqual([null, 4, 4, 3]);
  });
});
