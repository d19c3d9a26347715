import * as tfc from '@tensorflow/tfjs-core';
import { dispose, memory, randomUniform, tensor, tidy, type Tensor } from '@strata/tensor';
import { Resizing, type ResizingArgs } from './resizing';
import { runLayerTest } from '../../testing';
import { describeOnBackends, expectClose, toTf, traceShape } from '../../testing/layer-oracle';

/**
 * Keras 3 resizes as tf.image.resize: half-pixel centers. tfjs-layers' resizing passes
 * cropToAspectRatio as alignCorners and never crops, so the oracle is TensorFlow.js's own image ops
 * with TensorFlow's settings, after Keras's aspect-ratio crop where asked.
 */
async function reference(x: Tensor, options: ResizingArgs): Promise<tfc.Tensor> {
  const tx = await toTf(x);
  let images = (tx.rank === 3 ? tfc.expandDims(tx, 0) : tx) as tfc.Tensor4D;
  const [h, w] = images.shape.slice(1, 3) as [number, number];
  if (options.cropToAspectRatio) {
    const cropH = Math.max(Math.min(h, Math.floor((w * options.height) / options.width)), 1);
    const cropW = Math.max(Math.min(w, Math.floor((h * options.width) / options.height)), 1);
    images = tfc.slice(
      images,
      [0, Math.floor((h - cropH) / 2), Math.floor((w - cropW) / 2), 0],
      [-1, cropH, cropW, -1],
    );
  }
  const size: [number, number] = [options.height, options.width];
  const out =
    options.interpolation === 'nearest'
      ? tfc.image.resizeNearestNeighbor(images, size, false, true)
      : tfc.image.resizeBilinear(images, size, false, true);
  return tx.rank === 3 ? tfc.squeeze(out, [0]) : out;
}

describeOnBackends('Resizing', () => {
  test('passes runLayerTest', async () => {
    await runLayerTest(Resizing, {
      options: { height: 4, width: 6 },
      inputShape: [2, 3, 5, 2],
      expectedOutputShape: [2, 4, 6, 2],
      expectedTrainableWeights: 0,
    });
    await runLayerTest(Resizing, {
      options: { height: 2, width: 3, interpolation: 'nearest' },
      inputShape: [5, 7, 3],
      expectedOutputShape: [2, 3, 3],
    });
    await runLayerTest(Resizing, {
      options: { height: 3, width: 3, cropToAspectRatio: true },
      inputShape: [1, 4, 8, 1],
      expectedOutputShape: [1, 3, 3, 1],
    });
  });

  test.each<[ResizingArgs, number[]]>([
    [{ height: 5, width: 7 }, [2, 3, 4, 2]],
    [{ height: 2, width: 3 }, [1, 7, 9, 3]],
    [{ height: 6, width: 4, interpolation: 'nearest' }, [2, 3, 5, 1]],
    [{ height: 3, width: 3, cropToAspectRatio: true }, [2, 4, 8, 2]],
    [{ height: 4, width: 2, cropToAspectRatio: true, interpolation: 'nearest' }, [1, 5, 5, 3]],
    [{ height: 4, width: 4 }, [6, 3, 2]],
  ])('matches TensorFlow.js image ops with tf.image.resize settings (%j on %j)', async (options, shape) => {
    const x = randomUniform(shape, { minval: 0, maxval: 255, seed: 6 });
    const y = new Resizing(options).apply(x);
    const want = await reference(x, options);
    await expectClose(y, want, 1e-4);
    dispose([x, y]);
    tfc.dispose(want);
  });

  test('int images come out float32', async () => {
    const x = tensor(
      [
        [
          [[1], [2]],
          [[3], [4]],
        ],
      ],
      undefined,
      'int32',
    );
    const y = new Resizing({ height: 2, width: 2 }).apply(x);
    expect(y.dtype).toBe('float32');
    await expectClose(y, [1, 2, 3, 4]);
    dispose([x, y]);
  });

  test('options and inputs are checked', () => {
    const before = memory().numTensors;
    expect(() => new Resizing({ height: 0, width: 2 })).toThrow(
      'Resizing: height must be a positive integer, received 0',
    );
    expect(() => new Resizing({ height: 2, width: 2, interpolation: 'bicubic' as never })).toThrow(
      "Resizing: interpolation 'bicubic' is not supported yet; use one of 'bilinear', 'nearest'",
    );
    expect(() => new Resizing({ height: 2, width: 2, interpolation: 'cubic' as never })).toThrow(
      "Resizing: interpolation must be one of 'bilinear', 'nearest', received \"cubic\"",
    );
    expect(() => new Resizing({ height: 2, width: 2, padToAspectRatio: true })).toThrow(
      'Resizing: padToAspectRatio=true is not supported yet (crop with cropToAspectRatio instead, or pad before this layer); use false or leave it out',
    );
    expect(() => new Resizing({ height: 2, width: 2, dataFormat: 'channels_first' as never })).toThrow(
      /dataFormat="channels_first" is not supported yet/,
    );
    const layer = new Resizing({ height: 2, width: 2, name: 'resize_rank' });
    expect(() => tidy(() => layer.apply(tensor([[1, 2]])))).toThrow(
      'Input 0 of layer "resize_rank" is incompatible: expected min_ndim=3, found ndim=2, received shape [1,2]',
    );
    expect(() => layer.computeOutputShape([null, 4])).toThrow(
      'Layer "resize_rank" expects images of shape [batch, height, width, channels] or [height, width, channels], received shape [null,4]',
    );
    expect(layer.computeOutputShape([null, null, null, 3])).toEqual([null, 2, 2, 3]);
    expect(memory().numTensors).toBe(before);
  });

  test('traces with unknown sizes; cropping to the aspect ratio needs the image size', () => {
    expect(traceShape(new Resizing({ height: 4, width: 6 }), [null, null, null, 3])).toEqual([null, 4, 6, 3]);
    expect(traceShape(new Resizing({ height: 4, width: 6, cropToAspectRatio: true }), [null, 8, 8, 3])).toEqual([
      null,
      4,
      6,
      3,
    ]);
    expect(() =>
      traceShape(new Resizing({ height: 4, width: 6, cropToAspectRatio: true, name: 'resize_trace' }), [
        null,
        null,
        8,
        3,
      ]),
    ).toThrow(
      'Layer "resize_trace": cropToAspectRatio needs the image height and width, received shape [null,null,8,3]; give the model input a fixed image size',
    );
  });
});
