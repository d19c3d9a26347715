import { setBackend } from '@strata/tensor';
import { tfjsBackend, type Backend } from '@strata/tensor/internal';
import { cpu } from '@strata/backend-cpu';
import { wasm, wasmThreads } from '../index';
import { expectSameResult, runKernelOn, type KernelInput } from '../testing/kernel-oracle';
import { conv2dCases, inLayout } from '../testing/conv2d-cases';
import type { ConvCase } from '../testing/conv-shapes';

// One thread, where Strata's direct SIMD convolution runs (with more, XNNPACK's keeps the call). The
// oracle is TensorFlow.js's cpu kernel, reached through a backend that supplies nothing.
describe('Conv2D and FusedConv2D on wasm, one thread (Strata’s direct loop) against tfjs cpu', () => {
  let wasmBackend: Backend;
  let tfjsCpu: Backend;
  beforeAll(async () => {
    await setBackend(cpu()); // registers tfjs's cpu backend
    tfjsCpu = tfjsBackend({ name: 'cpu' }).createSync!();
    wasmBackend = await setBackend(wasm({ numThreads: 1 }));
  });

  // The gradient tests' geometry (strides, 'same'/'valid'/explicit and uneven padding, ceil rounding,
  // odd sizes, batch 1, channels 1), with output channels widened to cover the loop's 16- and
  // 4-channel tiles and the fallback where they are not a multiple of 4, plus dilations.
  const cases: ConvCase[] = [
    ...conv2dCases,
    ...conv2dCases.map((c) => ({ ...c, name: `${c.name}, 20 out channels`, filter: withOut(c.filter, 20) })),
    { name: 'dilations 2', x: [2, 9, 8, 3], filter: [3, 3, 3, 8], strides: 1, pad: 'valid', dilations: 2 },
    {
      name: 'dilations [2,3], same',
      x: [1, 9, 10, 2],
      filter: [2, 3, 2, 16],
      strides: 1,
      pad: 'same',
      dilations: [2, 3],
    },
    { name: 'the MNIST CNN first layer', x: [3, 28, 28, 1], filter: [3, 3, 1, 32], strides: 1, pad: 'valid' },
  ];

  const attrsOf = (c: ConvCase, dataFormat: 'NHWC' | 'NCHW' = 'NHWC') => ({
    strides: c.strides,
    pad: Array.isArray(c.pad) && dataFormat === 'NCHW' ? inLayout(c.pad as never, dataFormat) : c.pad,
    dilations: c.dilations ?? 1,
    dataFormat,
    dimRoundingMode: c.dimRoundingMode,
  });

  it('runs on one thread', () => expect(wasmThreads()).toBe(1));

  for (const c of cases) {
    it(`Conv2D: ${c.name}`, () => {
      const inputs = { x: { shape: c.x }, filter: { shape: c.filter } };
      const attrs = attrsOf(c) as never;
      expectSameResult(
        runKernelOn(wasmBackend, 'Conv2D', inputs, attrs),
        runKernelOn(tfjsCpu, 'Conv2D', inputs, attrs),
      );
    });
    for (const activation of ['relu', 'linear'] as const) {
      it(`FusedConv2D with bias, ${activation}: ${c.name}`, () => {
        const inputs: Record<string, KernelInput> = {
          x: { shape: c.x },
          filter: { shape: c.filter },
          bias: { shape: [c.filter[3]] },
        };
        const attrs = { ...attrsOf(c), activation } as never;
        expectSameResult(
          runKernelOn(wasmBackend, 'FusedConv2D', inputs, attrs),
          runKernelOn(tfjsCpu, 'FusedConv2D', inputs, attrs),
        );
      });
    }
  }

  it('FusedConv2D without a bias, relu', () => {
    const inputs = { x: { shape: [2, 7, 6, 3] }, filter: { shape: [3, 3, 3, 8] } };
    const attrs = { strides: 1, pad: 'same', dilations: 1, dataFormat: 'NHWC', activation: 'relu' } as never;
    expectSameResult(
      runKernelOn(wasmBackend, 'FusedConv2D', inputs, attrs),
      runKernelOn(tfjsCpu, 'FusedConv2D', inputs, attrs),
    );
  });

  // What the direct loop leaves to XNNPACK: an activation it does not apply, and NCHW.
  it('FusedConv2D with elu goes to tfjs-wasm, with the same result', () => {
    const inputs = { x: { shape: [2, 6, 6, 2] }, filter: { shape: [3, 3, 2, 8] }, bias: { shape: [8] } };
    const attrs = { strides: 1, pad: 'valid', dilations: 1, dataFormat: 'NHWC', activation: 'elu' } as never;
    expectSameResult(
      runKernelOn(wasmBackend, 'FusedConv2D', inputs, attrs),
      runKernelOn(tfjsCpu, 'FusedConv2D', inputs, attrs),
    );
  });

  it('Conv2D in NCHW is refused as by tfjs-wasm', () => {
    const inputs = { x: { shape: [1, 2, 6, 6] }, filter: { shape: [3, 3, 2, 8] } };
    const attrs = attrsOf(conv2dCases[2], 'NCHW') as never;
    expect(() => runKernelOn(wasmBackend, 'Conv2D', inputs, attrs)).toThrow();
  });
});

function withOut(filter: ConvCase['filter'], out: number): ConvCase['filter'] {
  return [filter[0], filter[1], filter[2], out];
}
