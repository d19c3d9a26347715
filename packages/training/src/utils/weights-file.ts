import { type Tensor, tensor, type DType } from '@strata/tensor';
import { fmtShape } from '@strata/tensor/internal';
import { TrainingError } from '../errors';
import { nodeFs, nodePath } from './node-builtins';

/** One named array in a weights file. */
export interface StoredArray {
  name: string;
  shape: number[];
  dtype: DType;
  values: Float32Array | Int32Array | Uint8Array;
}

/** A weights file: named arrays and a small JSON record of anything else (an epoch, a step count). */
export interface WeightsFile {
  meta: Record<string, unknown>;
  arrays: StoredArray[];
}

const MAGIC = 'STRATA-WEIGHTS-1';

// In a browser: read weights with layer.getWeights() and store them yourself.
const fs = () => nodeFs('saving and loading weight files');

/** Reads tensors into named arrays (awaiting the device, so this is a synchronisation point). */
export async function toStored(named: readonly (readonly [string, Tensor])[]): Promise<StoredArray[]> {
  return Promise.all(
    named.map(async ([name, t]) => ({
      name,
      shape: [...t.shape],
      dtype: t.dtype,
      values: (await t.data()) as StoredArray['values'],
    })),
  );
}

/** Writes a weights file atomically (to a temporary name, then renamed), so a run killed mid-write leaves the previous file intact. */
export async function writeWeightsFile(path: string, file: WeightsFile): Promise<void> {
  const { writeFile, rename, mkdir } = await fs();
  const { dirname } = await nodePath('saving weight files');
  let offset = 0;
  const index = file.arrays.map((a) => {
    const entry = { name: a.name, shape: a.shape, dtype: a.dtype, offset, bytes: a.values.byteLength };
    offset += a.values.byteLength;
    return entry;
  });
  const header = new TextEncoder().encode(JSON.stringify({ magic: MAGIC, meta: file.meta, arrays: index }));
  const out = new Uint8Array(4 + header.length + offset);
  new DataView(out.buffer).setUint32(0, header.length, true);
  out.set(header, 4);
  for (const [i, a] of file.arrays.entries())
    out.set(
      new Uint8Array(a.values.buffer, a.values.byteOffset, a.values.byteLength),
      4 + header.length + index[i].offset,
    );
  await mkdir(dirname(path), { recursive: true });
  const tmp = `${path}.tmp-${process.pid}`;
  await writeFile(tmp, out);
  await rename(tmp, path);
}

/** Reads a weights file written by writeWeightsFile, checking its format. */
export async function readWeightsFile(path: string): Promise<WeightsFile> {
  const { readFile } = await fs();
  const raw = new Uint8Array(await readFile(path));
  const fail = (why: string) =>
    new TrainingError(
      `${path} is not a Strata weights file (${why}); was it written by ModelCheckpoint({saveWeightsOnly: true}) or BackupAndRestore?`,
    );
  if (raw.length < 4) throw fail('too short');
  const headerLength = new DataView(raw.buffer, raw.byteOffset).getUint32(0, true);
  if (4 + headerLength > raw.length) throw fail('truncated header');
  let header: {
    magic?: string;
    meta?: Record<string, unknown>;
    arrays?: { name: string; shape: number[]; dtype: DType; offset: number; bytes: number }[];
  };
  try {
    header = JSON.parse(new TextDecoder().decode(raw.subarray(4, 4 + headerLength)));
  } catch {
    throw fail('unreadable header');
  }
  if (header.magic !== MAGIC || !Array.isArray(header.arrays)) throw fail('no Strata header');
  const body = raw.subarray(4 + headerLength);
  const arrays = header.arrays.map((a) => {
    if (a.offset + a.bytes > body.length) throw fail(`array '${a.name}' runs past the end`);
    const bytes = body.slice(a.offset, a.offset + a.bytes);
    const values =
      a.dtype === 'int32'
        ? new Int32Array(bytes.buffer)
        : a.dtype === 'bool'
          ? new Uint8Array(bytes.buffer)
          : new Float32Array(bytes.buffer);
    return { name: a.name, shape: a.shape, dtype: a.dtype, values };
  });
  return { meta: header.meta ?? {}, arrays };
}

/** A tensor from a stored array, checked against the shape it must have. */
export function storedToTensor(a: StoredArray, expectShape: readonly number[], owner: string): Tensor {
  if (a.shape.length !== expectShape.length || a.shape.some((d, i) => d !== expectShape[i])) {
    throw new TrainingError(
      `${owner}: stored weight '${a.name}' has shape ${fmtShape(a.shape)} but the model's has ${fmtShape(expectShape)}; the file was saved from a different model`,
    );
  }
  return tensor(a.values, a.shape, a.dtype);
}
