import { copyFileSync, mkdirSync, readdirSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { defineConfig, type Plugin } from 'vite';

const here = dirname(fileURLToPath(import.meta.url));
const packages = resolve(here, '../../packages');
const wasmDist = join(
  dirname(createRequire(import.meta.url).resolve('@tensorflow/tfjs-backend-wasm/package.json')),
  'dist',
);

// tfjs-wasm fetches its binaries at run time (wasm({ wasmPaths: '/wasm/' })): serve them in dev,
// copy them beside the build.
function tfjsWasmBinaries(): Plugin {
  const binaries = readdirSync(wasmDist).filter((f) => f.endsWith('.wasm'));
  return {
    name: 'tfjs-wasm-binaries',
    configureServer(server) {
      server.middlewares.use('/wasm/', (req, res, next) => {
        const name = (req.url ?? '').replace(/^\//, '');
        if (!binaries.includes(name)) return next();
        res.setHeader('content-type', 'application/wasm');
        res.end(readFileBytes(join(wasmDist, name)));
      });
    },
    writeBundle(options) {
      const out = join(options.dir ?? join(here, 'dist'), 'wasm');
      mkdirSync(out, { recursive: true });
      for (const f of binaries) copyFileSync(join(wasmDist, f), join(out, f));
    },
  };
}
function readFileBytes(path: string): Buffer {
  return createRequire(import.meta.url)('node:fs').readFileSync(path);
}

// Cross-origin isolation gives the page SharedArrayBuffer, which the threaded wasm binary needs.
const isolation = { 'Cross-Origin-Opener-Policy': 'same-origin', 'Cross-Origin-Embedder-Policy': 'require-corp' };
// Node-only modules Strata reaches by dynamic import behind run-time checks (Dawn, resvg, fs).
const nodeOnly = ['webgpu', '@resvg/resvg-js', /^node:/];

export default defineConfig({
  resolve: {
    // The workspace's sources, as the tests use them: no package needs building first.
    alias: [
      { find: /^strata$/, replacement: join(packages, 'strata/src/index.ts') },
      { find: /^@strata\/([^/]+)\/internal$/, replacement: join(packages, '$1/src/internal.ts') },
      { find: /^@strata\/([^/]+)$/, replacement: join(packages, '$1/src/index.ts') },
    ],
  },
  server: { headers: isolation },
  preview: { headers: isolation },
  worker: { format: 'es', rollupOptions: { external: nodeOnly } },
  build: { target: 'es2022', chunkSizeWarningLimit: 40_000, rollupOptions: { external: nodeOnly } },
  plugins: [tfjsWasmBinaries()],
});
