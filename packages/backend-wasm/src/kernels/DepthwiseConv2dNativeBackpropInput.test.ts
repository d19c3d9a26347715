import { setBackend } from '@strata/tensor';
import type { Backend } from '@strata/tensor/internal';
import { cpu } from '@strata/backend-cpu';
import { wasm } from '../index';
import { expectSameResult, runKernelOn, valuesOf } from '../testing/kernel-oracle';
import { dilatedFilterShape, dyShape } from '../testing/conv-shapes';
import { depthwiseCases, dilationsOf } from '../testing/depthwise-cases';

/** A dilated filter's values as a plain filter, zeros between its taps. */
function spreadFilter(values: number[], [fh, fw, c, m]: number[], [dh, dw]: [number, number]): number[] {
  const spreadWidth = (fw - 1) * dw + 1;
  const out = new Array<number>(((fh - 1) * dh + 1) * spreadWidth * c * m).fill(0);
  for (let i = 0; i < fh; i++)
    for (let j = 0; j < fw; j++)
      for (let k = 0; k < c * m; k++)
        out[(i * dh * spreadWidth + j * dw) * c * m + k] = values[(i * fw + j) * c * m + k];
  return out;
}

describe('DepthwiseConv2dNativeBackpropInput on wasm (Strata-supplied) against tfjs cpu', () => {
  let wasmBackend: Backend;
  let cpuBackend: Backend;
  beforeAll(async () => {
    cpuBackend = await setBackend(cpu());
    wasmBackend = await setBackend(wasm());
  });

  for (const c of depthwiseCases) {
    it(c.name, () => {
      const inputs = { dy: { shape: dyShape(c, true) }, filter: { shape: c.filter } };
      const values = valuesOf(inputs);
      const attrs = {
        strides: c.strides,
        pad: c.pad,
        dilations: c.dilations ?? 1,
        dimRoundingMode: c.dimRoundingMode,
        inputShape: c.x,
      };
      const got = runKernelOn(wasmBackend, 'DepthwiseConv2dNativeBackpropInput', inputs, attrs as never, values);
      // tfjs's cpu kernel ignores dilations: its oracle is the same gradient through the filter spread out with zeros.
      const spreadInputs = { ...inputs, filter: { shape: dilatedFilterShape(c) } };
      const spreadValues = { ...values, filter: spreadFilter(values.filter, c.filter, dilationsOf(c)) };
      const want = runKernelOn(
        cpuBackend,
        'DepthwiseConv2dNativeBackpropInput',
        spreadInputs,
        { ...attrs, dilations: 1 } as never,
        spreadValues,
      );
      expectSameResult(got, want);
    });
  }
});
