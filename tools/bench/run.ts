// `pnpm bench [name...]`: runs every tools/bench/*.bench.ts (or those whose file name contains one of
// the given names), each with a fresh reporting helper, then exits. The exit is explicit because
// Dawn (WebGPU in Node) can keep the event loop alive after the work is done.
import { readdirSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { createBench, type Bench } from './harness';

type BenchFile = { default?: (bench: Bench) => Promise<void> };

async function main(): Promise<number> {
  const here = dirname(fileURLToPath(import.meta.url));
  const wanted = process.argv.slice(2);
  const files = readdirSync(here)
    .filter((f) => f.endsWith('.bench.ts'))
    .filter((f) => wanted.length === 0 || wanted.some((w) => f.includes(w)))
    .sort();
  if (files.length === 0) {
    console.error(
      `bench: no tools/bench/*.bench.ts matches ${JSON.stringify(wanted)}; run 'pnpm bench' with no arguments to run them all`,
    );
    return 1;
  }
  console.log(
    `Strata benchmarks (node ${process.version}, ${process.platform}/${process.arch}); times are medians, ratio = strata / peer`,
  );
  let failed = 0;
  for (const file of files) {
    console.log(`\n== ${file}`);
    const mod = (await import(pathToFileURL(join(here, file)).href)) as BenchFile;
    if (typeof mod.default !== 'function') {
      console.error(`bench: ${file} has no default export; export default async function (bench: Bench) { ... }`);
      failed++;
      continue;
    }
    try {
      await mod.default(createBench());
    } catch (e) {
      console.error(`bench: ${file} failed: ${e instanceof Error ? (e.stack ?? e.message) : String(e)}`);
      failed++;
    }
  }
  return failed === 0 ? 0 : 1;
}

main().then(
  (code) => process.exit(code),
  (e) => {
    console.error(e);
    process.exit(1);
  },
);
