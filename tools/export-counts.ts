// `npx tsx tools/export-counts.ts`: how many names each package's public entry exports (the size of
// the API a user may lean on), and its ./internal subpath's where it has one.
import { readdirSync, existsSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..', 'packages');

async function main(): Promise<void> {
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
      console.log(`${dir.padEnd(16)} ${sub.padEnd(11)} ${names.length}`);
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
