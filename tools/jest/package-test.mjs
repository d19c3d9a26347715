#!/usr/bin/env node
// `pnpm test` inside packages/<name>: that package's Jest tests alone, with the repository's one
// Jest config (the same transforms, source mappings and seed as the whole suite). Extra arguments
// go to Jest: `pnpm test -- -t "broadcast"`.
import { spawnSync } from 'node:child_process';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '..', '..');
const jest = join(root, 'node_modules', 'jest', 'bin', 'jest.js');
const args = [
  '-c',
  join(root, 'jest.config.cjs'),
  '--roots',
  process.cwd(),
  '--maxWorkers=2',
  ...process.argv.slice(2),
];
const run = spawnSync(process.execPath, [jest, ...args], { stdio: 'inherit' });
process.exit(run.status ?? 1);
