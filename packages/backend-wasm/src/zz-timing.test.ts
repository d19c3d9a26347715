import { setBackend, type Backend } from '@strata/tensor';
import { cpu } from '@strata/backend-cpu';
import { backend_util } from '@tensorflow/tfjs-core';
import { wasm } from './index';
const time = (b: Backend, kernel: string, inputs: Record<string, number[]>, attrs: object, reps = 3) => {
  const infos: any = {};
  for (const [k, shape] of Object.entries(inputs)) infos[k] = { dataId: b.tf.write(new Float32Array(shape.reduce((a, c) => a * c, 1)).map(() => Math.random()), shape, 'float32'), shape, dtype: 'float32' };
  let best = Infinity;
  for (let r = 0; r < reps; r++) { const t0 = performance.now(); const out: any = b.runKernel(kernel, infos, attrs as never); b.tf.readSync(out.dataId); best = Math.min(best, performance.now() - t0); b.tf.disposeData(out.dataId); }
  for (const i of Object.values(infos) as any[]) b.tf.disposeData(i.dataId);
  return best.toFixed(1);
};
it('timing', async () => {
  const c = await setBackend(cpu()); const w = await setBackend(wasm());
  const x = [16, 28, 28, 32], f = [3, 3, 32, 64];
  const dy = backend_util.computeConv2DInfo(x as never, f as never, 1, 1, 'same').outShape;
  const a = { strides: 1, pad: 'same', filterShape: f, dataFormat: 'NHWC' };
  console.log('Conv2DBackpropFilter ms wasm', time(w, 'Conv2DBackpropFilter', { x, dy }, a), 'cpu', time(c, 'Conv2DBackpropFilter', { x, dy }, a, 1), 'wasm fwd conv', time(w, 'Conv2D', { x, filter: f }, { strides: 1, pad: 'same', dilations: 1, dataFormat: 'NHWC' }));
  const x2 = [16, 28, 28, 32], f2 = [3, 3, 32, 1];
  const dy2 = backend_util.computeConv2DInfo(x2 as never, f2 as never, 1, 1, 'same', undefined, true).outShape;
  const a2 = { strides: 1, pad: 'same', dilations: 1, filterShape: f2 };
  console.log('DW filter ms wasm', time(w, 'DepthwiseConv2dNativeBackpropFilter', { x: x2, dy: dy2 }, a2), 'cpu', time(c, 'DepthwiseConv2dNativeBackpropFilter', { x: x2, dy: dy2 }, a2, 1));
  const a3 = { strides: 1, pad: 'same', dilations: 1, inputShape: x2 };
  console.log('DW input ms wasm', time(w, 'DepthwiseConv2dNativeBackpropInput', { dy: dy2, filter: f2 }, a3), 'cpu', time(c, 'DepthwiseConv2dNativeBackpropInput', { dy: dy2, filter: f2 }, a3, 1));
}, 120000);
