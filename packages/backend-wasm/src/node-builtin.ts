import { StrataError } from '@strata/tensor';

type WithBuiltins = { process?: { getBuiltinModule?: (id: string) => unknown } };

/**
 * One of Node's own modules, reached so that no bundler sees a specifier it would try to resolve:
 * a browser bundle never runs the Node-only thread set-up, but esbuild and webpack fail on a literal
 * `import('node:os')` and Vite replaces it with a stub.
 */
export async function nodeBuiltin<T>(id: 'node:module' | 'node:path' | 'node:os'): Promise<T> {
  const builtin = (globalThis as WithBuiltins).process?.getBuiltinModule?.(id);
  if (builtin) return builtin as T;
  try {
    return (await import(/* webpackIgnore: true */ /* @vite-ignore */ id)) as T;
  } catch (e) {
    const reason = e instanceof Error ? e.message : String(e);
    throw new StrataError(`wasm threads in Node need Node's ${id}, which this runtime does not have (${reason})`);
  }
}
