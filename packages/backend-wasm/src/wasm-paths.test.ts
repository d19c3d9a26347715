import { copyFileSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { setBackend, tensor } from '@strata/tensor';
import { wasm, type WasmBinaryName } from './index';

// A file of its own: tfjs-wasm starts once per module registry, and Jest gives each file a new one.
describe('wasm({ wasmPaths })', () => {
  const folder = mkdtempSync(join(tmpdir(), 'strata-wasm-'));
  afterAll(() => rmSync(folder, { recursive: true, force: true }));

  it('loads the binaries from where it is told (what a bundler or a CDN needs)', async () => {
    // Renamed copies: the backend can only start if it really reads the paths given.
    const shipped = dirname(require.resolve('@tensorflow/tfjs-backend-wasm'));
    const names: WasmBinaryName[] = [
      'tfjs-backend-wasm.wasm',
      'tfjs-backend-wasm-simd.wasm',
      'tfjs-backend-wasm-threaded-simd.wasm',
    ];
    const paths = Object.fromEntries(names.map((name) => [name, join(folder, `renamed-${name}`)])) as Record<
      WasmBinaryName,
      string
    >;
    for (const name of names) copyFileSync(join(shipped, name), paths[name]);
    await setBackend(wasm({ wasmPaths: paths }));
    const t = tensor([1, 2], [2]);
    expect(Array.from(t.dataSync())).toEqual([1, 2]);
    t.dispose();
  });
});
