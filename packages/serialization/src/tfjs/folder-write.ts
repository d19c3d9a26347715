// Replacing a TF.js folder (model.json + weight shards) so that a reader, or a process killed at any
// moment, finds the old model or the new one, never one's model.json with the other's weights.
// model.json is the commit point: the new shards go to names the current model.json does not name,
// each written atomically, then model.json is replaced atomically, then the old shards are removed.
import { writeFileAtomic, type AtomicWriteHooks } from '../safety/atomic-write';

type Fs = typeof import('node:fs/promises');
type Path = typeof import('node:path');

/** Test hooks: called before each file is written (shards first, model.json last). */
export interface FolderWriteHooks extends AtomicWriteHooks {
  beforeFile?: (name: string) => void | Promise<void>;
}

// Old shards are removed only when they are plain file names in the folder, as Strata and tfjs write them.
const SHARD_NAME = /^[\w-]+(\.\d+)?\.bin$/;

/** The weight files the folder's current model.json names (none if it is absent or unreadable). */
async function namedShards(fs: Fs, file: string): Promise<Set<string>> {
  try {
    const json = JSON.parse(await fs.readFile(file, 'utf8')) as { weightsManifest?: { paths?: unknown }[] };
    const paths = (json.weightsManifest ?? []).flatMap((g) => (Array.isArray(g?.paths) ? g.paths : []));
    return new Set(paths.filter((p): p is string => typeof p === 'string'));
  } catch {
    return new Set();
  }
}

/** tfjs's shard names, or, where the current model.json uses those, the same with `.1`, `.2`, ... before `.bin`. */
function freshNames(paths: string[], taken: Set<string>): string[] {
  for (let k = 0; ; k++) {
    const names = k === 0 ? paths : paths.map((p) => p.replace(/\.bin$/, `.${k}.bin`));
    if (!names.some((n) => taken.has(n))) return names;
  }
}

/**
 * Writes `modelJSON(paths)` and `shards` into `dir`, replacing any model there atomically. Returns
 * the files written, model.json first.
 */
export async function writeTfjsFolder(
  fs: Fs,
  path: Path,
  dir: string,
  shardPaths: string[],
  shards: ArrayBuffer[],
  modelJSON: (paths: string[]) => object,
  hooks: FolderWriteHooks = {},
): Promise<{ files: string[]; paths: string[] }> {
  await fs.mkdir(dir, { recursive: true });
  const jsonFile = path.join(dir, 'model.json');
  const old = await namedShards(fs, jsonFile);
  const paths = freshNames(shardPaths, old);
  for (const [i, p] of paths.entries()) {
    await hooks.beforeFile?.(p);
    await writeFileAtomic(path.join(dir, p), new Uint8Array(shards[i]), hooks);
  }
  await hooks.beforeFile?.('model.json');
  await writeFileAtomic(jsonFile, new TextEncoder().encode(JSON.stringify(modelJSON(paths))), hooks);
  for (const p of old) {
    if (SHARD_NAME.test(p) && !paths.includes(p))
      await fs.rm(path.join(dir, p), { force: true }).catch(() => undefined);
  }
  return { files: [jsonFile, ...paths.map((p) => path.join(dir, p))], paths };
}
