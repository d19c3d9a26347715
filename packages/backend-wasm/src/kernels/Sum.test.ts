import { setBackend } from '@strata/tensor';
import { tfjsBackend, type Backend } from '@strata/tensor/internal';
import { cpu } from '@strata/backend-cpu';
import { wasm } from '../index';
import { expectSameResult, runKernelOn, type KernelInput } from '../testing/kernel-oracle';

const cases: { name: string; x: KernelInput; axis: number | number[]; keepDims: boolean }[] = [
  { name: 'a bias gradient: leading axes of [4,6,5,8]', x: { shape: [4, 6, 5, 8] }, axis: [0, 1, 2], keepDims: false },
  { name: 'leading axes, keepDims', x: { shape: [4, 6, 5, 8] }, axis: [0, 1, 2], keepDims: true },
  { name: 'axis 0 of a matrix (a dense bias)', x: { shape: [37, 10] }, axis: 0, keepDims: false },
  { name: 'negative, unsorted leading axes', x: { shape: [3, 5, 7] }, axis: [-2, 0], keepDims: false },
  { name: "one row (tfjs-wasm's kernel)", x: { shape: [1, 9] }, axis: 0, keepDims: false },
  {
    name: 'more rows than a block, columns in every width (32 + 16 + 4 + 3)',
    x: { shape: [130, 55] },
    axis: 0,
    keepDims: false,
  },
  { name: 'odd columns over blocks of rows', x: { shape: [3, 50, 7] }, axis: [0, 1], keepDims: false },
  { name: 'channels 1', x: { shape: [3, 4, 4, 1] }, axis: [0, 1, 2], keepDims: false },
  { name: "inner axes (tfjs-wasm's kernel)", x: { shape: [3, 5, 7] }, axis: [1, 2], keepDims: false },
  { name: "every axis (tfjs-wasm's kernel)", x: { shape: [3, 5] }, axis: [0, 1], keepDims: true },
  { name: "int32 (tfjs-wasm's kernel)", x: { shape: [6, 4], dtype: 'int32' }, axis: 0, keepDims: false },
  {
    name: 'large values do not lose the small ones',
    x: { shape: [5, 2], fill: [1e7, 1, 1, 2, -1e7, 3, 0.5, 4, 0.25, 5] },
    axis: 0,
    keepDims: false,
  },
];

describe('Sum on wasm (leading axes by sum_rows) against tfjs cpu', () => {
  let wasmBackend: Backend;
  let tfjsCpu: Backend;
  beforeAll(async () => {
    await setBackend(cpu()); // registers tfjs's cpu backend
    tfjsCpu = tfjsBackend({ name: 'cpu' }).createSync!();
    wasmBackend = await setBackend(wasm());
  });

  for (const c of cases) {
    it(c.name, () => {
      const attrs = { axis: c.axis, keepDims: c.keepDims };
      expectSameResult(
        runKernelOn(wasmBackend, 'Sum', { x: c.x }, attrs),
        runKernelOn(tfjsCpu, 'Sum', { x: c.x }, attrs),
        1e-5,
      );
    });
  }
});
