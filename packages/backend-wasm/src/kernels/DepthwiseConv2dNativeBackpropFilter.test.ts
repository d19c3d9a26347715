import { setBackend } from '@strata/tensor';
import type { Backend } from '@strata/tensor/internal';
import { cpu } from '@strata/backend-cpu';
import { wasm } from '../index';
import { expectSameResult, runKernelOn, type KernelResult } from '../testing/kernel-oracle';
import { dilatedFilterShape, dyShape } from '../testing/conv-shapes';
import { depthwiseCases, dilationsOf } from '../testing/depthwise-cases';

/** The taps a dilated filter really has, picked out of the gradient of its zero-spread equivalent. */
function undilate(spread: KernelResult, filter: number[], [dh, dw]: [number, number]): KernelResult {
  const [fh, fw, c, m] = filter;
  const spreadWidth = (fw - 1) * dw + 1;
  const values: number[] = [];
  for (let i = 0; i < fh; i++)
    for (let j = 0; j < fw; j++)
      for (let k = 0; k < c * m; k++) values.push(spread.values[(i * dh * spreadWidth + j * dw) * c * m + k]);
  return { shape: filter, dtype: spread.dtype, values };
}

describe('DepthwiseConv2dNativeBackpropFilter on wasm (Strata-supplied) against tfjs cpu', () => {
  let wasmBackend: Backend;
  let cpuBackend: Backend;
  beforeAll(async () => {
    cpuBackend = await setBackend(cpu());
    wasmBackend = await setBackend(wasm());
  });

  for (const c of depthwiseCases) {
    it(c.name, () => {
      const inputs = { x: { shape: c.x }, dy: { shape: dyShape(c, true) } };
      const attrs = {
        strides: c.strides,
        pad: c.pad,
        dilations: c.dilations ?? 1,
        dimRoundingMode: c.dimRoundingMode,
        filterShape: c.filter,
      };
      const got = runKernelOn(wasmBackend, 'DepthwiseConv2dNativeBackpropFilter', inputs, attrs as never);
      // tfjs's cpu kernel ignores dilations: its oracle is the same gradient for the filter spread out with zeros.
      const spreadAttrs = { ...attrs, dilations: 1, filterShape: dilatedFilterShape(c) };
      const spread = runKernelOn(cpuBackend, 'DepthwiseConv2dNativeBackpropFilter', inputs, spreadAttrs as never);
      expectSameResult(got, undilate(spread, c.filter, dilationsOf(c)));
    });
  }
});
