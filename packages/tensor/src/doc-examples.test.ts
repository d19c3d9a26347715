// What the @example blocks of the gradient kernels, StrataError, Profile and nest state, computed.
// The gradients are hand-computed: a 2x2 window of ones over a 3x3 input is seen by 1, 2 or 4 of the
// four windows (the corner, edge and centre counts); a 2x2 window's filter gradient over x = 1..9 is
// the sum of the four x values under each tap.
import { setBackend } from './backends';
import { tensor } from './convert';
import { StrataError } from './errors';
import { profile } from './memory';
import * as nest from './nest';
import { ones } from './creation';
import { matmul } from './ops/linalg/matmul';
import { reshape } from './ops/shape/reshape';
import { conv2dBackpropInput, conv2dTranspose } from './ops/nn/conv2d-backprop-input';
import { conv2dBackpropFilter } from './ops/nn/conv2d-backprop-filter';
import { depthwiseConv2dBackpropFilter, depthwiseConv2dBackpropInput } from './ops/nn/depthwise-conv2d-backprop';
import { conv3dBackpropInput, conv3dTranspose } from './ops/nn/conv3d-backprop-input';
import { conv3dBackpropFilter } from './ops/nn/conv3d-backprop-filter';
import { avgPool2dGrad, maxPool2dGrad } from './ops/nn/pool2d-grad';
import { reluGrad } from './ops/nn/relu-grad';
import { resizeBilinearGrad, resizeNearestNeighborGrad } from './ops/nn/resize-grad';
import { expectNoLeak } from './testing/leaks';
import { testCpuBackend } from './testing/test-backend';
import { tidy } from './memory';
import type { Tensor } from './tensor';

beforeAll(async () => {
  await setBackend(testCpuBackend());
});

const read = (t: Tensor) => ({ shape: [...t.shape], values: Array.from(t.dataSync()) });
const WINDOW_COUNTS = [1, 2, 1, 2, 4, 2, 1, 2, 1];

test.each<[string, () => Tensor, number[], number[]]>([
  [
    'conv2dBackpropInput',
    () => conv2dBackpropInput(ones([1, 2, 2, 1]), ones([2, 2, 1, 1]), [1, 3, 3, 1]),
    [1, 3, 3, 1],
    WINDOW_COUNTS,
  ],
  ['conv2dTranspose', () => conv2dTranspose(ones([1, 2, 2, 1]), ones([2, 2, 1, 1])), [1, 3, 3, 1], WINDOW_COUNTS],
  [
    'conv2dBackpropFilter',
    () => conv2dBackpropFilter(tensor([1, 2, 3, 4, 5, 6, 7, 8, 9], [1, 3, 3, 1]), ones([1, 2, 2, 1]), [2, 2, 1, 1]),
    [2, 2, 1, 1],
    [12, 16, 24, 28],
  ],
  [
    'depthwiseConv2dBackpropInput',
    () => depthwiseConv2dBackpropInput(ones([1, 2, 2, 1]), ones([2, 2, 1, 1]), [1, 3, 3, 1]),
    [1, 3, 3, 1],
    WINDOW_COUNTS,
  ],
  [
    'depthwiseConv2dBackpropFilter',
    () =>
      depthwiseConv2dBackpropFilter(
        tensor([1, 2, 3, 4, 5, 6, 7, 8, 9], [1, 3, 3, 1]),
        ones([1, 2, 2, 1]),
        [2, 2, 1, 1],
      ),
    [2, 2, 1, 1],
    [12, 16, 24, 28],
  ],
  [
    'conv3dBackpropInput',
    () => conv3dBackpropInput(ones([1, 1, 2, 2, 1]), ones([1, 2, 2, 1, 1]), [1, 1, 3, 3, 1]),
    [1, 1, 3, 3, 1],
    WINDOW_COUNTS,
  ],
  [
    'conv3dTranspose',
    () => conv3dTranspose(ones([1, 1, 2, 2, 1]), ones([1, 2, 2, 1, 1])),
    [1, 1, 3, 3, 1],
    WINDOW_COUNTS,
  ],
  [
    'conv3dBackpropFilter',
    () =>
      conv3dBackpropFilter(
        tensor([1, 2, 3, 4, 5, 6, 7, 8, 9], [1, 1, 3, 3, 1]),
        ones([1, 1, 2, 2, 1]),
        [1, 2, 2, 1, 1],
      ),
    [1, 2, 2, 1, 1],
    [12, 16, 24, 28],
  ],
  [
    'maxPool2dGrad',
    () => {
      const x = tensor([1, 5, 3, 2], [1, 2, 2, 1]);
      return maxPool2dGrad(tensor([10], [1, 1, 1, 1]), x, tensor([5], [1, 1, 1, 1]), { poolSize: 2 });
    },
    [1, 2, 2, 1],
    [0, 10, 0, 0],
  ],
  [
    'avgPool2dGrad',
    () => avgPool2dGrad(tensor([8], [1, 1, 1, 1]), ones([1, 2, 2, 1]), { poolSize: 2 }),
    [1, 2, 2, 1],
    [2, 2, 2, 2],
  ],
  ['reluGrad', () => reluGrad(tensor([5, 6, 7]), tensor([-1, 0, 2])), [3], [0, 0, 7]],
  [
    'resizeNearestNeighborGrad',
    () => resizeNearestNeighborGrad(ones([1, 2, 2, 1]), ones([1, 1, 1, 1])),
    [1, 1, 1, 1],
    [4],
  ],
  ['resizeBilinearGrad', () => resizeBilinearGrad(ones([1, 1, 4, 1]), ones([1, 1, 2, 1])), [1, 1, 2, 1], [1.5, 2.5]],
])('%s', (_name, run, shape, values) =>
  expectNoLeak(() =>
    tidy(() => {
      expect(read(run())).toEqual({ shape, values });
    }),
  ),
);

test('StrataError: what an op throws on a bad argument', () => {
  const x = tensor([1, 2, 3]);
  let error: unknown;
  try {
    reshape(x, [2, 2]);
  } catch (e) {
    error = e;
  }
  x.dispose();
  expect(error).toBeInstanceOf(StrataError);
  expect((error as Error).message).toMatch(/^reshape: /);
});

test('Profile: the kernels a matmul ran, and what it left', async () => {
  const a = ones([2, 3]);
  const b = ones([3, 4]);
  const p = await profile(() => matmul(a, b));
  expect(p.kernels.map((k) => k.name)).toContain('BatchMatMul');
  expect(p.newTensors).toBe(1);
  expect([...p.result.shape]).toEqual([2, 4]);
  for (const t of [a, b, p.result]) t.dispose();
});

test('nest', () => {
  expect(nest.isRecord({ a: 1 })).toBe(true);
  expect(nest.isRecord([1, 2])).toBe(false);
  expect(nest.isRecord(new Map())).toBe(false);
  expect(nest.isNested([1, 2])).toBe(true);
  expect(nest.isNested(3)).toBe(false);
  expect(nest.isNested([1, 2], { isLeaf: (x) => Array.isArray(x) })).toBe(false);
  expect(nest.flatten({ b: [1, 2], a: 3 })).toEqual([1, 2, 3]);
  expect(nest.flatten(7)).toEqual([7]);
  expect(nest.map({ a: [1, 2], b: 3 }, (x) => x * 10)).toEqual({ a: [10, 20], b: 30 });
  expect(nest.map({ a: [1, 2], b: 3 }, (_, path) => path)).toEqual({ a: ['a[0]', 'a[1]'], b: 'b' });
  expect(
    nest.mapMany(
      [
        { a: 1, b: [2] },
        { a: 10, b: [20] },
      ],
      ([x, y]) => (x as number) + (y as number),
    ),
  ).toEqual({ a: 11, b: [22] });
  expect(nest.packSequenceAs({ a: [0, 0], b: 0 }, ['x', 'y', 'z'])).toEqual({ a: ['x', 'y'], b: 'z' });
  expect(() => nest.assertSameStructure({ a: [1, 2] }, { a: [3, 4] })).not.toThrow();
  expect(() => nest.assertSameStructure({ a: [1, 2] }, { a: [3] })).toThrow(/\ba\b/);
});
