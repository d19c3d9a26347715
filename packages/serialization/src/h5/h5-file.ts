import { ModelFileError, messageOf } from '../safety/errors';
import { loadH5wasm, type H5Wasm } from './h5wasm-loader';

/** The element types Strata writes: its own dtypes, plus int64 for Keras's iteration counters. */
export type H5DType = 'float32' | 'int32' | 'int64' | 'bool';
export type H5Data = Float32Array | Int32Array | BigInt64Array | Uint8Array;
/** A scalar, or a list of names (Keras's legacy `layer_names` / `weight_names`). */
export type H5AttrValue = string | number | string[];

/** One item of an HDF5 file to write: a group, or a dataset (an n-dimensional array). */
export type H5Item =
  | { kind: 'group'; path: string; attrs?: Record<string, H5AttrValue> }
  | {
      kind: 'dataset';
      path: string;
      dtype: H5DType;
      shape: readonly number[];
      data: H5Data;
      attrs?: Record<string, H5AttrValue>;
    };

/** What a dataset of a file being read declares, before any of its data is read. */
export interface H5DatasetInfo {
  shape: number[];
  /** Elements in the dataset: the product of its shape. */
  size: number;
  /** A readable description of its element type (`float32`, `int64`, `string`...). */
  type: string;
  /** Whether readNumbers can read it (an integer, float or bool dataset). */
  numeric: boolean;
}

/** Read access to an open HDF5 file; valid only inside the `readH5` callback. */
export interface H5Reader {
  /** 'group', 'dataset', or null where nothing is at `path`. */
  kind(path: string): 'group' | 'dataset' | null;
  /** The member names of a group. */
  keys(path: string): string[];
  /** An attribute of a group or dataset, or null. */
  attr(path: string, name: string): unknown;
  info(path: string): H5DatasetInfo;
  /** A numeric dataset's values (int64 as float64 numbers); refuses datasets above `maxElements`. */
  readNumbers(path: string, maxElements: number): ArrayLike<number>;
}

const H5_TYPES: Record<H5DType, string> = { float32: '<f', int32: '<i', int64: '<q', bool: '|b1' };
// HDF5 type classes (H5Tpublic.h).
const H5T_INTEGER = 0;
const H5T_FLOAT = 1;
const H5T_ENUM = 8;

// h5wasm's in-memory file system is one per h5wasm instance, and that instance is shared by every
// copy of this module that one runtime loads (Jest loads a copy per test file, all resolving h5wasm
// through Node's own require cache). A module-level counter alone would hand two copies the same
// name; a random token per name cannot collide.
let fileCounter = 0;
const moduleToken = Array.from(globalThis.crypto.getRandomValues(new Uint8Array(8)), (b) =>
  b.toString(16).padStart(2, '0'),
).join('');
function scratchName(): string {
  return `/strata_${moduleToken}_${++fileCounter}.h5`;
}

function parentsOf(path: string): string[] {
  const parts = path.split('/').filter(Boolean);
  return parts.slice(0, -1).map((_, i) => parts.slice(0, i + 1).join('/'));
}

/** Writes groups and datasets to the bytes of a new HDF5 file; missing parent groups are created. */
export async function writeH5(items: readonly H5Item[]): Promise<Uint8Array> {
  const h5 = await loadH5wasm();
  const name = scratchName();
  const file = new h5.File(name, 'w');
  try {
    const made = new Set<string>();
    const ensureGroup = (path: string) => {
      if (made.has(path)) return;
      for (const p of parentsOf(path)) ensureGroup(p);
      file.create_group(path);
      made.add(path);
    };
    const setAttrs = (
      target: { create_attribute(n: string, v: H5AttrValue): void },
      attrs?: Record<string, H5AttrValue>,
    ) => {
      for (const [k, v] of Object.entries(attrs ?? {})) target.create_attribute(k, v);
    };
    for (const item of items) {
      const path = item.path.replace(/^\/+/, '');
      for (const p of parentsOf(path)) ensureGroup(p);
      if (item.kind === 'group' && path === '') {
        setAttrs(file as never, item.attrs);
        continue;
      }
      if (item.kind === 'group') {
        ensureGroup(path);
        setAttrs(file.get(path) as never, item.attrs);
        continue;
      }
      const size = item.shape.reduce((a, b) => a * b, 1);
      if (item.data.length !== size)
        throw new ModelFileError(
          `writeH5: dataset "${path}" has shape [${item.shape.join(', ')}] (${size} elements) but ${item.data.length} values were given`,
        );
      const dataset = file.create_dataset({
        name: path,
        data: item.data as never,
        shape: [...item.shape],
        dtype: H5_TYPES[item.dtype],
      });
      setAttrs(dataset, item.attrs);
    }
    file.close();
    const bytes = h5.FS!.readFile(name);
    if (!isHdf5(bytes)) {
      throw new ModelFileError(
        `Could not write an HDF5 file: the ${bytes.length} bytes read back from h5wasm's scratch file ${name} do not start with HDF5's signature`,
      );
    }
    return bytes;
  } catch (e) {
    try {
      file.close();
    } catch {
      // already closed, or HDF5 refuses: the scratch file is removed below either way.
    }
    if (e instanceof ModelFileError) throw e;
    throw new ModelFileError(`Could not write an HDF5 file: ${messageOf(e)}`, { cause: e });
  } finally {
    removeScratch(h5, name);
  }
}

function removeScratch(h5: H5Wasm, name: string): void {
  try {
    h5.FS!.unlink(name);
  } catch {
    // never created
  }
}

/**
 * Opens the bytes of an HDF5 file and runs `use` on it. Bytes that are not an HDF5 file, or that
 * HDF5 finds broken, raise a ModelFileError naming `what` (the file being read).
 */
export async function readH5<T>(bytes: Uint8Array, what: string, use: (reader: H5Reader) => T): Promise<T> {
  const h5 = await loadH5wasm();
  if (!isHdf5(bytes)) {
    throw new ModelFileError(
      `${what} is not an HDF5 file (it does not start with the HDF5 signature \\x89HDF\\r\\n\\x1a\\n; its first bytes are ${hexStart(bytes)}). Pass a .weights.h5 file, or a .keras archive to loadModel`,
    );
  }
  const name = scratchName();
  h5.FS!.writeFile(name, bytes);
  let file: InstanceType<H5Wasm['File']>;
  try {
    file = new h5.File(name, 'r');
  } catch (e) {
    removeScratch(h5, name);
    throw new ModelFileError(
      `${what} is a broken HDF5 file: HDF5 could not open it (${firstLine(e)}). The file may be truncated or corrupted; save it again`,
      { cause: e },
    );
  }
  try {
    return use(makeReader(h5, file, what));
  } catch (e) {
    if (e instanceof ModelFileError) throw e;
    throw new ModelFileError(
      `${what} is a broken HDF5 file: ${firstLine(e)}. The file may be truncated or corrupted; save it again`,
      { cause: e },
    );
  } finally {
    try {
      file.close();
    } catch {
      // a file HDF5 found broken may refuse to close; the scratch copy is removed regardless.
    }
    removeScratch(h5, name);
  }
}

const SIGNATURE = [0x89, 0x48, 0x44, 0x46, 0x0d, 0x0a, 0x1a, 0x0a];

/** Whether the bytes start with the HDF5 signature (a file without a user block does). */
export function isHdf5(bytes: Uint8Array): boolean {
  return bytes.length >= 8 && SIGNATURE.every((b, i) => bytes[i] === b);
}

function hexStart(bytes: Uint8Array): string {
  return bytes.length === 0
    ? 'none (the file is empty)'
    : Array.from(bytes.subarray(0, 8), (b) => b.toString(16).padStart(2, '0')).join(' ');
}

/** HDF5's messages run over many lines of stack; the first line or two say what happened. */
function firstLine(e: unknown): string {
  const lines = messageOf(e)
    .split('\n')
    .map((l) => l.trim())
    .filter(Boolean);
  const detail = lines.find((l) => l.startsWith('#000:'));
  const minor = lines.find((l) => l.startsWith('minor:'));
  return (
    [detail?.replace(/^#000: \S+ line \d+ in /, ''), minor].filter(Boolean).join('; ') || lines[0] || 'unknown error'
  );
}

function makeReader(h5: H5Wasm, file: InstanceType<H5Wasm['File']>, what: string): H5Reader {
  const entity = (path: string) => (path === '' || path === '/' ? file : file.get(path));
  const dataset = (path: string) => {
    const e = entity(path);
    if (!(e instanceof h5.Dataset))
      throw new ModelFileError(
        `${what}: expected a dataset at "${path}", found ${e instanceof h5.Group ? 'a group' : 'nothing'}`,
      );
    return e;
  };
  const infoOf = (path: string): H5DatasetInfo => {
    const meta = dataset(path).metadata;
    const shape = [...(meta.shape ?? [])];
    const size = shape.reduce((a, b) => a * b, 1);
    const numeric =
      (meta.type === H5T_INTEGER || meta.type === H5T_FLOAT || meta.type === H5T_ENUM) &&
      !meta.vlen &&
      [1, 2, 4, 8].includes(meta.size);
    const type =
      meta.type === H5T_FLOAT
        ? `float${meta.size * 8}`
        : meta.type === H5T_INTEGER
          ? `${meta.signed ? 'int' : 'uint'}${meta.size * 8}`
          : meta.type === H5T_ENUM
            ? 'enum'
            : `HDF5 type class ${meta.type}`;
    return { shape, size, type, numeric: numeric && !(meta.type === H5T_FLOAT && meta.size < 4) };
  };
  return {
    kind(path) {
      // Walk down one level at a time: asking HDF5 for a path through a dataset is an error, not null.
      let current = '';
      for (const part of path.split('/').filter(Boolean)) {
        const group = entity(current);
        if (!(group instanceof h5.Group) || !group.keys().includes(part)) return null;
        current = current ? `${current}/${part}` : part;
      }
      const e = entity(current);
      return e instanceof h5.Dataset ? 'dataset' : e instanceof h5.Group ? 'group' : null;
    },
    keys(path) {
      const e = entity(path);
      if (!(e instanceof h5.Group)) throw new ModelFileError(`${what}: expected a group at "${path}"`);
      return e.keys();
    },
    attr(path, name) {
      const e = entity(path);
      if (!(e instanceof h5.Group || e instanceof h5.Dataset) || !(name in e.attrs)) return null;
      return e.get_attribute(name, true);
    },
    info: infoOf,
    readNumbers(path, maxElements) {
      const info = infoOf(path);
      if (!info.numeric)
        throw new ModelFileError(
          `${what}: the dataset at "${path}" holds ${info.type} values, expected numbers (float32, int32, int64 or bool)`,
        );
      if (!(info.size <= maxElements)) {
        throw new ModelFileError(
          `${what}: the dataset at "${path}" declares shape [${info.shape.join(', ')}] (${info.size} elements), more than the ${maxElements} expected; the file does not belong to this model or is corrupted`,
        );
      }
      const value = dataset(path).value as ArrayLike<number | bigint> | number | bigint | null;
      if (value === null || value === undefined)
        throw new ModelFileError(`${what}: the dataset at "${path}" has no readable values`);
      const list: ArrayLike<number | bigint> = typeof value === 'object' ? value : [value];
      if (list.length !== info.size)
        throw new ModelFileError(
          `${what}: the dataset at "${path}" declares ${info.size} elements but holds ${list.length}`,
        );
      if (!(list instanceof BigInt64Array || list instanceof BigUint64Array || typeof list[0] === 'bigint'))
        return list as ArrayLike<number>;
      const out = new Float64Array(list.length);
      for (let i = 0; i < list.length; i++) out[i] = Number(list[i]);
      return out;
    },
  };
}
