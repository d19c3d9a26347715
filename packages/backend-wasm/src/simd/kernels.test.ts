import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { plainMemoryKernels, sharedMemoryKernels } from './binaries';
import type { SimdKernels } from './index';

const here = __dirname;
const file = (name: string) => readFileSync(join(here, name));
const hasClang = ['clang', 'clang-14'].some((c) => {
  try {
    execFileSync(c, ['--version'], { stdio: 'ignore' });
    return true;
  } catch {
    return false;
  }
});

test('binaries.ts holds the checked-in .wasm files', () => {
  expect(plainMemoryKernels).toBe(file('kernels.wasm').toString('base64'));
  expect(sharedMemoryKernels).toBe(file('kernels-shared.wasm').toString('base64'));
});

// CI installs clang and lld (.ci/env.sh) and sets STRATA_REQUIRE_CLANG=1: there a missing toolchain fails.
test('the toolchain is present where it is required', () => {
  if (process.env.STRATA_REQUIRE_CLANG === '1' && !hasClang)
    throw new Error(
      'STRATA_REQUIRE_CLANG=1 but neither clang nor clang-14 runs: install them (Debian: apt-get install clang lld)',
    );
});

(hasClang ? test : test.skip)('the checked-in binaries are what build.sh makes of kernels.c (needs clang, lld)', () => {
  const out = mkdtempSync(join(tmpdir(), 'strata-simd-'));
  try {
    execFileSync('bash', [join(here, 'build.sh'), out], { stdio: 'pipe' });
    for (const name of ['kernels.wasm', 'kernels-shared.wasm', 'binaries.ts'])
      expect(readFileSync(join(out, name)).equals(file(name))).toBe(true);
  } finally {
    rmSync(out, { recursive: true, force: true });
  }
});

// The backend's kernel tests run the build its memory needs (the shared one under Jest's default of
// the machine's cores); here both run on a memory of their own, against a reference and each other.
const builds = [
  { name: 'plain memory', bytes: 'kernels.wasm', memory: () => new WebAssembly.Memory({ initial: 2 }) },
  {
    name: 'shared memory',
    bytes: 'kernels-shared.wasm',
    memory: () => new WebAssembly.Memory({ initial: 2, maximum: 65536, shared: true }),
  },
];

function run(build: (typeof builds)[number]): { relu: Float32Array; patches: Float32Array; pool: Float32Array } {
  const memory = build.memory();
  const k = new WebAssembly.Instance(new WebAssembly.Module(file(build.bytes)), { env: { memory } })
    .exports as unknown as SimdKernels;
  const f = new Float32Array(memory.buffer);
  const n = 23; // a lane group's worth and a remainder
  const special = [0, -0, -1, 1e-30, Number.NEGATIVE_INFINITY, Number.POSITIVE_INFINITY, Number.NaN, 2];
  for (let i = 0; i < n; i++) {
    f[i] = special[i % special.length];
    f[64 + i] = i % 5 === 0 ? Number.NaN : i + 1;
  }
  k.relu_grad(0, 64 * 4, 128 * 4, n);
  // x [2, 5, 4, 3] at 1024 floats; 3×2 filter, strides 2×1, padding 1 on top and left.
  for (let i = 0; i < 120; i++) f[1024 + i] = Math.sin(i) * 10;
  k.im2col_t(1024 * 4, 2048 * 4, 2, 5, 4, 3, 3, 2, 2, 1, 1, 1, 3, 4);
  // MaxPool 2×2 / 2 on the same x as [2, 5, 4, 3]: [2, 2, 2, 3] windows.
  for (let i = 0; i < 24; i++) f[3072 + i] = i + 1;
  f.fill(0, 4096, 4096 + 120);
  k.max_pool_grad_2x2(1024 * 4, 3072 * 4, 4096 * 4, 2, 5, 4, 3, 2, 2);
  return {
    relu: f.slice(128, 128 + n),
    patches: f.slice(2048, 2048 + 3 * 2 * 3 * 2 * 3 * 4),
    pool: f.slice(4096, 4096 + 120),
  };
}

test('both builds compute relu_grad as y > 0 ? dy : 0, and the same im2col and pooling gradient', () => {
  const [plain, shared] = builds.map(run);
  const special = [0, -0, -1, 1e-30, Number.NEGATIVE_INFINITY, Number.POSITIVE_INFINITY, Number.NaN, 2];
  const want = Array.from({ length: 23 }, (_, i) =>
    special[i % special.length] > 0 ? (i % 5 === 0 ? Number.NaN : i + 1) : 0,
  );
  expect(Array.from(plain.relu)).toEqual(want);
  expect(Array.from(shared.relu)).toEqual(want);
  expect(Array.from(plain.patches)).toEqual(Array.from(shared.patches));
  expect(Array.from(plain.pool)).toEqual(Array.from(shared.pool));
  // Each window passes its dy to exactly one of its four positions: the pooling gradient sums to dy's sum.
  expect(plain.pool.reduce((s, v) => s + v, 0)).toBe(((24 * 25) / 2) * 1);
});

test('im2col_t_c4 makes the patches im2col_t makes, where channels come in fours', () => {
  for (const build of builds) {
    const memory = build.memory();
    const k = new WebAssembly.Instance(new WebAssembly.Module(file(build.bytes)), { env: { memory } })
      .exports as unknown as SimdKernels;
    const f = new Float32Array(memory.buffer);
    // x [2, 5, 4, 8]; 3×2 filter, strides 2×1, padding 1 on top and left: [3·2·8, 2·3·4] patches, 24 positions.
    for (let i = 0; i < 320; i++) f[i] = Math.cos(i) * 7;
    const size = 3 * 2 * 8 * 2 * 3 * 4;
    const args = [2, 5, 4, 8, 3, 2, 2, 1, 1, 1, 3, 4] as const;
    k.im2col_t(0, 1024 * 4, ...args);
    k.im2col_t_c4(0, 4096 * 4, ...args);
    expect(Array.from(f.slice(4096, 4096 + size))).toEqual(Array.from(f.slice(1024, 1024 + size)));
    expect(f.slice(1024, 1024 + size).some((v) => v === 0)).toBe(true); // the padding is there
  }
});
