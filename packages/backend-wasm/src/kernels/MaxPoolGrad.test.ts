import { setBackend } from '@strata/tensor';
import type { Backend } from '@strata/tensor/internal';
import { cpu } from '@strata/backend-cpu';
import { backend_util } from '@tensorflow/tfjs-core';
import { wasm } from '../index';
import { expectSameResult, runKernelOn, type KernelInput } from '../testing/kernel-oracle';
import type { Pad } from '../testing/conv-shapes';

const cases: {
  name: string;
  x: KernelInput;
  filterSize: number | [number, number];
  strides: number | [number, number];
  pad: Pad;
  dimRoundingMode?: 'ceil';
}[] = [
  { name: '2x2 stride 2, valid', x: { shape: [2, 6, 6, 2] }, filterSize: 2, strides: 2, pad: 'valid' },
  { name: '3x3 stride 2, same (uneven padding)', x: { shape: [2, 5, 6, 3] }, filterSize: 3, strides: 2, pad: 'same' },
  {
    name: '2x2 stride 1, same (padding after only)',
    x: { shape: [1, 5, 5, 1] },
    filterSize: 2,
    strides: 1,
    pad: 'same',
  },
  {
    name: '3x3 stride 1, same (overlapping windows)',
    x: { shape: [2, 4, 5, 2] },
    filterSize: 3,
    strides: 1,
    pad: 'same',
  },
  {
    name: '[2,3] filter, strides [1,2], valid',
    x: { shape: [1, 5, 7, 2] },
    filterSize: [2, 3],
    strides: [1, 2],
    pad: 'valid',
  },
  {
    name: 'ties go to the first largest',
    x: { shape: [2, 4, 4, 2], fill: 'index' },
    filterSize: 2,
    strides: 1,
    pad: 'valid',
  },
  {
    name: 'explicit padding, ceil rounding',
    x: { shape: [1, 6, 6, 2] },
    filterSize: 3,
    strides: 2,
    pad: 1,
    dimRoundingMode: 'ceil',
  },
  {
    name: '2x2 stride 2 fast path, odd sizes (last row and column unused)',
    x: { shape: [3, 7, 5, 3] },
    filterSize: 2,
    strides: 2,
    pad: 'valid',
  },
  {
    name: '2x2 stride 2 fast path, ties go to the first largest',
    x: { shape: [2, 6, 4, 2], fill: 'index' },
    filterSize: 2,
    strides: 2,
    pad: 'valid',
  },
  {
    name: '2x2 stride 2, same on odd sizes (a padded last window)',
    x: { shape: [2, 5, 7, 2] },
    filterSize: 2,
    strides: 2,
    pad: 'same',
  },
  {
    name: '2x2 stride 2, explicit padding',
    x: { shape: [1, 6, 6, 2] },
    filterSize: 2,
    strides: 2,
    pad: [
      [0, 0],
      [1, 1],
      [0, 2],
      [0, 0],
    ],
  },
  { name: '2x2 stride 2, batch 1, channels 1', x: { shape: [1, 4, 4, 1] }, filterSize: 2, strides: 2, pad: 'valid' },
  { name: 'a CNN layer (26x26, fast path)', x: { shape: [2, 26, 26, 8] }, filterSize: 2, strides: 2, pad: 'valid' },
  {
    name: '2x2 stride 2 fast path: NaN never wins, -Infinity windows pass nothing',
    x: { shape: [1, 2, 6, 1], fill: [NaN, 1, -Infinity, -Infinity, NaN, NaN, 2, NaN, -Infinity, -Infinity, NaN, 3] },
    filterSize: 2,
    strides: 2,
    pad: 'valid',
  },
  {
    // Four channels run in one SIMD lane group: each lane gets its own mix of NaN, ties and -Infinity.
    name: '2x2 stride 2 fast path, SIMD lanes: NaN, ties and -Infinity per channel',
    x: {
      shape: [1, 2, 4, 4],
      fill: [
        [NaN, 1, 1, -Infinity, 2, NaN, -Infinity, 5, 2, 2, NaN, -Infinity, 7, NaN, -Infinity, 0],
        [1, NaN, 3, -Infinity, 2, 2, -Infinity, 5, NaN, 2, NaN, 1, NaN, 7, 8, 0],
      ].flat(),
    },
    filterSize: 2,
    strides: 2,
    pad: 'valid',
  },
  {
    name: '2x2 stride 2 fast path, odd sizes and 5 channels (a lane group and one more)',
    x: { shape: [2, 7, 9, 5] },
    filterSize: 2,
    strides: 2,
    pad: 'valid',
  },
  {
    name: 'NaN never wins, -Infinity windows pass nothing',
    x: { shape: [1, 2, 4, 1], fill: [NaN, 1, -Infinity, -Infinity, 2, NaN, -Infinity, -Infinity] },
    filterSize: 2,
    strides: 2,
    pad: 'valid',
  },
];

describe("MaxPoolGrad on wasm (Strata replaces tfjs-wasm's) against tfjs cpu", () => {
  let wasmBackend: Backend;
  let cpuBackend: Backend;
  beforeAll(async () => {
    cpuBackend = await setBackend(cpu());
    wasmBackend = await setBackend(wasm());
  });

  for (const c of cases) {
    it(c.name, () => {
      const attrs = { filterSize: c.filterSize, strides: c.strides, pad: c.pad, dimRoundingMode: c.dimRoundingMode };
      const pooled = backend_util.computePool2DInfo(
        c.x.shape as [number, number, number, number],
        c.filterSize,
        c.strides,
        1,
        c.pad,
        c.dimRoundingMode,
      ).outShape;
      const inputs = { dy: { shape: pooled }, input: c.x, output: { shape: pooled } };
      expectSameResult(
        runKernelOn(wasmBackend, 'MaxPoolGrad', inputs, attrs as never),
        runKernelOn(cpuBackend, 'MaxPoolGrad', inputs, attrs as never),
      );
    });
  }
});
