import { setBackend } from '@strata/tensor';
import { tfjsBackend, type Backend } from '@strata/tensor/internal';
import { cpu } from '@strata/backend-cpu';
import { wasm, wasmThreads } from '../index';
import { expectSameResult, runKernelOn } from '../testing/kernel-oracle';

// Two threads: XNNPACK's Conv2D keeps the call, except with a dimRoundingMode, which tfjs-wasm ignores
// (Strata's direct loop takes it). The oracle is TensorFlow.js's cpu kernel.
describe('Conv2D on wasm, two threads, against tfjs cpu', () => {
  let wasmBackend: Backend;
  let tfjsCpu: Backend;
  beforeAll(async () => {
    await setBackend(cpu());
    tfjsCpu = tfjsBackend({ name: 'cpu' }).createSync!();
    wasmBackend = await setBackend(wasm({ numThreads: 2 }));
  });

  it('runs on two threads', () => expect(wasmThreads()).toBe(2));

  for (const dimRoundingMode of [undefined, 'ceil', 'round'] as const) {
    it(`explicit pad 1, stride 2, dimRoundingMode ${dimRoundingMode}`, () => {
      const inputs = { x: { shape: [2, 6, 6, 2] }, filter: { shape: [3, 3, 2, 6] } };
      const attrs = { strides: 2, pad: 1, dilations: 1, dataFormat: 'NHWC', dimRoundingMode } as never;
      expectSameResult(
        runKernelOn(wasmBackend, 'Conv2D', inputs, attrs),
        runKernelOn(tfjsCpu, 'Conv2D', inputs, attrs),
      );
    });
  }
});
