import * as tfc from '@tensorflow/tfjs-core';
import { setBackend, tensor, reluGrad, tidy } from '@strata/tensor';
import type { Backend } from '@strata/tensor/internal';
import { cpu } from '@strata/backend-cpu';
import { wasm } from '../index';
import { expectSameResult, runKernelOn, valuesOf, type KernelInput } from '../testing/kernel-oracle';

const cases: { name: string; dy: KernelInput; y: KernelInput }[] = [
  { name: 'a conv activation [2,5,5,3]', dy: { shape: [2, 5, 5, 3] }, y: { shape: [2, 5, 5, 3] } },
  {
    name: 'zeros and negatives pass nothing',
    dy: { shape: [6], fill: [1, 2, 3, 4, 5, 6] },
    y: { shape: [6], fill: [0, -0, -1, 1e-30, -Infinity, Infinity] },
  },
  {
    name: 'a NaN or infinite dy where y <= 0 gives 0, not NaN',
    dy: { shape: [4], fill: [NaN, Infinity, NaN, -Infinity] },
    y: { shape: [4], fill: [-1, 0, 2, 3] },
  },
  { name: 'a NaN y passes nothing', dy: { shape: [2], fill: [1, 2] }, y: { shape: [2], fill: [NaN, 1] } },
  { name: 'odd size', dy: { shape: [3, 7] }, y: { shape: [3, 7] } },
];

// The oracle is TensorFlow's relu gradient written with tfjs's ops on its cpu backend: where(y > 0, dy, 0).
describe('ReluGrad on wasm (one pass over the heap) against tfjs cpu', () => {
  let wasmBackend: Backend;
  beforeAll(async () => {
    await setBackend(cpu());
    await tfc.setBackend('cpu');
    wasmBackend = await setBackend(wasm());
  });

  for (const c of cases) {
    it(c.name, () => {
      const values = valuesOf({ dy: c.dy, y: c.y });
      const got = runKernelOn(wasmBackend, 'ReluGrad', { dy: c.dy, y: c.y }, {}, values);
      const want = tfc.tidy(() => {
        const [dy, y] = [tfc.tensor(values.dy, c.dy.shape), tfc.tensor(values.y, c.y.shape)];
        return Array.from(tfc.where(tfc.greater(y, 0), dy, tfc.zerosLike(dy)).dataSync());
      });
      expectSameResult(got, { shape: c.dy.shape, dtype: 'float32', values: want }, 0);
    });
  }

  it('is what the reluGrad op runs on wasm, and the op gives the same on cpu', async () => {
    const run = () => tidy(() => Array.from(reluGrad(tensor([NaN, 2, 3, -4]), tensor([-1, 5, 0, 1])).dataSync()));
    expect(wasmBackend.hasKernel('ReluGrad')).toBe(true);
    const onWasm = run();
    await setBackend(cpu());
    const onCpu = run();
    await setBackend(wasm());
    expect(onWasm).toEqual([0, 2, 0, -4]);
    expect(onCpu).toEqual(onWasm);
  });
});
