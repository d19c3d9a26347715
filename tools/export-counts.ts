// `npx tsx tools/export-counts.ts`: how many names each package's public entry exports (the size of
// the API a user may lean on), and its ./internal subpath's where it has one: runtime values (what the
// module object holds) and type-only names (read from the by-name export lists; '?' where an entry
// still star-exports).
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..', 'packages');

/** The type-only names an entry lists: `type X` items, and every item of an `export type { ... }`. */
export function typeOnlyNames(source: string): number | '?' {
  const code = source.replace(/\/\/.*$/gm, '');
  if (/export\s+\*(?!\s+as\b)/.test(code)) return '?';
  let count = 0;
  for (const m of code.matchAll(/export\s+(type\s+)?\{([^}]*)\}/g)) {
    const items = m[2]
      .split(',')
      .map((s) => s.trim())
      .filter(Boolean);
    count += m[1] ? items.length : items.filter((i) => i.startsWith('type ')).length;
  }
  // Types an entry declares itself (the backends' options).
  count += [...code.matchAll(/^export\s+(interface\s|type\s+\w+\s*(<[^>]*>)?\s*=)/gm)].length;
  return count;
}

async function main(): Promise<void> {
  console.log(`${'package'.padEnd(16)} ${'entry'.padEnd(11)} ${'values'.padStart(6)} ${'types'.padStart(6)}`);
  for (const dir of readdirSync(root).sort()) {
    const src = join(root, dir, 'src');
    const entries: [string, string][] = [['.', join(src, 'index.ts')]];
    for (const p of [join(src, 'internal.ts'), join(src, 'internal', 'index.ts')]) {
      if (existsSync(p)) entries.push(['./internal', p]);
    }
    for (const [sub, path] of entries) {
      if (!existsSync(path)) continue;
      const mod = (await import(path)) as Record<string, unknown>;
      const names = Object.keys(mod).filter((k) => k !== 'default' && k !== '__esModule');
      const types = typeOnlyNames(readFileSync(path, 'utf8'));
      console.log(
        `${dir.padEnd(16)} ${sub.padEnd(11)} ${String(names.length).padStart(6)} ${String(types).padStart(6)}`,
      );
    }
  }
}

main().then(
  () => process.exit(0),
  (e) => {
    console.error(e);
    process.exit(1);
  },
);
