import type { DType, Dim, Tensor } from '@strata/tensor';
import { mul } from '@strata/tensor';
import { type ShapeOnlyTensor, symbolicOf as sym } from '@strata/tensor/testing';
import type { Layer } from '../../layer';
import { useCpuBackend } from '../../testing/core-layer-oracle';
import { Activation } from './activation';
import { Embedding } from './embedding';
import { Identity } from './identity';
import { EinsumDense } from './einsum-dense';
import { Lambda } from './lambda';
import { ReLU, LeakyReLU, PReLU, ELU, Softmax } from '../activations';
import {
  Dropout,
  SpatialDropout1D,
  SpatialDropout2D,
  GaussianNoise,
  GaussianDropout,
  ActivityRegularization,
} from '../regularization';

useCpuBackend();

// Each layer's call() is plain op code: on symbolic inputs with unknown batch and sequence sizes it
// must build a graph whose shapes agree with computeOutputShape, in inference and in training.
// (Every row has all four entries: jest reads a callback taking more arguments than a row gives as async.)
const cases: [string, () => Layer, Dim[], DType][] = [
  ['Activation', () => new Activation({ activation: 'gelu' }), [null, null, 4], 'float32'],
  ['Embedding', () => new Embedding({ inputDim: 10, outputDim: 3, maskZero: true }), [null, null], 'int32'],
  ['Identity', () => new Identity(), [null, 4], 'float32'],
  ['Lambda', () => new Lambda({ function: (x) => mul(x as Tensor, 2) }), [null, 4], 'float32'],
  [
    'EinsumDense abc,cde->abde',
    () => new EinsumDense({ equation: 'abc,cde->abde', outputShape: [null, 2, 3], biasAxes: 'de' }),
    [null, null, 4],
    'float32',
  ],
  [
    'EinsumDense ...b,bc->...c',
    () => new EinsumDense({ equation: '...b,bc->...c', outputShape: 5, biasAxes: 'c' }),
    [null, null, 4],
    'float32',
  ],
  ['ReLU', () => new ReLU({ maxValue: 2, negativeSlope: 0.1, threshold: 0.5 }), [null, null, 4], 'float32'],
  ['LeakyReLU', () => new LeakyReLU(), [null, 4], 'float32'],
  ['PReLU', () => new PReLU({ sharedAxes: [1] }), [null, null, 4], 'float32'],
  ['ELU', () => new ELU({ alpha: 0.5 }), [null, 4], 'float32'],
  ['Softmax', () => new Softmax({ axis: [1, 2] }), [null, 3, 4], 'float32'],
  ['Dropout', () => new Dropout({ rate: 0.5, noiseShape: [null, 1, null] }), [null, null, 4], 'float32'],
  ['SpatialDropout1D', () => new SpatialDropout1D({ rate: 0.5 }), [null, null, 4], 'float32'],
  ['SpatialDropout2D', () => new SpatialDropout2D({ rate: 0.5 }), [null, 5, 5, 4], 'float32'],
  ['GaussianNoise', () => new GaussianNoise({ stddev: 0.1 }), [null, 4], 'float32'],
  ['GaussianDropout', () => new GaussianDropout({ rate: 0.1 }), [null, 4], 'float32'],
  ['ActivityRegularization', () => new ActivityRegularization({ l1: 0.1 }), [null, 4], 'float32'],
];

test.each(cases)('%s traces on symbolic inputs with unknown sizes', (_name, make, shape, dtype) => {
  const layer = make();
  layer.ensureBuilt(shape);
  const expected = layer.computeOutputShape?.(shape) ?? shape;
  const out = layer.call(sym(shape, dtype), { training: false }) as unknown as ShapeOnlyTensor;
  expect(out.shape).toEqual(expected);
  const noisy = layer instanceof GaussianNoise || layer instanceof GaussianDropout;
  if (!noisy)
    expect((layer.call(sym(shape, dtype), { training: true }) as unknown as ShapeOnlyTensor).shape).toEqual(expected);
  layer.dispose();
});

test('GaussianNoise in training needs known sizes, and says so', () => {
  const layer = new GaussianNoise({ stddev: 0.1, name: 'noise_sym' });
  expect(() => layer.call(sym([null, 4]), { training: true })).toThrow(
    'Layer "noise_sym": noise in training mode needs a known input shape, received [null,4]; this is not supported yet for symbolic inputs with unknown sizes',
  );
  const known = layer.call(sym([2, 4]), { training: true }) as unknown as ShapeOnlyTensor;
  expect(known.shape).toEqual([2, 4]);
});
