// Test-only, run as its own Node process by threads.test.ts (Jest's sandbox cannot start the pthread
// workers): starts wasm with 2 threads and prints the thread count and the values of a matmul, a
// conv2d and the kernels of Strata's SIMD module (whose plain-memory build runs only where wasm has
// one thread: the 1-thread run of this program is its test through the backend).
import {
  conv2d,
  conv2dBackpropFilter,
  matmul,
  maxPool2d,
  maxPool2dGrad,
  relu,
  reluGrad,
  setBackend,
  tensor,
} from '@strata/tensor';
import { wasm, wasmThreads } from '../index';

async function main(): Promise<void> {
  await setBackend(wasm({ numThreads: Number(process.argv[2] ?? 2) }));
  const a = tensor(
    Array.from({ length: 64 * 96 }, (_, i) => Math.sin(i)),
    [64, 96],
  );
  const b = tensor(
    Array.from({ length: 96 * 80 }, (_, i) => Math.cos(i)),
    [96, 80],
  );
  const x = tensor(
    Array.from({ length: 4 * 9 * 9 * 8 }, (_, i) => Math.sin(i * 0.3)),
    [4, 9, 9, 8],
  );
  const f = tensor(
    Array.from({ length: 3 * 3 * 8 * 16 }, (_, i) => Math.cos(i * 0.7)),
    [3, 3, 8, 16],
  );
  const y = relu(conv2d(x, f));
  const dy = tensor(
    Array.from({ length: 4 * 7 * 7 * 16 }, (_, i) => Math.sin(i * 0.13)),
    [4, 7, 7, 16],
  );
  const pooled = maxPool2d(y, 2);
  const big = [3, 3, 8, 16]; // 72 taps: XNNPACK's product; one input channel (9 taps): Strata's matmul_long_k
  const x1 = tensor(
    Array.from({ length: 4 * 9 * 9 }, (_, i) => Math.cos(i * 0.21)),
    [4, 9, 9, 1],
  );
  const out = {
    threads: wasmThreads(),
    matmul: Array.from(matmul(a, b).dataSync()),
    conv: Array.from(conv2d(x, f).dataSync()),
    simd: [
      ...reluGrad(dy, y).dataSync(),
      ...maxPool2dGrad(
        tensor(
          Array.from({ length: 4 * 3 * 3 * 16 }, (_, i) => i),
          [4, 3, 3, 16],
        ),
        y,
        pooled,
        {
          poolSize: 2,
        },
      ).dataSync(),
      ...conv2dBackpropFilter(x, dy, big).dataSync(),
      ...conv2dBackpropFilter(x1, dy, [3, 3, 1, 16]).dataSync(),
    ],
  };
  // Exit only once the pipe has taken it all: a write to a pipe completes after process.exit would cut it.
  await new Promise<void>((done) => process.stdout.write(JSON.stringify(out), () => done()));
}

main().then(
  () => process.exit(0),
  (e) => {
    console.error(e);
    process.exit(1);
  },
);
