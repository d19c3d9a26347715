import { Inflate, zipSync } from 'fflate';
import { ModelFileError, messageOf } from '../safety/errors';
import { checkEntryName } from './entry-names';
import { crc32 } from './crc32';

/** One file of an archive as its central directory declares it, before anything is inflated. */
export interface ZipEntryInfo {
  name: string;
  /** 0 (stored) or 8 (deflated): the only methods Keras and Strata write. */
  method: number;
  compressedSize: number;
  /** The declared uncompressed size, checked against the limits before inflating. */
  size: number;
  crc: number;
  localHeaderOffset: number;
}

/**
 * Writes a zip archive whose entries are stored uncompressed, in the order given, as Keras 3's
 * saving_lib does (HDF5 weights compress poorly, and stored entries can be read without inflating).
 */
export function writeZip(entries: readonly [string, Uint8Array][]): Uint8Array {
  for (const [name] of entries) checkEntryName(name, 'writeZip');
  return zipSync(Object.fromEntries(entries.map(([name, data]) => [name, [data, { level: 0 }]])));
}

const EOCD = 0x06054b50;
const CENTRAL = 0x02014b50;
const LOCAL = 0x04034b50;

/**
 * Lists the entries of a zip archive from its central directory, checking every name (no `..`, no
 * absolute path) and the number of entries. `what` names the archive in errors.
 */
export function listZip(bytes: Uint8Array, what: string, maxEntries: number): ZipEntryInfo[] {
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  // The end-of-central-directory record sits in the last 22 + 65535 (comment) bytes.
  let eocd = -1;
  for (let i = bytes.length - 22; i >= Math.max(0, bytes.length - 22 - 0xffff); i--) {
    if (view.getUint32(i, true) === EOCD) {
      eocd = i;
      break;
    }
  }
  if (eocd < 0) {
    throw new ModelFileError(
      `${what} is not a zip archive (no end-of-central-directory record${bytes.length < 22 ? `; it is only ${bytes.length} bytes long` : ''}). A .keras file is a zip of config.json, metadata.json and model.weights.h5; it may be truncated`,
    );
  }
  const count = view.getUint16(eocd + 10, true);
  const dirSize = view.getUint32(eocd + 12, true);
  const dirOffset = view.getUint32(eocd + 16, true);
  if (count === 0xffff || dirOffset === 0xffffffff)
    throw new ModelFileError(
      `${what} is a zip64 archive, which Strata does not read; save the model again with a smaller weights file`,
    );
  if (count > maxEntries)
    throw new ModelFileError(
      `${what} lists ${count} entries, more than the limit of ${maxEntries}; a .keras archive has 3 (raise limits.maxZipEntries if this is expected)`,
    );
  if (dirOffset + dirSize > eocd)
    throw new ModelFileError(
      `${what} is a broken zip archive: its central directory (${dirSize} bytes at offset ${dirOffset}) runs past its end record at ${eocd}`,
    );
  const entries: ZipEntryInfo[] = [];
  let p = dirOffset;
  for (let k = 0; k < count; k++) {
    if (p + 46 > eocd || view.getUint32(p, true) !== CENTRAL)
      throw new ModelFileError(
        `${what} is a broken zip archive: central directory entry ${k} at offset ${p} is malformed`,
      );
    const nameLength = view.getUint16(p + 28, true);
    const extraLength = view.getUint16(p + 30, true);
    const commentLength = view.getUint16(p + 32, true);
    if (p + 46 + nameLength > eocd)
      throw new ModelFileError(
        `${what} is a broken zip archive: the name of entry ${k} runs past the central directory`,
      );
    const name = new TextDecoder('utf-8', { fatal: false }).decode(bytes.subarray(p + 46, p + 46 + nameLength));
    const entry: ZipEntryInfo = {
      name,
      method: view.getUint16(p + 10, true),
      crc: view.getUint32(p + 16, true),
      compressedSize: view.getUint32(p + 20, true),
      size: view.getUint32(p + 24, true),
      localHeaderOffset: view.getUint32(p + 42, true),
    };
    checkEntryName(name, what);
    if (entries.some((e) => e.name === name))
      throw new ModelFileError(`${what} holds two entries named "${name}"; a valid archive names each file once`);
    entries.push(entry);
    p += 46 + nameLength + extraLength + commentLength;
  }
  return entries;
}

/**
 * Extracts one entry, refusing it before inflating when its declared size exceeds `maxBytes`, and
 * checking afterwards that what came out has the declared size and checksum (a zip bomb that
 * declares a small size is cut off at that size, then fails the checksum).
 */
export function extractZipEntry(bytes: Uint8Array, entry: ZipEntryInfo, what: string, maxBytes: number): Uint8Array {
  const label = `${what}: entry "${entry.name}"`;
  if (entry.size > maxBytes)
    throw new ModelFileError(
      `${label} declares ${entry.size} bytes uncompressed, more than the limit of ${maxBytes} (raise the limit in loadModel's limits option if the file is trusted)`,
    );
  if (entry.method !== 0 && entry.method !== 8)
    throw new ModelFileError(
      `${label} uses compression method ${entry.method}; only stored (0) and deflate (8) entries are read`,
    );
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const h = entry.localHeaderOffset;
  if (h + 30 > bytes.length || view.getUint32(h, true) !== LOCAL)
    throw new ModelFileError(`${label} is broken: no local file header at offset ${h}; the archive may be truncated`);
  const start = h + 30 + view.getUint16(h + 26, true) + view.getUint16(h + 28, true);
  const end = start + entry.compressedSize;
  if (end > bytes.length)
    throw new ModelFileError(
      `${label} is truncated: its ${entry.compressedSize} compressed bytes run ${end - bytes.length} bytes past the end of the archive`,
    );
  const packed = bytes.subarray(start, end);
  let data: Uint8Array;
  if (entry.method === 0) {
    if (entry.compressedSize !== entry.size)
      throw new ModelFileError(
        `${label} is stored uncompressed but declares ${entry.compressedSize} stored and ${entry.size} uncompressed bytes`,
      );
    data = packed.slice();
  } else {
    data = inflateBounded(packed, entry.size, label);
  }
  const crc = crc32(data);
  if (crc !== entry.crc) {
    throw new ModelFileError(
      `${label} fails its checksum (CRC-32 ${hex(crc)}, declared ${hex(entry.crc)}): the archive is corrupted, or the entry is larger than it declares`,
    );
  }
  return data;
}

// Compressed bytes fed to the inflater at a time: bounds the work done past a declared size to what
// one chunk can expand to (deflate's ratio is at most about 1032:1, so 4 MiB), and a bomb stops in milliseconds.
const CHUNK = 4096;

function inflateBounded(packed: Uint8Array, size: number, label: string): Uint8Array {
  const out = new Uint8Array(size);
  let written = 0;
  let overflow = false;
  let ended = false;
  const inflater = new Inflate((chunk, final) => {
    if (overflow) return;
    if (written + chunk.length > size) {
      overflow = true;
      return;
    }
    out.set(chunk, written);
    written += chunk.length;
    if (final) ended = true;
  });
  try {
    for (let i = 0; i < packed.length && !overflow; i += CHUNK)
      inflater.push(packed.subarray(i, i + CHUNK), i + CHUNK >= packed.length);
    if (packed.length === 0) inflater.push(packed, true);
  } catch (e) {
    throw new ModelFileError(`${label} could not be inflated (${messageOf(e)}); the archive is corrupted`, {
      cause: e,
    });
  }
  if (overflow)
    throw new ModelFileError(
      `${label} inflates to more than the ${size} bytes it declares; the archive is corrupted or a zip bomb`,
    );
  if (written !== size || !ended)
    throw new ModelFileError(`${label} inflates to ${written} bytes, but declares ${size}; the archive is corrupted`);
  return out;
}

function hex(n: number): string {
  return `0x${n.toString(16).padStart(8, '0')}`;
}
