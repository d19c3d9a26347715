import { join } from 'node:path';
import { readFileSync } from 'node:fs';
import { zipSync } from 'fflate';
import { ModelFileError } from '../safety/errors';
import { crc32 } from './crc32';
import { extractZipEntry, listZip, writeZip } from './zip';

const FIXTURE = join(__dirname, '..', '..', 'fixtures', 'keras', 'pre_pr22362_nested_container.keras');
const text = (s: string) => new TextEncoder().encode(s);

/** Rewrites the declared uncompressed size of entry `name` in the central directory. */
function patchDeclaredSize(zip: Uint8Array, name: string, size: number): Uint8Array {
  const out = zip.slice();
  const view = new DataView(out.buffer);
  const entry = listZip(out, 'zip', 10).find((e) => e.name === name)!;
  for (let i = 0; i < out.length - 4; i++) {
    if (view.getUint32(i, true) === 0x02014b50 && view.getUint32(i + 42, true) === entry.localHeaderOffset)
      view.setUint32(i + 24, size, true);
  }
  return out;
}

describe('zip archives', () => {
  it('writes stored entries in order and reads them back, checksums checked', () => {
    const zip = writeZip([
      ['metadata.json', text('{"a":1}')],
      ['config.json', text('{}')],
    ]);
    const entries = listZip(zip, 'm.keras', 10);
    expect(entries.map((e) => [e.name, e.method, e.size])).toEqual([
      ['metadata.json', 0, 7],
      ['config.json', 0, 2],
    ]);
    expect(new TextDecoder().decode(extractZipEntry(zip, entries[0], 'm.keras', 100))).toBe('{"a":1}');
  });

  it('lists the archive Keras 3.15 wrote', () => {
    const zip = new Uint8Array(readFileSync(FIXTURE));
    const entries = listZip(zip, 'fixture', 10);
    expect(entries.map((e) => e.name)).toEqual(['metadata.json', 'config.json', 'model.weights.h5']);
    expect(JSON.parse(new TextDecoder().decode(extractZipEntry(zip, entries[0], 'fixture', 1000)))).toEqual({
      keras_version: '3.15.0',
      date_saved: '2026-05-13@21:23:40',
    });
  });

  it('inflates deflated entries', () => {
    const data = text('x'.repeat(100_000));
    const zip = zipSync({ 'config.json': [data, { level: 6 }] });
    const [entry] = listZip(zip, 'z', 10);
    expect(entry.method).toBe(8);
    expect(Buffer.from(extractZipEntry(zip, entry, 'z', 100_000)).equals(Buffer.from(data))).toBe(true);
  });

  it('refuses a declared size above the limit before inflating', () => {
    const zip = zipSync({ 'model.weights.h5': [new Uint8Array(5000), { level: 9 }] });
    const [entry] = listZip(zip, 'bomb.keras', 10);
    expect(() => extractZipEntry(zip, entry, 'bomb.keras', 4999)).toThrow(
      'bomb.keras: entry "model.weights.h5" declares 5000 bytes uncompressed, more than the limit of 4999 (raise the limit in loadModel\'s limits option if the file is trusted)',
    );
  });

  it('stops a zip bomb that declares a small size as soon as it inflates past it', () => {
    const bomb = patchDeclaredSize(
      zipSync({ 'config.json': [new Uint8Array(8_000_000), { level: 1 }] }),
      'config.json',
      1000,
    );
    const [entry] = listZip(bomb, 'bomb.keras', 10);
    const started = Date.now();
    expect(() => extractZipEntry(bomb, entry, 'bomb.keras', 2000)).toThrow(
      'bomb.keras: entry "config.json" inflates to more than the 1000 bytes it declares; the archive is corrupted or a zip bomb',
    );
    expect(Date.now() - started).toBeLessThan(1000);
  });

  it('catches a stored entry whose bytes were changed, by its checksum', () => {
    const zip = writeZip([['config.json', text('{"ok":true}')]]);
    const bad = zip.slice();
    const entry = listZip(bad, 'x', 10)[0];
    bad[entry.localHeaderOffset + 30 + 'config.json'.length + 2] ^= 0xff;
    expect(() => extractZipEntry(bad, entry, 'x.keras', 100)).toThrow(
      `x.keras: entry "config.json" fails its checksum (CRC-32 0x${crc32(
        bad.subarray(entry.localHeaderOffset + 41, entry.localHeaderOffset + 52),
      )
        .toString(16)
        .padStart(8, '0')}, declared 0x${entry.crc.toString(16).padStart(8, '0')})`,
    );
  });

  it.each([
    ['../evil.txt', "contains a '..' component"],
    ['a/../../evil', "contains a '..' component"],
    ['/etc/passwd', 'is an absolute path'],
    ['C:/x', 'starts with a drive letter'],
    ['a\\..\\b', 'contains a backslash'],
  ])('refuses the entry name %s', (name, why) => {
    const zip = zipSync({ [name]: text('x') });
    expect(() => listZip(zip, 'evil.keras', 10)).toThrow(
      `evil.keras: the archive entry name ${JSON.stringify(name)} ${why}; refusing an archive that names files outside itself`,
    );
    expect(() => writeZip([[name, text('x')]])).toThrow(ModelFileError);
  });

  it('refuses too many entries, duplicate names, non-zips and truncated archives', () => {
    const many = zipSync(Object.fromEntries(Array.from({ length: 5 }, (_, i) => [`f${i}`, text('x')])));
    expect(() => listZip(many, 'many.keras', 4)).toThrow(
      'many.keras lists 5 entries, more than the limit of 4; a .keras archive has 3 (raise limits.maxZipEntries if this is expected)',
    );
    expect(() => listZip(text('hello'), 'h.keras', 10)).toThrow(
      'h.keras is not a zip archive (no end-of-central-directory record; it is only 5 bytes long)',
    );
    const zip = writeZip([['config.json', text('{"a": 1}')]]);
    expect(() => listZip(zip.subarray(0, zip.length - 30), 'cut.keras', 10)).toThrow(ModelFileError);
    const dir = listZip(zip, 'z', 10)[0];
    const headerless = zip.slice();
    headerless[dir.localHeaderOffset] = 0;
    expect(() => extractZipEntry(headerless, dir, 'z.keras', 100)).toThrow(
      'z.keras: entry "config.json" is broken: no local file header at offset 0; the archive may be truncated',
    );
  });
});
