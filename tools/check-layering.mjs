#!/usr/bin/env node
// `node tools/check-layering.mjs [repo-root]`: fails (exit 1) on any import that breaks the layering
// of README.md ("The packages"), one line per violation. The rules live in layering.mjs.
import { dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { checkLayering } from './layering.mjs';

const root = resolve(process.argv[2] ?? dirname(dirname(fileURLToPath(import.meta.url))));
const { violations, files, packages } = checkLayering(root);

if (violations.length > 0) {
  for (const v of violations) console.error(v.message);
  console.error(
    `layering: ${violations.length} violation(s) in ${files} files of ${packages.length} packages (the order: README.md, "The packages"; the rules: tools/layering.mjs)`,
  );
  process.exit(1);
}
console.log(`layering: ${files} files in ${packages.length} packages, no violations`);
