import { backend_util } from '@tensorflow/tfjs-core';
import { setBackend } from '@strata/tensor';
import type { Backend } from '@strata/tensor/internal';
import { cpu } from '@strata/backend-cpu';
import { wasm } from '../index';
import { expectSameResult, runKernelOn } from '../testing/kernel-oracle';

type Shape5 = [number, number, number, number, number];
interface Case {
  name: string;
  x: Shape5;
  filter: Shape5;
  strides: number | [number, number, number];
  pad: 'valid' | 'same';
}

const cases: Case[] = [
  { name: '1x1x1 filter, valid', x: [2, 3, 4, 4, 3], filter: [1, 1, 1, 3, 2], strides: 1, pad: 'valid' },
  { name: '2x3x3, valid', x: [2, 4, 5, 5, 2], filter: [2, 3, 3, 2, 3], strides: 1, pad: 'valid' },
  { name: '3x3x3, same', x: [1, 4, 5, 4, 2], filter: [3, 3, 3, 2, 2], strides: 1, pad: 'same' },
  { name: 'stride 2, same (uneven padding)', x: [2, 4, 6, 6, 2], filter: [3, 3, 3, 2, 3], strides: 2, pad: 'same' },
  {
    name: 'stride 2, valid (last plane unused)',
    x: [1, 6, 7, 5, 2],
    filter: [2, 3, 2, 2, 2],
    strides: 2,
    pad: 'valid',
  },
  { name: 'strides [1,2,3], same', x: [2, 3, 6, 7, 1], filter: [2, 2, 4, 1, 3], strides: [1, 2, 3], pad: 'same' },
];

const dyShape = (c: Case) => backend_util.computeConv3DInfo(c.x, c.filter, c.strides, 1, c.pad).outShape;

describe('Conv3D backprops on wasm (Strata-supplied: tfjs-wasm 4.22 gets them wrong) against tfjs cpu', () => {
  let wasmBackend: Backend;
  let cpuBackend: Backend;
  beforeAll(async () => {
    cpuBackend = await setBackend(cpu());
    wasmBackend = await setBackend(wasm());
  });

  for (const c of cases) {
    it(`Conv3DBackpropFilterV2: ${c.name}`, () => {
      const inputs = { x: { shape: c.x }, dy: { shape: [...dyShape(c)] } };
      const attrs = { strides: c.strides, pad: c.pad, filterShape: c.filter } as never;
      expectSameResult(
        runKernelOn(wasmBackend, 'Conv3DBackpropFilterV2', inputs, attrs),
        runKernelOn(cpuBackend, 'Conv3DBackpropFilterV2', inputs, attrs),
      );
    });
    it(`Conv3DBackpropInputV2: ${c.name}`, () => {
      const inputs = { dy: { shape: [...dyShape(c)] }, filter: { shape: c.filter } };
      const attrs = { strides: c.strides, pad: c.pad, inputShape: c.x } as never;
      expectSameResult(
        runKernelOn(wasmBackend, 'Conv3DBackpropInputV2', inputs, attrs),
        runKernelOn(cpuBackend, 'Conv3DBackpropInputV2', inputs, attrs),
      );
    });
  }

  it('rejects a dy whose shape is not the convolution output', () => {
    const inputs = { x: { shape: [1, 3, 5, 5, 2] }, dy: { shape: [1, 2, 4, 4, 3] } };
    expect(() =>
      runKernelOn(wasmBackend, 'Conv3DBackpropFilterV2', inputs, {
        strides: 1,
        pad: 'valid',
        filterShape: [2, 3, 3, 2, 3],
      } as never),
    ).toThrow(/dy has shape \[1,2,4,4,3\], expected \[1,2,3,3,3\]/);
  });
});
