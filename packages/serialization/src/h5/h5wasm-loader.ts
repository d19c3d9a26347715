import type * as H5 from 'h5wasm';
import { ModelFileError, messageOf } from '../safety/errors';

export type H5Wasm = typeof H5;

// A specifier in a variable, so bundlers that cannot handle wasm leave it alone until it is needed.
const H5WASM_PACKAGE = 'h5wasm';

async function importH5wasm(): Promise<H5Wasm> {
  try {
    return (await import(/* webpackIgnore: true */ /* @vite-ignore */ H5WASM_PACKAGE)) as H5Wasm;
  } catch (first) {
    // Under a CommonJS transpiler (Jest) `import()` becomes that tool's `require()`, which cannot
    // load h5wasm: its package exports offer only an `import` condition. Node's own require loads ES
    // modules (Node >= 20.19), so load h5wasm's Node build by its file path, found beside ours.
    if (typeof process === 'undefined') throw first;
    const getBuiltin = (process as { getBuiltinModule?: (id: string) => unknown }).getBuiltinModule;
    if (!getBuiltin) throw first;
    const nodeModule = getBuiltin('node:module') as typeof import('node:module');
    const fs = getBuiltin('node:fs') as typeof import('node:fs');
    const require = nodeModule.createRequire(import.meta.url);
    const file = (require.resolve.paths(H5WASM_PACKAGE) ?? []).map((dir) => `${dir}/h5wasm/dist/node/hdf5_hl.js`).find((f) => fs.existsSync(f));
    if (!file) throw first;
    return require(file) as H5Wasm;
  }
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
      throw new ModelFileError(`Reading and writing HDF5 (.h5, .keras) files needs the 'h5wasm' package, which could not be loaded: ${messageOf(e)}. Install it (npm install h5wasm)`);
    }
    const module = await h5.ready;
    // HDF5 errors become exceptions carrying HDF5's message, instead of text printed to stderr.
    module.activate_throwing_error_handler();
    return h5;
  })();
  return loading;
}
