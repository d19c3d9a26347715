import { TrainingError } from '../errors';

export type NodeFs = typeof import('node:fs/promises');
export type NodePath = typeof import('node:path');
export type NodeOs = typeof import('node:os');

type WithBuiltins = { process?: { getBuiltinModule?: (id: string) => unknown } };

/**
 * One of Node's own modules, reached so that no bundler sees a specifier it would try to resolve:
 * a browser bundle never runs the file-path code, but esbuild and webpack fail on a literal
 * `import('node:fs/promises')` and Vite replaces it with a stub. `why` says what needed it.
 */
export async function nodeBuiltin<T>(id: 'node:fs/promises' | 'node:path' | 'node:os', why: string): Promise<T> {
  const builtin = (globalThis as WithBuiltins).process?.getBuiltinModule?.(id);
  if (builtin) return builtin as T;
  try {
    return (await import(/* webpackIgnore: true */ /* @vite-ignore */ id)) as T;
  } catch (e) {
    const reason = e instanceof Error ? e.message : String(e);
    throw new TrainingError(`${why} needs Node.js (${id}), which this runtime does not have (${reason})`);
  }
}

export const nodeFs = (why: string) => nodeBuiltin<NodeFs>('node:fs/promises', why);
export const nodePath = (why: string) => nodeBuiltin<NodePath>('node:path', why);
export const nodeOs = (why: string) => nodeBuiltin<NodeOs>('node:os', why);
