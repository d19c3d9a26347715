import { setBackend } from '@strata/tensor';
import { tfjsBackend, type Backend } from '@strata/tensor/internal';
import { cpu } from '@strata/backend-cpu';
import { wasm } from '../index';
import { expectSameResult, runKernelOn } from '../testing/kernel-oracle';
import { dyShape } from '../testing/conv-shapes';
import { conv2dCases as cases } from '../testing/conv2d-cases';

// wasm's is an im2col and one matmul; cpu's is composed in @strata/tensor (its own is slow); the oracle
// is TensorFlow.js's cpu kernel, reached through a backend that supplies nothing.
describe('Conv2DBackpropFilter on wasm and cpu (Strata-supplied) against tfjs cpu', () => {
  let wasmBackend: Backend;
  let cpuBackend: Backend;
  let tfjsCpu: Backend;
  beforeAll(async () => {
    cpuBackend = await setBackend(cpu());
    tfjsCpu = tfjsBackend({ name: 'cpu' }).createSync!();
    wasmBackend = await setBackend(wasm());
  });

  // Few taps run Strata's matmul_long_k: its 3-row, 16- and 4-column tiles and their remainders.
  const longK = [
    { name: 'long K: 9 taps, 21 output channels', x: [2, 9, 8, 1], filter: [3, 3, 1, 21], strides: 1, pad: 'valid' },
    { name: 'long K: 16 taps, 20 output channels', x: [1, 6, 7, 4], filter: [2, 2, 4, 20], strides: 1, pad: 'same' },
    { name: 'long K: a first CNN layer', x: [4, 14, 14, 1], filter: [3, 3, 1, 32], strides: 1, pad: 'valid' },
  ] as typeof cases;
  // Channels in fours run im2col_t_c4: 4×4 blocks, padding, strides, and 1-3 positions left over.
  const fours = [
    { name: 'channels 8, strides [2,1], same', x: [3, 7, 6, 8], filter: [3, 3, 8, 5], strides: [2, 1], pad: 'same' },
    {
      name: 'channels 4, explicit pad 1, stride 2 (9 positions)',
      x: [1, 5, 5, 4],
      filter: [2, 3, 4, 6],
      strides: 2,
      pad: 1,
    },
    {
      name: 'channels 12, valid (2 × 3 × 3 = 18 positions)',
      x: [2, 5, 4, 12],
      filter: [3, 2, 12, 3],
      strides: 1,
      pad: 'valid',
    },
    { name: 'channels 32, a second CNN layer', x: [3, 7, 7, 32], filter: [3, 3, 32, 8], strides: 1, pad: 'valid' },
  ] as typeof cases;
  for (const c of [...cases, ...longK, ...fours]) {
    for (const dataFormat of ['NHWC', 'NCHW'] as const) {
      it(`${c.name}, ${dataFormat}`, () => {
        const nhwcToFormat = (s: number[]) => (dataFormat === 'NHWC' ? s : [s[0], s[3], s[1], s[2]]);
        const inputs = { x: { shape: nhwcToFormat(c.x) }, dy: { shape: nhwcToFormat(dyShape(c, false)) } };
        const pad = Array.isArray(c.pad) && dataFormat === 'NCHW' ? nhwcToFormat(c.pad as never) : c.pad;
        const attrs = {
          strides: c.strides,
          pad,
          dataFormat,
          dimRoundingMode: c.dimRoundingMode,
          filterShape: c.filter,
        } as never;
        const want = runKernelOn(tfjsCpu, 'Conv2DBackpropFilter', inputs, attrs);
        expectSameResult(runKernelOn(wasmBackend, 'Conv2DBackpropFilter', inputs, attrs), want);
        expectSameResult(runKernelOn(cpuBackend, 'Conv2DBackpropFilter', inputs, attrs), want);
      });
    }
  }

  it('rejects a dy whose shape is not the convolution output', () => {
    const inputs = { x: { shape: [1, 5, 5, 2] }, dy: { shape: [1, 4, 4, 3] } };
    expect(() =>
      runKernelOn(wasmBackend, 'Conv2DBackpropFilter', inputs, {
        strides: 1,
        pad: 'valid',
        filterShape: [3, 3, 2, 3],
      } as never),
    ).toThrow(/dy has shape \[1,4,4,3\], expected \[1,3,3,3\]/);
  });

  it('rejects dilations, which the tfjs kernel does not have', () => {
    const inputs = { x: { shape: [1, 5, 5, 1] }, dy: { shape: [1, 1, 1, 1] } };
    expect(() =>
      runKernelOn(wasmBackend, 'Conv2DBackpropFilter', inputs, {
        strides: 1,
        pad: 'valid',
        dilations: 2,
        filterShape: [3, 3, 1, 1],
      } as never),
    ).toThrow(/dilations must be 1/);
  });
});
