import * as tfl from '@tensorflow/tfjs-layers';
import * as tfc from '@tensorflow/tfjs-core';
import { randomNormal, tensor, dispose } from '@strata/tensor';
import { Softmax } from './softmax';
import { runLayerTest } from '../../testing';
import {
  compareWithTfjsLayer,
  describeEachBackend,
  expectAllClose,
  toTfjs,
  useCpuBackend,
} from '../../testing/core-layer-oracle';
import { maskOf, setMask } from '../../masking';

useCpuBackend();

function softmaxOf(values: number[]): number[] {
  const m = Math.max(...values);
  const e = values.map((v) => Math.exp(v - m));
  const s = e.reduce((a, b) => a + b, 0);
  return e.map((v) => v / s);
}

describeEachBackend('Softmax', () => {
  test('passes runLayerTest', async () => {
    await runLayerTest(Softmax, {
      options: {},
      inputShape: [2, 3],
      expectedOutputShape: [2, 3],
      expectedTrainableWeights: 0,
    });
    await runLayerTest(Softmax, { options: { axis: [1, 2] }, inputShape: [2, 3, 4], expectedOutputShape: [2, 3, 4] });
  });

  test.each([-1, 2])('matches tfjs-layers with axis=%s', async (axis) => {
    const x = randomNormal([2, 3, 4], { seed: 3, stddev: 3 });
    await compareWithTfjsLayer(new Softmax({ axis }), tfl.layers.softmax({ axis }), x);
    x.dispose();
  });

  // tfjs-layers' Softmax takes only the last axis: TensorFlow.js ops are the reference for the others.
  test.each([0, 1])('matches exp(x - logSumExp(x)) in TensorFlow.js for axis=%s', async (axis) => {
    const x = randomNormal([2, 3, 4], { seed: 3, stddev: 3 });
    const y = new Softmax({ axis }).apply(x);
    const tx = await toTfjs(x);
    const want = tfc.tidy(() => tfc.exp(tfc.sub(tx, tfc.logSumExp(tx, axis, true))));
    await expectAllClose(y, want);
    tfc.dispose([tx, want]);
    dispose([x, y]);
  });

  test('normalises over several axes at once', async () => {
    const values = [1, 2, 3, 4, -1, 0, 5, 6];
    const x = tensor(values, [2, 2, 2]);
    const y = new Softmax({ axis: [1, 2] }).apply(x);
    await expectAllClose(y, {
      shape: [2, 2, 2],
      values: [...softmaxOf(values.slice(0, 4)), ...softmaxOf(values.slice(4))],
    });
    dispose([x, y]);
  });

  test('gives masked positions (almost) zero probability, the mask broadcasting, and passes the mask on', async () => {
    const x = tensor([
      [
        [1, 2, 3],
        [3, 2, 1],
      ],
    ]);
    const mask = tensor([[[true, false, true]]], undefined, 'bool');
    const y = new Softmax().apply(x, { mask });
    const [a, b] = [softmaxOf([1, 3]), softmaxOf([3, 1])];
    await expectAllClose(y, { shape: [1, 2, 3], values: [a[0], 0, a[1], b[0], 0, b[1]] });
    expect(maskOf(y)).toBe(mask);
    const attached = tensor([[0.5, 9]]);
    const keep = tensor([[1, 0]]);
    setMask(attached, keep);
    const z = new Softmax().apply(attached);
    await expectAllClose(z, { shape: [1, 2], values: [1, 0] });
    dispose([x, y, mask, attached, keep, z]);
  });
});

test('Softmax validates axis', () => {
  expect(() => new Softmax({ axis: 1.5 })).toThrow(
    'Softmax: axis must be an integer or a non-empty list of integers, received 1.5',
  );
  expect(() => new Softmax({ axis: [] })).toThrow(
    'Softmax: axis must be an integer or a non-empty list of integers, received []',
  );
  expect(new Softmax({ axis: [1, 2] }).getConfig()).toMatchObject({ axis: [1, 2] });
});
