// Strata ops against the same TensorFlow.js ops, on the same backend instance (tfjs-core's registry
// holds one per process, and Strata starts it there: docs/backends.md).
//
// Targets: on wasm, a transposed matmul at most 2× a plain one (tfjs's transposed wasm matmul is
// 10-30× slower, so Strata transposes explicitly); Strata's per-op overhead at most 1.5× tfjs's.
import * as tf from '@tensorflow/tfjs-core';
import { add, conv2d, dispose, matmul, randomNormal, setBackend, tensor, type Tensor } from '@strata/tensor';
import { cpu } from '@strata/backend-cpu';
import { wasm } from '@strata/backend-wasm';
import type { Bench, Comparison } from './harness';

/** The same random values as a Strata tensor and a tfjs tensor, both on the active backends. */
function pair(shape: number[], seed: number): [Tensor, tf.Tensor] {
  const s = randomNormal(shape, { seed });
  const values = s.dataSync();
  return [s, tf.tensor(values, shape, 'float32')];
}

const BACKENDS = { cpu, wasm };

/** Both libraries on `name`: Strata's active backend and tfjs's are independent settings. */
async function useBackend(name: keyof typeof BACKENDS): Promise<void> {
  await setBackend(BACKENDS[name]());
  await tf.setBackend(name);
}

// wasm and cpu kernels run synchronously: when an op returns its result is computed, so the runs
// below do not read results back (that would add the same copy to both sides).

async function matmuls(bench: Bench): Promise<void> {
  bench.section('matmul on wasm');
  const opts = { warmup: 3, iterations: 15 };
  const mm = async (
    label: string,
    m: number,
    k: number,
    n: number,
    transposeA: boolean,
    transposeB: boolean,
  ): Promise<Comparison> => {
    const [a, ta] = pair(transposeA ? [k, m] : [m, k], 1);
    const [b, tb] = pair(transposeB ? [n, k] : [k, n], 2);
    const result = await bench.compare(
      label,
      () => matmul(a, b, { transposeA, transposeB }).dispose(),
      () => tf.matMul(ta, tb, transposeA, transposeB).dispose(),
      opts,
    );
    dispose([a, b]);
    tf.dispose([ta, tb]);
    return result;
  };
  const plain = await mm('128×784 · 784×512', 128, 784, 512, false, false);
  const tA = await mm('128×784 · 784×512, transposeA', 128, 784, 512, true, false);
  const tB = await mm('128×784 · 784×512, transposeB', 128, 784, 512, false, true);
  const square = await mm('512×512 · 512×512', 512, 512, 512, false, false);
  const squareA = await mm('512×512 · 512×512, transposeA', 512, 512, 512, true, false);
  const squareB = await mm('512×512 · 512×512, transposeB', 512, 512, 512, false, true);

  bench.section('Strata transposed / Strata plain, on wasm');
  bench.figure('128×784 · 784×512: transposeA / plain', tA.strataMs / plain.strataMs, { atMost: 2 });
  bench.figure('128×784 · 784×512: transposeB / plain', tB.strataMs / plain.strataMs, { atMost: 2 });
  bench.figure('512² transposeA / plain', squareA.strataMs / square.strataMs, { atMost: 2 });
  bench.figure('512² transposeB / plain', squareB.strataMs / square.strataMs, { atMost: 2 });
}

async function convolution(bench: Bench): Promise<void> {
  bench.section('conv2d forward on wasm');
  const [x, tx] = pair([32, 28, 28, 16], 3);
  const [f, tfilter] = pair([3, 3, 16, 32], 4);
  await bench.compare(
    'x [32,28,28,16] * filter [3,3,16,32], same',
    () => conv2d(x, f, { strides: 1, padding: 'same' }).dispose(),
    () => tf.conv2d(tx as tf.Tensor4D, tfilter as tf.Tensor4D, 1, 'same').dispose(),
    { warmup: 3, iterations: 15 },
  );
  dispose([x, f]);
  tf.dispose([tx, tfilter]);
}

async function addOverhead(bench: Bench, backend: 'cpu' | 'wasm'): Promise<void> {
  await useBackend(backend);
  bench.section(`per-op overhead: add on [2] tensors, ${backend}`);
  const a = tensor([1, 2]);
  const b = tensor([3, 4]);
  const ta = tf.tensor([1, 2]);
  const tb = tf.tensor([3, 4]);
  const result = await bench.compare(
    'add([2], [2])',
    () => add(a, b).dispose(),
    () => tf.add(ta, tb).dispose(),
    { warmup: 2, iterations: 21, inner: 2000 },
  );
  bench.figure(`Strata add overhead / tfjs add overhead (${backend})`, result.ratio, { atMost: 1.5 });
  dispose([a, b]);
  tf.dispose([ta, tb]);
}

export default async function opsBench(bench: Bench): Promise<void> {
  await useBackend('wasm');
  await matmuls(bench);
  await convolution(bench);
  await addOverhead(bench, 'cpu');
  await addOverhead(bench, 'wasm');
}
