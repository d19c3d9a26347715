import { setBackend } from '@strata/tensor';
import { tfjsBackend, type Backend } from '@strata/tensor/internal';
import { cpu } from '@strata/backend-cpu';
import { wasm } from '../index';
import { expectSameResult, runKernelOn } from '../testing/kernel-oracle';
import { dyShape } from '../testing/conv-shapes';
import { conv2dCases, inLayout } from '../testing/conv2d-cases';

// The oracle is TensorFlow.js's cpu kernel, reached through a backend that supplies nothing.
describe("Conv2DBackpropInput on wasm (Strata replaces tfjs-wasm's) against tfjs cpu", () => {
  let wasmBackend: Backend;
  let tfjsCpu: Backend;
  beforeAll(async () => {
    await setBackend(cpu()); // registers tfjs's cpu backend
    tfjsCpu = tfjsBackend({ name: 'cpu' }).createSync!();
    wasmBackend = await setBackend(wasm());
  });

  for (const c of conv2dCases) {
    for (const dataFormat of ['NHWC', 'NCHW'] as const) {
      it(`${c.name}, ${dataFormat}`, () => {
        const inputs = { dy: { shape: inLayout(dyShape(c, false), dataFormat) }, filter: { shape: c.filter } };
        const pad = Array.isArray(c.pad) && dataFormat === 'NCHW' ? inLayout(c.pad as never, dataFormat) : c.pad;
        const attrs = {
          strides: c.strides,
          pad,
          dataFormat,
          dimRoundingMode: c.dimRoundingMode,
          inputShape: inLayout(c.x, dataFormat),
        } as never;
        expectSameResult(
          runKernelOn(wasmBackend, 'Conv2DBackpropInput', inputs, attrs),
          runKernelOn(tfjsCpu, 'Conv2DBackpropInput', inputs, attrs),
        );
      });
    }
  }

  it('a batch whose columns exceed 32 MB, done an image at a time', () => {
    // Stride 2 goes through the columns; per image 108·108 positions × 400 taps = 4.7M floats of them: three chunks.
    const inputs = { dy: { shape: [3, 108, 108, 2] }, filter: { shape: [5, 5, 16, 2] } };
    const attrs = { strides: 2, pad: 'valid', dataFormat: 'NHWC', inputShape: [3, 220, 220, 16] } as never;
    expectSameResult(
      runKernelOn(wasmBackend, 'Conv2DBackpropInput', inputs, attrs),
      runKernelOn(tfjsCpu, 'Conv2DBackpropInput', inputs, attrs),
    );
  });

  it('rejects a dy whose shape is not the convolution output', () => {
    const inputs = { dy: { shape: [1, 4, 4, 3] }, filter: { shape: [3, 3, 2, 3] } };
    expect(() =>
      runKernelOn(wasmBackend, 'Conv2DBackpropInput', inputs, {
        strides: 1,
        pad: 'valid',
        inputShape: [1, 5, 5, 2],
      } as never),
    ).toThrow(/dy has shape \[1,4,4,3\], expected \[1,3,3,3\]/);
  });

  it('rejects dilations, which the tfjs kernel does not have', () => {
    const inputs = { dy: { shape: [1, 1, 1, 1] }, filter: { shape: [3, 3, 1, 1] } };
    const attrs = { strides: 1, pad: 'valid', dilations: 2, inputShape: [1, 5, 5, 1] } as never;
    expect(() => runKernelOn(wasmBackend, 'Conv2DBackpropInput', inputs, attrs)).toThrow(/dilations must be 1/);
  });
});
