// Bundles the first-hour web app of an installed project as a user's build would, each bundler with
// its default settings (only the entry and the output folder are named), and writes the page.
//
//   node tools/packaging/bundle.mjs <esbuild|vite|webpack> <project folder> <out folder>
//
// The project holds index.html and web.js (tools/packaging/app/) and a node_modules from the tarballs.
// Run as a child process: Vite 7 is an ES module only, which Jest's CommonJS runtime cannot load.
import { writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';

const [bundler, project, out] = process.argv.slice(2);
const root = resolve(project);
const outDir = resolve(out);
const page = (script) => `<!doctype html>\n<meta charset="utf-8">\n<title>strata first hour</title>\n${script}\n`;

if (bundler === 'esbuild') {
  const { build } = await import('esbuild');
  // What `esbuild web.js --bundle --format=esm --outdir=...` does: the browser platform is esbuild's default.
  const entryPoints = [join(root, 'web.js')];
  await build({ entryPoints, bundle: true, format: 'esm', outdir: outDir, logLevel: 'warning' });
  writeFileSync(join(outDir, 'index.html'), page('<script type="module" src="./web.js"></script>'));
} else if (bundler === 'vite') {
  const { build } = await import('vite');
  // `vite build` in the project: index.html is the entry; no config file.
  await build({ root, configFile: false, logLevel: 'warn', build: { outDir, emptyOutDir: true } });
} else if (bundler === 'webpack') {
  const { default: webpack } = await import('webpack');
  // `webpack --entry ./web.js --output-path ...`: production mode (webpack's default) with its defaults.
  const config = { mode: 'production', context: root, entry: './web.js', output: { path: outDir } };
  const stats = await new Promise((done, fail) => webpack(config, (e, s) => (e ? fail(e) : done(s))));
  if (stats.hasErrors()) {
    console.error(stats.toString({ all: false, errors: true }));
    process.exit(1);
  }
  writeFileSync(join(outDir, 'index.html'), page('<script src="./main.js"></script>'));
} else {
  console.error(`expected esbuild, vite or webpack, received ${bundler}`);
  process.exit(2);
}
