import type * as H5 from 'h5wasm';
import { ModelFileError, messageOf } from '../safety/errors';

export type H5Wasm = typeof H5;

const NEEDS = "Reading and writing HDF5 (.keras, .weights.h5) files needs the 'h5wasm' package";

async function importH5wasm(): Promise<H5Wasm> {
  try {
    // A literal specifier, so that bundlers (esbuild, Vite, webpack) see it and bundle h5wasm: its ES
    // module carries its WebAssembly binary inside the JavaScript, so there is no .wasm file to serve.
    return await import('h5wasm');
  } catch (first) {
    // Under a CommonJS transpiler (Jest) `import()` becomes that tool's `require()`, which cannot
    // load h5wasm: its package exports offer only an `import` condition. Node's own require loads ES
    // modules (Node >= 20.19), so load h5wasm's Node build by its file path, found beside ours.
    const fallback = requireNodeBuild();
    if (fallback) return fallback;
    throw first;
  }
}

function requireNodeBuild(): H5Wasm | null {
  if (typeof process === 'undefined') return null;
  const getBuiltin = (process as { getBuiltinModule?: (id: string) => unknown }).getBuiltinModule;
  if (!getBuiltin) return null;
  const nodeModule = getBuiltin('node:module') as typeof import('node:module');
  const fs = getBuiltin('node:fs') as typeof import('node:fs');
  const require = nodeModule.createRequire(import.meta.url);
  const file = (require.resolve.paths('h5wasm') ?? [])
    .map((dir) => `${dir}/h5wasm/dist/node/hdf5_hl.js`)
    .find((f) => fs.existsSync(f));
  return file ? (require(file) as H5Wasm) : null;
}

/** The error for an `import('h5wasm')` that failed, saying which of the ways it can fail this was. */
export function h5wasmImportError(e: unknown): ModelFileError {
  const message = messageOf(e);
  const code = (e as { code?: unknown } | null)?.code;
  if ((code === 'ERR_MODULE_NOT_FOUND' || code === 'MODULE_NOT_FOUND') && message.includes("'h5wasm'")) {
    return new ModelFileError(
      `${NEEDS}, which is not installed where @strata/serialization can find it (${message}). ` +
        'It is a dependency of @strata/serialization: reinstall (npm install), or add it (npm install h5wasm)',
      { cause: e },
    );
  }
  if (/failed to resolve module specifier/i.test(message)) {
    return new ModelFileError(
      `${NEEDS}, and this page loaded Strata as unbundled ES modules, where the browser cannot resolve the bare ` +
        `name 'h5wasm' (${message}). Bundle the app (esbuild, Vite, webpack resolve it), or map 'h5wasm' to ` +
        'node_modules/h5wasm/dist/esm/hdf5_hl.js in an import map',
      { cause: e },
    );
  }
  return new ModelFileError(`${NEEDS}; it was found but failed to load: ${message}`, { cause: e });
}

let loading: Promise<H5Wasm> | null = null;

/** The h5wasm module, started once (the HDF5 C library compiled to WebAssembly, on an in-memory file system). */
export function loadH5wasm(): Promise<H5Wasm> {
  loading ??= (async () => {
    let h5: H5Wasm;
    try {
      h5 = await importH5wasm();
    } catch (e) {
      loading = null;
      throw h5wasmImportError(e);
    }
    let module: Awaited<H5Wasm['ready']>;
    try {
      module = await h5.ready;
    } catch (e) {
      loading = null;
      throw new ModelFileError(
        `${NEEDS}; it loaded, but its WebAssembly module did not start: ${messageOf(e)} ` +
          "(a Content-Security-Policy must allow WebAssembly: script-src 'wasm-unsafe-eval')",
        { cause: e },
      );
    }
    // HDF5 errors become exceptions carrying HDF5's message, instead of text printed to stderr.
    module.activate_throwing_error_handler();
    return h5;
  })();
  return loading;
}
