import { conv2d, matmul, setBackend, tensor } from '@strata/tensor';
import { cpu } from '@strata/backend-cpu';
import { availableParallelism, cpus } from 'node:os';
import { wasm, wasmThreads } from './index';

// Inside Jest's sandbox, the default backend runs the threaded binary on the machine's cores (at
// least 2 here: asked explicitly on a 1-core machine) and Jest exits when the file is done (the pool's
// workers neither keep Node alive nor outlive the file: tools/jest/wasm-threads.ts).
const cores = availableParallelism?.() ?? cpus().length;

test('the threaded wasm backend starts inside Jest and matches cpu', async () => {
  const x = Array.from({ length: 2 * 7 * 7 * 3 }, (_, i) => Math.sin(i * 0.37));
  const f = Array.from({ length: 3 * 3 * 3 * 8 }, (_, i) => Math.cos(i * 0.11));
  const a = Array.from({ length: 33 * 70 }, (_, i) => Math.sin(i));
  const b = Array.from({ length: 70 * 17 }, (_, i) => Math.cos(i));
  const compute = () => [
    Array.from(conv2d(tensor(x, [2, 7, 7, 3]), tensor(f, [3, 3, 3, 8]), { padding: 'same' }).dataSync()),
    Array.from(matmul(tensor(a, [33, 70]), tensor(b, [70, 17])).dataSync()),
  ];
  await setBackend(cpu());
  const expected = compute();
  await setBackend(cores > 1 ? wasm() : wasm({ numThreads: 2 }));
  // tfjs-wasm's C++ may cap a large machine's pool (at 8), so only "more than one" is required here.
  expect(wasmThreads()).toBeGreaterThanOrEqual(2);
  expect(wasmThreads()).toBeLessThanOrEqual(Math.max(2, cores));
  const got = compute();
  got.forEach((values, k) =>
    values.forEach((v, i) => expect(Math.abs(v - expected[k][i])).toBeLessThanOrEqual(1e-4 * (1 + Math.abs(v)))),
  );
}, 60_000);
