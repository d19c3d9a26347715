import { nodeFs, nodePath } from '../node-builtins';
import { ModelFileError, messageOf } from './errors';

/** Test hooks: called after each chunk is written to the temporary file. */
export interface AtomicWriteHooks {
  afterChunk?: (written: number) => void | Promise<void>;
}

const CHUNK = 1 << 20;

/**
 * Writes `data` to `path` so that a reader sees either the old file or the complete new one: the
 * bytes go to a temporary file in the same folder (same file system, so the rename is atomic), are
 * flushed to disk, then renamed over `path`. If anything fails, the temporary file is removed and
 * the old file is left as it was.
 */
export async function writeFileAtomic(path: string, data: Uint8Array, hooks: AtomicWriteHooks = {}): Promise<void> {
  const fs = await nodeFs(`writing ${path}`);
  const { dirname, basename, join } = await nodePath(`writing ${path}`);
  const temp = join(
    dirname(path),
    `.${basename(path)}.${process.pid}.${Date.now().toString(36)}${Math.random().toString(36).slice(2, 8)}.tmp`,
  );
  let handle: Awaited<ReturnType<typeof fs.open>> | null = null;
  try {
    handle = await fs.open(temp, 'wx');
    for (let at = 0; at < data.length || at === 0; at += CHUNK) {
      await handle.write(data, at, Math.min(CHUNK, data.length - at));
      await hooks.afterChunk?.(Math.min(at + CHUNK, data.length));
      if (data.length === 0) break;
    }
    await handle.sync();
    await handle.close();
    handle = null;
    await fs.rename(temp, path);
  } catch (e) {
    await handle?.close().catch(() => undefined);
    await fs.rm(temp, { force: true }).catch(() => undefined);
    if (e instanceof ModelFileError) throw e;
    throw new ModelFileError(`Could not write ${path}: ${messageOf(e)}. Any earlier file at that path is unchanged`, {
      cause: e,
    });
  }
}
