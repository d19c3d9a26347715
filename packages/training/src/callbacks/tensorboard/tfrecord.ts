// The file name with its extension: crc-32 has no exports map, so Node's ESM resolver needs it.
import CRC32C from 'crc-32/crc32c.js';

// TFRecord framing, as TensorFlow's record_writer.cc writes it: a little-endian uint64 length, the
// masked CRC-32C of those 8 bytes, the data, and the masked CRC-32C of the data.

const MASK_DELTA = 0xa282ead8;

/**
 * TensorFlow's masked CRC-32C: a CRC of data that itself holds CRCs must not look like one.
 *
 * @example
 * ```ts
 * maskedCrc32c(new Uint8Array([1, 2, 3])); // the 32-bit checksum TFRecord framing stores
 * ```
 */
export function maskedCrc32c(bytes: Uint8Array): number {
  const crc = CRC32C.buf(bytes) >>> 0;
  return ((((crc >>> 15) | (crc << 17)) >>> 0) + MASK_DELTA) >>> 0;
}

/**
 * One record, framed.
 *
 * @example
 * ```ts
 * const file = frameRecord(new Uint8Array([1, 2, 3])); // 16 bytes of framing + 3
 * readRecords(file); // [Uint8Array [1, 2, 3]]
 * ```
 */
export function frameRecord(data: Uint8Array): Uint8Array {
  const out = new Uint8Array(data.length + 16);
  const view = new DataView(out.buffer);
  view.setBigUint64(0, BigInt(data.length), true);
  view.setUint32(8, maskedCrc32c(out.subarray(0, 8)), true);
  out.set(data, 12);
  view.setUint32(12 + data.length, maskedCrc32c(data), true);
  return out;
}

/**
 * The records of a TFRecord file; throws on a truncated record or a CRC that does not match.
 *
 * @example
 * ```ts
 * readRecords(frameRecord(new Uint8Array([1, 2, 3]))); // [Uint8Array [1, 2, 3]]
 * ```
 */
export function readRecords(file: Uint8Array): Uint8Array[] {
  const view = new DataView(file.buffer, file.byteOffset, file.byteLength);
  const records: Uint8Array[] = [];
  let at = 0;
  while (at < file.length) {
    if (at + 12 > file.length) throw new Error(`readRecords: truncated header at byte ${at} of ${file.length}`);
    const length = Number(view.getBigUint64(at, true));
    if (view.getUint32(at + 8, true) !== maskedCrc32c(file.subarray(at, at + 8))) {
      throw new Error(`readRecords: the length CRC at byte ${at + 8} does not match; the file is corrupt`);
    }
    const end = at + 12 + length;
    if (end + 4 > file.length)
      throw new Error(`readRecords: record at byte ${at} needs ${length + 16} bytes, the file ends first`);
    const data = file.subarray(at + 12, end);
    if (view.getUint32(end, true) !== maskedCrc32c(data)) {
      throw new Error(`readRecords: the data CRC of the record at byte ${at} does not match; the file is corrupt`);
    }
    records.push(data);
    at = end + 4;
  }
  return records;
}
