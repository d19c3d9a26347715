import { setBackend } from '@strata/tensor';
import type { Backend } from '@strata/tensor/internal';
import { cpu } from '@strata/backend-cpu';
import { wasm } from '../index';
import { expectSameResult, runKernelOn, type KernelInput } from '../testing/kernel-oracle';

const cases: { name: string; x: KernelInput; dtype: string }[] = [
  {
    name: 'float32 to bool is x != 0 (tfjs-wasm truncates mod 256)',
    x: { shape: [7], fill: [0, 0.5, -1, 256, -0.25, NaN, Infinity] },
    dtype: 'bool',
  },
  { name: 'int32 to bool', x: { shape: [4], dtype: 'int32', fill: [0, 256, -1, 512] }, dtype: 'bool' },
  { name: 'bool to bool', x: { shape: [3], dtype: 'bool', fill: [0, 1, 1] }, dtype: 'bool' },
  { name: 'float32 to int32 truncates', x: { shape: [4], fill: [1.5, -1.5, 2.9, -0.1] }, dtype: 'int32' },
  { name: 'bool to float32', x: { shape: [3], dtype: 'bool', fill: [1, 0, 1] }, dtype: 'float32' },
  { name: 'int32 to float32', x: { shape: [2, 2], dtype: 'int32' }, dtype: 'float32' },
];

describe('Cast on wasm (Strata fixes the cast to bool) against tfjs cpu', () => {
  let wasmBackend: Backend;
  let cpuBackend: Backend;
  beforeAll(async () => {
    cpuBackend = await setBackend(cpu());
    wasmBackend = await setBackend(wasm());
  });

  for (const c of cases) {
    it(c.name, () => {
      const attrs = { dtype: c.dtype };
      expectSameResult(
        runKernelOn(wasmBackend, 'Cast', { x: c.x }, attrs),
        runKernelOn(cpuBackend, 'Cast', { x: c.x }, attrs),
        0,
      );
    });
  }
});
