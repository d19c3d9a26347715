import { execFileSync } from 'node:child_process';
import { join } from 'node:path';

// The threaded binary runs in a separate Node process: Jest's vm sandbox hangs starting Emscripten's
// pthread workers. The oracle is the same program on one thread (the single-threaded SIMD binary).
const tsx = join(__dirname, '..', '..', '..', 'node_modules', '.bin', 'tsx');
const run = (threads: number) =>
  JSON.parse(
    execFileSync(tsx, [join(__dirname, 'testing', 'threads-check.ts'), String(threads)], {
      encoding: 'utf8',
      timeout: 60_000,
    }),
  ) as {
    threads: number;
    matmul: number[];
    conv: number[];
    simd: number[];
  };

test('wasm({ numThreads: 2 }) runs the threaded binary in Node, with the one-thread results (SIMD kernels too)', () => {
  const two = run(2);
  const one = run(1);
  expect(one.threads).toBe(1);
  expect(two.threads).toBe(2);
  for (const key of ['matmul', 'conv', 'simd'] as const) {
    expect(two[key].length).toBe(one[key].length);
    two[key].forEach((v, i) =>
      expect(Math.abs(v - one[key][i])).toBeLessThanOrEqual(1e-4 * (1 + Math.abs(one[key][i]))),
    );
  }
}, 120_000);
