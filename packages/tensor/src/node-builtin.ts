import { StrataError } from './errors';

type WithBuiltins = { process?: { getBuiltinModule?: (id: string) => unknown } };

/**
 * One of Node's own modules (`node:fs/promises`, `node:os`...), reached so that no bundler sees a
 * specifier it would try to resolve: a browser bundle never runs the Node-only code that asks, but
 * esbuild and webpack fail on a literal `import('node:os')` and Vite replaces it with a stub. `why`
 * names what needed it, for the error where the runtime is not Node; `fail` makes that error (each
 * package raises its own kind). Every package that touches the file system or the process goes
 * through this one function.
 * @internal
 */
export async function nodeBuiltin<T>(
  id: `node:${string}`,
  why: string,
  fail: (message: string, cause: unknown) => Error = (message) => new StrataError(message),
): Promise<T> {
  const builtin = (globalThis as WithBuiltins).process?.getBuiltinModule?.(id);
  if (builtin) return builtin as T;
  try {
    return (await import(/* webpackIgnore: true */ /* @vite-ignore */ id)) as T;
  } catch (e) {
    const reason = e instanceof Error ? e.message : String(e);
    throw fail(`${why} needs Node.js (${id}), which this runtime does not have (${reason})`, e);
  }
}
