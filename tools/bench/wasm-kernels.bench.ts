// `pnpm bench wasm-kernels`: each kernel Strata supplies on wasm for a CNN's training step, against
// what runs without it (tfjs-wasm's own kernel, or the composed kernels it replaced), on the MNIST
// CNN's shapes at batch 128. Same inputs, same backend instance, interleaved.
import { getKernel, setBackend as setTfjsBackend, type NamedAttrMap } from '@tensorflow/tfjs-core';
import { setBackend } from '@strata/tensor';
import { composedKernels, type Backend, type TensorInfo } from '@strata/tensor/internal';
import { wasm } from '@strata/backend-wasm';
import { wasmKernels } from '@strata/backend-wasm/internal';
import type { Bench } from './harness';

type Inputs = Record<string, number[]>;

function write(backend: Backend, shapes: Inputs): Record<string, TensorInfo> {
  let seed = 1;
  const rand = () => ((seed = (seed * 16807) % 2147483647) / 2147483647) * 2 - 1;
  return Object.fromEntries(
    Object.entries(shapes).map(([name, shape]) => {
      const values = Float32Array.from({ length: shape.reduce((a, b) => a * b, 1) }, rand);
      return [name, { dataId: backend.tf.write(values, shape, 'float32'), shape, dtype: 'float32' as const }];
    }),
  );
}

const free = (backend: Backend, out: TensorInfo | TensorInfo[]) => {
  for (const o of Array.isArray(out) ? out : [out]) backend.tf.disposeData(o.dataId);
};

/** tfjs-wasm's own kernel, run directly (Strata's backend would pick Strata's). */
const tfjsWasm = (backend: Backend, name: string, inputs: Record<string, TensorInfo>, attrs: NamedAttrMap) => () =>
  free(backend, getKernel(name, 'wasm')!.kernelFunc({ inputs: inputs as never, backend: backend.tf, attrs }) as never);

const strataKernel = (backend: Backend, name: string, inputs: Record<string, TensorInfo>, attrs: NamedAttrMap) => () =>
  free(backend, wasmKernels[name]({ inputs, backend: backend.tf, attrs, strata: backend }));

export default async function (bench: Bench): Promise<void> {
  const backend = await setBackend(wasm());
  await setTfjsBackend('wasm'); // the harness counts tfjs's tensors too
  const opts = { warmup: 2, iterations: 9 };
  bench.section(
    'Strata kernels on wasm (strata) against what runs without them (tfjs column), MNIST CNN shapes, batch 128',
  );
  {
    const inputs = write(backend, { dy: [128, 11, 11, 64], filter: [3, 3, 32, 64] });
    const attrs = { strides: 1, pad: 'valid', dataFormat: 'NHWC', inputShape: [128, 13, 13, 32] };
    await bench.compare(
      "Conv2DBackpropInput vs tfjs-wasm's",
      strataKernel(backend, 'Conv2DBackpropInput', inputs, attrs),
      tfjsWasm(backend, 'Conv2DBackpropInput', inputs, attrs),
      opts,
    );
    free(backend, Object.values(inputs));
  }
  for (const [x, dy, filterShape] of [
    [
      [128, 28, 28, 1],
      [128, 26, 26, 32],
      [3, 3, 1, 32],
    ],
    [
      [128, 13, 13, 32],
      [128, 11, 11, 64],
      [3, 3, 32, 64],
    ],
  ]) {
    const inputs = write(backend, { x, dy });
    const attrs = { strides: 1, pad: 'valid', dataFormat: 'NHWC', filterShape };
    const composed = () =>
      free(backend, composedKernels.Conv2DBackpropFilter({ inputs, backend: backend.tf, attrs, strata: backend }));
    await bench.compare(
      `Conv2DBackpropFilter ${filterShape.join('x')} vs dilated conv`,
      strataKernel(backend, 'Conv2DBackpropFilter', inputs, attrs),
      composed,
      opts,
    );
    free(backend, Object.values(inputs));
  }
  {
    const inputs = write(backend, { dy: [128, 13, 13, 32], input: [128, 26, 26, 32], output: [128, 13, 13, 32] });
    const attrs = { filterSize: 2, strides: 2, pad: 'valid' };
    // tfjs-wasm's own MaxPoolGrad gives wrong gradients; timed only to show what it cost.
    await bench.compare(
      "MaxPoolGrad 2×2/2 vs tfjs-wasm's (wrong) one",
      strataKernel(backend, 'MaxPoolGrad', inputs, attrs),
      tfjsWasm(backend, 'MaxPoolGrad', inputs, attrs),
      opts,
    );
    free(backend, Object.values(inputs));
  }
  {
    const inputs = write(backend, { x: [128, 26, 26, 32] });
    const attrs = { axis: [0, 1, 2], keepDims: false };
    await bench.compare(
      "Sum [128,26,26,32] → [32] vs tfjs-wasm's",
      strataKernel(backend, 'Sum', inputs, attrs),
      tfjsWasm(backend, 'Sum', inputs, attrs),
      opts,
    );
    free(backend, Object.values(inputs));
  }
  {
    const inputs = write(backend, { dy: [128, 26, 26, 32], y: [128, 26, 26, 32] });
    const zero = write(backend, { b: [] });
    const composed = () => {
      const condition = getKernel('Greater', 'wasm')!.kernelFunc({
        inputs: { a: inputs.y, b: zero.b } as never,
        backend: backend.tf,
        attrs: {},
      }) as never as TensorInfo;
      const zeros = getKernel('ZerosLike', 'wasm')!.kernelFunc({
        inputs: { x: inputs.dy } as never,
        backend: backend.tf,
        attrs: {},
      }) as never as TensorInfo;
      const out = getKernel('Select', 'wasm')!.kernelFunc({
        inputs: { condition, t: inputs.dy, e: zeros } as never,
        backend: backend.tf,
        attrs: {},
      });
      free(backend, [condition, zeros, out as never]);
    };
    await bench.compare(
      'ReluGrad [128,26,26,32] vs Greater+ZerosLike+Select',
      strataKernel(backend, 'ReluGrad', inputs, {}),
      composed,
      opts,
    );
    free(backend, [...Object.values(inputs), zero.b]);
  }
}
