// `node packages/models/scripts/browser-plot-check.mjs`: checks that plotModel works in a browser
// bundle — SVG from Graphviz-in-WebAssembly, PNG from the browser's canvas, and a clear error for
// `to` — by bundling a page with esbuild (as an app would, node: built-ins left out) and loading it
// in headless Chromium. Not part of the Jest suite: it needs Chromium (Debian's `chromium` package).
import { execFileSync, spawn } from 'node:child_process';
import { mkdtempSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:http';
import { readFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

const root = new URL('../../../', import.meta.url).pathname;
const esbuild = join(
  root,
  'node_modules/.pnpm',
  readdirSync(join(root, 'node_modules/.pnpm')).find((d) => d.startsWith('esbuild@')),
  'node_modules/esbuild/bin/esbuild',
);
const dir = mkdtempSync(join(tmpdir(), 'strata-browser-plot-'));
const entry = join(root, 'packages/models/scripts/.browser-plot-entry.ts');
writeFileSync(
  entry,
  `import { setBackend } from '@strata/tensor';
import { cpu } from '@strata/backend-cpu';
import { Dense } from '@strata/layers';
import { input } from '@strata/graph';
import { Functional, plotModel } from '@strata/models';
(async () => {
  const out = document.getElementById('out')!;
  try {
    await setBackend(cpu());
    const x = input({ shape: [4], name: 'browser_in' });
    const m = new Functional({ inputs: x, outputs: new Dense({ units: 2, name: 'browser_dense' }).apply(x) });
    const svg = await plotModel(m, { showShapes: true });
    const png = await plotModel(m, { format: 'png', dpi: 144 });
    let toError = '';
    try { await plotModel(m, { to: 'x.svg' }); } catch (e) { toError = String(e); }
    out.textContent = JSON.stringify({ svg: svg.includes('browser_dense'), pngHead: Array.from(png.slice(0, 4)), toError });
  } catch (e) { out.textContent = 'ERROR ' + String(e); }
})();
`,
);
try {
  execFileSync(
    esbuild,
    [
      entry,
      '--bundle',
      '--format=esm',
      '--platform=browser',
      `--tsconfig=${join(root, 'tsconfig.json')}`,
      '--external:node:*',
      `--outfile=${join(dir, 'bundle.js')}`,
      '--log-level=error',
    ],
    { stdio: 'inherit' },
  );
  writeFileSync(
    join(dir, 'index.html'),
    '<!doctype html><html><body><pre id="out">pending</pre><script type="module" src="bundle.js"></script></body></html>',
  );
  const server = createServer(async (req, res) => {
    const file = join(dir, req.url === '/' ? 'index.html' : req.url.slice(1));
    res.setHeader('content-type', file.endsWith('.js') ? 'text/javascript' : 'text/html');
    res.end(await readFile(file).catch(() => ''));
  }).listen(0, '127.0.0.1');
  await new Promise((r) => server.once('listening', r));
  const url = `http://127.0.0.1:${server.address().port}/`;
  const chromium = spawn('chromium', [
    '--headless',
    '--no-sandbox',
    '--disable-gpu',
    '--virtual-time-budget=20000',
    '--dump-dom',
    url,
  ]);
  let dom = '';
  chromium.stdout.on('data', (d) => (dom += d));
  await new Promise((r) => chromium.on('close', r));
  server.close();
  const result = /<pre id="out">([^<]*)/.exec(dom)?.[1] ?? 'no output';
  const parsed = result.startsWith('{') ? JSON.parse(result.replace(/&quot;/g, '"')) : null;
  const ok =
    parsed?.svg &&
    parsed.pngHead.join() === '137,80,78,71' &&
    parsed.toError.includes('a browser page cannot write files');
  console.log(ok ? 'browser plot check passed' : `browser plot check FAILED: ${result}`);
  process.exitCode = ok ? 0 : 1;
} finally {
  rmSync(entry, { force: true });
  rmSync(dir, { recursive: true, force: true });
}
