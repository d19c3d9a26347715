// node bundle.mjs <esbuild|vite|webpack> <project dir> <entry file in it> <out dir>
import { resolve } from 'node:path';
const [bundler, project, entry, out] = process.argv.slice(2);
const root = resolve(project);
if (bundler === 'esbuild') {
  const { build } = await import('esbuild');
  await build({ entryPoints: [resolve(root, entry)], bundle: true, format: 'esm', outdir: resolve(out), logLevel: 'warning' });
} else if (bundler === 'vite') {
  const { build } = await import('vite');
  await build({ root, configFile: false, logLevel: 'warn', build: { outDir: resolve(out), emptyOutDir: true } });
} else if (bundler === 'webpack') {
  const { default: webpack } = await import('webpack');
  const stats = await new Promise((done, fail) => webpack({ mode: 'production', context: root, entry: `./${entry}`, output: { path: resolve(out) } }, (e, s) => (e ? fail(e) : done(s))));
  console.log(stats.toString({ all: false, errors: true, warnings: true }));
  if (stats.hasErrors()) process.exit(1);
}
