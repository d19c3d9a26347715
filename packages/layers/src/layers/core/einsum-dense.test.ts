import * as tfl from '@tensorflow/tfjs-layers';
import * as tfc from '@tensorflow/tfjs-core';
import { randomNormal, dispose, type Dim } from '@strata/tensor';
import { EinsumDense } from './einsum-dense';
import { runLayerTest } from '../../testing';
import {
  compareWithTfjsLayer,
  describeEachBackend,
  useCpuBackend,
  expectAllClose,
  toTfjs,
} from '../../testing/core-layer-oracle';

useCpuBackend();

/** Keras's einsum_dense_test shape table: equation, outputShape, biasAxes, input shape → kernel, bias, output. */
const shapeCases: [string, number | Dim[], string | null, Dim[], number[], number[] | null, Dim[]][] = [
  ['ab,bc->ac', 64, null, [null, 32], [32, 64], null, [null, 64]],
  ['ab,bc->ac', 64, 'c', [null, 32], [32, 64], [64], [null, 64]],
  ['...b,bc->...c', 64, 'c', [null, 4, 32], [32, 64], [64], [null, 4, 64]],
  ['...b,bc->...c', 64, 'c', [null, 5, 4, 32], [32, 64], [64], [null, 5, 4, 64]],
  ['abc,cd->abd', [null, 64], 'd', [null, 2, 32], [32, 64], [64], [null, 2, 64]],
  ['abc,cd->abd', [null, 64], 'b', [null, 2, 32], [32, 64], [2, 1], [null, 2, 64]],
  ['abc,cde->abde', [null, 4, 64], 'de', [null, 2, 32], [32, 4, 64], [4, 64], [null, 2, 4, 64]],
  ['abc,cde->abde', [2, 4, 64], 'e', [null, 2, 32], [32, 4, 64], [64], [null, 2, 4, 64]],
  ['abcd,cde->abe', [null, 16], 'e', [null, 5, 4, 8], [4, 8, 16], [16], [null, 5, 16]],
  ['ab...,bc->ac...', 64, 'c', [null, 32, 4, 2], [32, 64], [64, 1, 1], [null, 64, 4, 2]],
  ['ab...,bc->ac...', 64, null, [null, 32], [32, 64], null, [null, 64]],
];

test.each(shapeCases)(
  'EinsumDense %s outputShape=%j biasAxes=%s on %j',
  (equation, outputShape, biasAxes, inputShape, kernel, bias, output) => {
    const layer = new EinsumDense({ equation, outputShape, biasAxes });
    layer.ensureBuilt(inputShape);
    expect(layer.kernel.shape).toEqual(kernel);
    expect(layer.bias?.shape ?? null).toEqual(bias);
    expect(layer.computeOutputShape(inputShape)).toEqual(output);
    layer.dispose();
  },
);

describeEachBackend('EinsumDense', () => {
  test('passes runLayerTest', async () => {
    await runLayerTest(EinsumDense, {
      options: { equation: 'ab,bc->ac', outputShape: 4, biasAxes: 'c' },
      inputShape: [2, 3],
      expectedOutputShape: [2, 4],
      expectedTrainableWeights: 2,
    });
    await runLayerTest(EinsumDense, {
      options: { equation: 'abc,cde->abde', outputShape: [null, 2, 3], biasAxes: 'de', activation: 'relu' },
      inputShape: [2, 5, 4],
      expectedOutputShape: [2, 5, 2, 3],
    });
    await runLayerTest(EinsumDense, {
      options: { equation: '...b,bc->...c', outputShape: 3, kernelRegularizer: 'l2', kernelConstraint: 'unitNorm' },
      inputShape: [2, 2, 4],
      expectedOutputShape: [2, 2, 3],
      expectedTrainableWeights: 1,
    });
    await runLayerTest(EinsumDense, {
      options: { equation: 'ab...,bc->ac...', outputShape: 3, biasAxes: 'c' },
      inputShape: [2, 4, 2],
      expectedOutputShape: [2, 3, 2],
    });
  });

  test('"ab,bc->ac" and "abc,cd->abd" with bias are Dense layers: tfjs-layers agrees given the same weights', async () => {
    const x2 = randomNormal([4, 5], { seed: 2 });
    await compareWithTfjsLayer(
      new EinsumDense({
        equation: 'ab,bc->ac',
        outputShape: 3,
        biasAxes: 'c',
        activation: 'tanh',
        biasInitializer: 'randomNormal',
      }),
      tfl.layers.dense({ units: 3, activation: 'tanh' }),
      x2,
    );
    const x3 = randomNormal([2, 3, 5], { seed: 3 });
    await compareWithTfjsLayer(
      new EinsumDense({
        equation: 'abc,cd->abd',
        outputShape: [null, 4],
        biasAxes: 'd',
        biasInitializer: 'randomNormal',
      }),
      tfl.layers.dense({ units: 4 }),
      x3,
    );
    dispose([x2, x3]);
  });

  test.each([
    ['abc,cde->abde', [null, 2, 3], 'de', [2, 4, 5]],
    ['abcd,cde->abe', [null, 6], 'e', [2, 3, 2, 4]],
    ['abc,cd->abd', [null, 4], 'b', [2, 3, 5]],
    ['...b,bc->...c', [3], 'c', [2, 3, 2, 4]],
  ] as const)(
    '%s matches a TensorFlow.js einsum with the same kernel and bias',
    async (equation, outputShape, biasAxes, inputShape) => {
      const layer = new EinsumDense({
        equation,
        outputShape: [...outputShape],
        biasAxes,
        biasInitializer: 'randomNormal',
      });
      const x = randomNormal(inputShape, { seed: 5 });
      const y = layer.apply(x);
      const [tx, kernel, bias] = await Promise.all([toTfjs(x), toTfjs(layer.kernel), toTfjs(layer.bias!)]);
      // tfjs's einsum does not read '...': spell those axes out.
      const spelled = equation.startsWith('...')
        ? equation.replace(/\.\.\./g, 'pqrs'.slice(0, inputShape.length - 1))
        : equation;
      const want = tfc.add(tfc.einsum(spelled, tx, kernel), bias);
      await expectAllClose(y, want);
      tfc.dispose([tx, kernel, bias, want]);
      dispose([x, y]);
      layer.dispose();
    },
  );
});

test('EinsumDense explains bad equations and shapes', () => {
  expect(() => new EinsumDense({ equation: 'ab,bc', outputShape: 3 })).toThrow(
    /EinsumDense: invalid equation "ab,bc"; equations must be of the form "\[X\],\[Y\]->\[Z\]"/,
  );
  expect(() => new EinsumDense({ equation: 'ab,bc->ac', outputShape: 0 })).toThrow(
    'EinsumDense: outputShape must be a positive integer or a list of positive integers and nulls, received 0',
  );
  expect(() => new EinsumDense({ equation: 'ab,bc->ac', outputShape: 3, biasAxes: 'c1' })).toThrow(
    /biasAxes must be a string of output axis letters/,
  );
  const shapes = (equation: string, outputShape: number | Dim[], biasAxes: string | null, input: Dim[]) => () =>
    new EinsumDense({ equation, outputShape, biasAxes }).ensureBuilt(input);
  expect(shapes('ab,bc->ac', 3, 'd', [null, 4])).toThrow(
    `EinsumDense "ab,bc->ac" with input shape [null,4]: the bias axis 'd' is not an axis of the output "ac"`,
  );
  expect(shapes('ab,bc->ac', [3, 4], null, [null, 4])).toThrow(
    /outputShape \[3,4\] has 2 entries, but the equation's output "ac" needs 1/,
  );
  expect(shapes('abc,cd->abd', [5, 4], null, [null, 2, 3])).toThrow(
    /the input and output shapes differ at the shared axis 'b': the input has 2, outputShape gives 5/,
  );
  expect(shapes('ab,bc->ac', 3, null, [null, 4, 5])).toThrow(
    /the input has rank 3, which the equation's input "ab" cannot name/,
  );
  expect(shapes('ab,bcd->ac', 3, null, [null, 4])).toThrow(
    /the weight axis 'd' appears in neither the input "ab" nor the output "ac"/,
  );
  expect(shapes('ab,bc->acz', [3, 2], null, [null, 4])).toThrow(
    /the output axis 'z' appears in neither the input "ab" nor the weight "bc"/,
  );
  expect(shapes('abc,cd->abd', [null, 4], null, [null, 2, null])).toThrow(
    /the kernel shape \[null,4\] depends on an unknown input dimension/,
  );
  expect(() => new EinsumDense({ equation: 'ab,bc->ac', outputShape: 3, loraRank: 4 } as never)).toThrow(
    'EinsumDense: loraRank (LoRA) is not supported yet',
  );
});
