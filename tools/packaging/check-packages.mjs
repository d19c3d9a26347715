// Checks the packed packages as npm would publish them: publint (package.json fields against the files
// really in the tarball) and Are the Types Wrong (the .d.ts each entry point resolves to, under Node's
// and bundlers' resolution). Strata's packages are ES modules only, so CommonJS resolutions
// (attw's "esm-only" profile: node10 and node16 from CJS) are not required to work.
//
//   node tools/packaging/check-packages.mjs [folder of .tgz files]
//
// Without a folder it packs every package (run `pnpm build` first). Exits 1 on any finding.
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { checkPackage, createPackageFromTarballData } from '@arethetypeswrong/core';
import { problemKindInfo } from '@arethetypeswrong/core/problems';
import { publint } from 'publint';
import { formatMessage } from 'publint/utils';

const IGNORED_RESOLUTIONS = ['node10', 'node16-cjs'];
const root = resolve(dirname(fileURLToPath(import.meta.url)), '../..');

/** Packs every workspace package under packages/ into `dest` with pnpm (which rewrites workspace:*). */
export function packAll(dest) {
  execFileSync('npx', ['--yes', 'pnpm@10.34.9', '-r', '--filter', './packages/*', 'pack', '--pack-destination', dest], {
    cwd: root,
    stdio: ['ignore', 'ignore', 'inherit'],
  });
  return readdirSync(dest)
    .filter((f) => f.endsWith('.tgz'))
    .map((f) => join(dest, f));
}

/** Findings for one tarball, as lines of text; none means it passed. */
export async function checkTarball(file) {
  const bytes = readFileSync(file);
  const findings = [];
  const tarball = bytes.buffer.slice(bytes.byteOffset, bytes.byteOffset + bytes.byteLength);
  const lint = await publint({ pack: { tarball }, level: 'suggestion', strict: true });
  for (const message of lint.messages) {
    findings.push(`publint ${message.type}: ${formatMessage(message, lint.pkg, { color: false }) ?? message.code}`);
  }
  const analysis = await checkPackage(createPackageFromTarballData(new Uint8Array(bytes)));
  if (!analysis.types) findings.push('attw: the package has no types');
  for (const problem of analysis.problems ?? []) {
    if ('resolutionKind' in problem && IGNORED_RESOLUTIONS.includes(problem.resolutionKind)) continue;
    const where = 'entrypoint' in problem ? ` (${problem.entrypoint}, ${problem.resolutionKind})` : '';
    findings.push(`attw ${problem.kind}${where}: ${problemKindInfo[problem.kind]?.description ?? ''}`);
  }
  return findings;
}

async function main() {
  const given = process.argv[2];
  const dest = given ? resolve(given) : mkdtempSync(join(tmpdir(), 'strata-pack-'));
  try {
    const files = given
      ? readdirSync(dest)
          .filter((f) => f.endsWith('.tgz'))
          .map((f) => join(dest, f))
      : packAll(dest);
    if (files.length === 0) throw new Error(`no .tgz files in ${dest}`);
    let failed = 0;
    for (const file of files.sort()) {
      const findings = await checkTarball(file);
      const name = file.slice(dest.length + 1);
      const details = findings.map((f) => `\n  - ${f}`).join('');
      console.log(findings.length === 0 ? `ok    ${name}` : `FAIL  ${name}${details}`);
      if (findings.length) failed++;
    }
    console.log(`${files.length - failed} packages passed publint and attw, ${failed} failed`);
    process.exitCode = failed ? 1 : 0;
  } finally {
    if (!given) rmSync(dest, { recursive: true, force: true });
  }
}

if (process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) await main();
