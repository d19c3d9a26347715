// The error for an h5wasm that cannot be imported names which of the ways it failed. The inputs are
// the errors Node (ESM and CommonJS) and Chromium raise, with their codes and messages as they give them.
import { h5wasmImportError, loadH5wasm } from './h5wasm-loader';
import { ModelFileError } from '../safety/errors';

const withCode = (message: string, code: string) => Object.assign(new Error(message), { code });

describe('h5wasmImportError', () => {
  it('a missing package (Node ESM or CommonJS) says it is not installed and how to install it', () => {
    for (const e of [
      withCode(
        "Cannot find package 'h5wasm' imported from /app/node_modules/@strata/serialization/dist/index.js",
        'ERR_MODULE_NOT_FOUND',
      ),
      withCode("Cannot find module 'h5wasm'\nRequire stack:\n- /app/index.js", 'MODULE_NOT_FOUND'),
    ]) {
      const error = h5wasmImportError(e);
      expect(error).toBeInstanceOf(ModelFileError);
      expect(error.message).toContain("needs the 'h5wasm' package, which is not installed");
      expect(error.message).toContain('npm install');
      expect(error.message).toContain(e.message);
      expect((error as { cause?: unknown }).cause).toBe(e);
    }
  });

  it('a bare specifier in an unbundled page says to bundle or to map it, not to install it', () => {
    const e = new TypeError(
      'Failed to resolve module specifier "h5wasm". Relative references must start with either "/", "./", or "../".',
    );
    const error = h5wasmImportError(e);
    expect(error.message).toContain('unbundled ES modules');
    expect(error.message).toContain('import map');
    expect(error.message).not.toContain('npm install');
  });

  it('a broken installation (a file of h5wasm missing) says it was found but failed, with the cause', () => {
    const e = withCode(
      "Cannot find module '/app/node_modules/h5wasm/dist/esm/hdf5_util.js' imported from " +
        '/app/node_modules/h5wasm/dist/esm/hdf5_hl.js',
      'ERR_MODULE_NOT_FOUND',
    );
    const error = h5wasmImportError(e);
    expect(error.message).toContain('it was found but failed to load');
    expect(error.message).toContain('hdf5_util.js');
  });
});

describe('loadH5wasm', () => {
  it('starts h5wasm once, with HDF5 errors turned into exceptions', async () => {
    const [a, b] = await Promise.all([loadH5wasm(), loadH5wasm()]);
    expect(a).toBe(b);
    expect(typeof a.File).toBe('function');
  });
});
