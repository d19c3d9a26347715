// Test-only, run as its own Node process by threads.test.ts (Jest's sandbox cannot start the pthread
// workers): starts wasm with 2 threads and prints the thread count and a matmul and conv2d's values.
import { conv2d, matmul, setBackend, tensor } from '@strata/tensor';
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
  const out = {
    threads: wasmThreads(),
    matmul: Array.from(matmul(a, b).dataSync()),
    conv: Array.from(conv2d(x, f).dataSync()),
  };
  process.stdout.write(JSON.stringify(out));
}

main().then(
  () => process.exit(0),
  (e) => {
    console.error(e);
    process.exit(1);
  },
);
