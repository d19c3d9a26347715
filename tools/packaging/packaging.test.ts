// The packages as a user gets them: built (turbo + tsup), packed (`pnpm pack` rewrites workspace:* to
// versions), installed with npm into fresh projects outside the workspace, then used as a user would:
// plain Node ESM, tsc against the published .d.ts, @strata/tensor + @strata/backend-wasm alone, and the
// web app bundled by esbuild, Vite and webpack with their default settings, run in Debian's Chromium.
// STRATA_SKIP_PACKAGING=1 skips it (it builds every package, so it is the slowest test file).
import { execFile } from 'node:child_process';
import {
  copyFileSync,
  existsSync,
  mkdirSync,
  mkdtempSync,
  readdirSync,
  readFileSync,
  renameSync,
  rmSync,
  statSync,
  writeFileSync,
} from 'node:fs';
import { readFile } from 'node:fs/promises';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { extname, join, resolve } from 'node:path';
import { chromium, type Browser } from 'playwright-core';

const root = resolve(__dirname, '../..');
const appSource = join(__dirname, 'app');
const PNPM = ['--yes', 'pnpm@10.34.9'];
const CHROMIUM = process.env.STRATA_CHROMIUM ?? '/usr/bin/chromium';
const BUNDLERS = ['esbuild', 'vite', 'webpack'] as const;
const skip = process.env.STRATA_SKIP_PACKAGING === '1';
if (skip) console.warn('packaging test skipped: STRATA_SKIP_PACKAGING=1');
const describePackaging = skip ? describe.skip : describe;
// CI installs chromium (for WebGPU's SwiftShader driver), so there a missing browser is a failure.
const browserRequired = process.env.STRATA_REQUIRE_WEBGPU === '1';
const haveChromium = existsSync(CHROMIUM);
const itInBrowser = haveChromium || browserRequired ? it : it.skip;
if (!skip && !haveChromium && !browserRequired) {
  console.warn(`packaging browser tests skipped: no Chromium at ${CHROMIUM}`);
}

interface Run {
  code: number;
  stdout: string;
  stderr: string;
}

// A user's shell: without what Jest's launcher sets. NODE_PATH (pnpm's .bin shims set it to the
// workspace's .pnpm/node_modules) would let CommonJS resolution find the workspace's packages.
const userEnv = Object.fromEntries(
  Object.entries(process.env).filter(([key]) => !['NODE_PATH', 'NODE_ENV', 'JEST_WORKER_ID'].includes(key)),
);

function run(command: string, args: string[], cwd: string, timeoutSeconds = 300): Promise<Run> {
  return new Promise((done) => {
    const options = { cwd, timeout: timeoutSeconds * 1000, maxBuffer: 64 << 20, env: { ...userEnv, FORCE_COLOR: '0' } };
    execFile(command, args, options, (error, stdout, stderr) => {
      const code = error ? (typeof error.code === 'number' ? error.code : 1) : 0;
      done({ code, stdout: String(stdout), stderr: String(stderr) });
    });
  });
}

async function ok(what: string, command: string, args: string[], cwd: string, timeoutSeconds?: number): Promise<Run> {
  const result = await run(command, args, cwd, timeoutSeconds);
  if (result.code !== 0) {
    const tail = `${result.stdout.slice(-4000)}\n${result.stderr.slice(-4000)}`;
    throw new Error(`${what} failed (exit ${result.code}):\n${tail}`);
  }
  return result;
}

/** The JSON an app prints on its line starting with RESULT. */
function resultOf(output: Run): Record<string, unknown> {
  const line = output.stdout.split('\n').find((l) => l.startsWith('RESULT '));
  if (!line) throw new Error(`no RESULT line in:\n${output.stdout}\n${output.stderr}`);
  const text = line.slice('RESULT '.length);
  return text.startsWith('{') ? (JSON.parse(text) as Record<string, unknown>) : { message: text };
}

function duBytes(path: string): number {
  const stat = statSync(path);
  if (!stat.isDirectory()) return stat.size;
  return readdirSync(path).reduce((total, name) => total + duBytes(join(path, name)), 0);
}

/** An npm project in `dir` depending on the given tarballs, installed from them and the registry. */
async function npmProject(dir: string, tarballs: string[]): Promise<void> {
  mkdirSync(dir, { recursive: true });
  const dependencies = Object.fromEntries(tarballs.map((t) => [packageName(t), `file:${t}`]));
  const manifest = { name: 'first-hour', private: true, type: 'module', dependencies };
  writeFileSync(join(dir, 'package.json'), JSON.stringify(manifest));
  const args = ['install', '--no-audit', '--no-fund', '--prefer-offline', '--loglevel=error'];
  await ok(`npm install in ${dir}`, 'npm', args, dir, 600);
}

const tarballName = (name: string) => `${name.replace(/^@/, '').replace('/', '-')}-0.1.0.tgz`;
// Every workspace package under packages/ is published: a new one is packed and checked without
// being listed here.
const PACKAGES = readdirSync(join(root, 'packages'))
  .filter((dir) => existsSync(join(root, 'packages', dir, 'package.json')))
  .map((dir) => JSON.parse(readFileSync(join(root, 'packages', dir, 'package.json'), 'utf8')).name as string)
  .sort();
const packageName = (tarball: string) => PACKAGES.find((p) => tarball.endsWith(`/${tarballName(p)}`))!;
const packageJson = (dir: string): { name: string } | null => {
  const path = join(root, 'packages', dir, 'package.json');
  return existsSync(path) ? JSON.parse(readFileSync(path, 'utf8')) : null;
};

function serve(dir: string, wasmDir: string): Promise<Server> {
  const types: Record<string, string> = { '.html': 'text/html', '.js': 'text/javascript', '.wasm': 'application/wasm' };
  const server = createServer(async (req, res) => {
    const path = decodeURIComponent((req.url ?? '/').split('?')[0]);
    const inDir = join(dir, path === '/' ? 'index.html' : path);
    const file = path.startsWith('/wasm/') ? join(wasmDir, path.slice(6)) : inDir;
    if (!file.startsWith(dir) && !file.startsWith(wasmDir)) return void res.writeHead(403).end();
    try {
      const bytes = await readFile(file);
      res.writeHead(200, { 'content-type': types[extname(file)] ?? 'application/octet-stream' }).end(bytes);
    } catch {
      res.writeHead(404).end();
    }
  });
  return new Promise((done) => server.listen(0, '127.0.0.1', () => done(server)));
}

interface BackendReport {
  backend: string;
  error?: string;
  loss?: number[];
  expected?: number[];
  keras?: number[];
  weights?: number[];
  tfjs?: number[];
  kerasBytes?: number;
  leaked?: number;
}

interface PageOutcome {
  backends?: BackendReport[];
  pageErrors: string[];
  missing: string[];
}

describePackaging('the packed packages, installed from their tarballs', () => {
  const work = mkdtempSync(join(tmpdir(), 'strata-packaging-'));
  const tarballs = join(work, 'tarballs');
  const app = join(work, 'app');
  const alone = join(work, 'tensor-and-wasm');
  let files: string[] = [];
  let checks: Run;
  const node: Record<string, Run> = {};
  const bundled: Record<string, Run> = {};
  const pages: Record<string, PageOutcome> = {};

  beforeAll(async () => {
    await ok('pnpm build', 'npx', [...PNPM, 'build'], root, 600);
    mkdirSync(tarballs);
    const pack = ['-r', '--filter', './packages/*', 'pack', '--pack-destination', tarballs];
    await ok('pnpm pack', 'npx', [...PNPM, ...pack], root);
    files = readdirSync(tarballs)
      .filter((f) => f.endsWith('.tgz'))
      .map((f) => join(tarballs, f))
      .sort();
    const checking = run('node', [join(__dirname, 'check-packages.mjs'), tarballs], root);
    await npmProject(app, files);
    for (const f of readdirSync(appSource)) copyFileSync(join(appSource, f), join(app, f));
    const tensorAndWasm = files.filter((f) => /\/strata-(tensor|backend-wasm)-0\.1\.0\.tgz$/.test(f));
    const installingAlone = npmProject(alone, tensorAndWasm).then(() => {
      copyFileSync(join(appSource, 'tensor-only.mjs'), join(alone, 'tensor-only.mjs'));
    });
    // Bundlers run from tools/ (their devDependencies), on the project and its node_modules.
    const bundling = Promise.all(
      BUNDLERS.map(async (b) => {
        bundled[b] = await run('node', [join(__dirname, 'bundle.mjs'), b, app, join(app, `dist-${b}`)], __dirname);
      }),
    );
    for (const backend of ['cpu', 'wasm']) node[backend] = await run('node', ['app.mjs', backend], app);
    await installingAlone;
    node.alone = await run('node', ['tensor-only.mjs'], alone);
    for (const backend of ['cpu', 'wasm']) {
      node[`uncaught-${backend}`] = await run('node', ['uncaught.mjs', backend], app);
    }
    writeFileSync(
      join(app, 'tsconfig.json'),
      JSON.stringify({
        compilerOptions: {
          module: 'nodenext',
          moduleResolution: 'nodenext',
          target: 'es2022',
          strict: true,
          noEmit: true,
          // Off, so that tsc checks the published declarations themselves, not only what uses them.
          skipLibCheck: false,
          lib: ['es2022', 'esnext.disposable', 'dom'],
          types: [],
        },
        files: ['types.ts'],
      }),
    );
    node.tsc = await run('node', [join(root, 'node_modules/typescript/bin/tsc'), '-p', 'tsconfig.json'], app);
    checks = await checking;
    await bundling;
    if (haveChromium || browserRequired) await openPages();
  }, 1_500_000);

  async function openPages(): Promise<void> {
    const wasmDir = join(app, 'node_modules/@tensorflow/tfjs-backend-wasm/dist');
    const browser: Browser = await chromium.launch({
      executablePath: CHROMIUM,
      args: [
        '--headless',
        '--no-sandbox',
        '--disable-gpu',
        '--disable-background-networking',
        '--disable-component-update',
        '--disable-sync',
      ],
    });
    try {
      for (const b of BUNDLERS) {
        if (bundled[b].code !== 0) continue;
        const server = await serve(join(app, `dist-${b}`), wasmDir);
        const outcome: PageOutcome = { pageErrors: [], missing: [] };
        try {
          const page = await browser.newPage();
          page.on('pageerror', (e) => outcome.pageErrors.push(e.message));
          page.on('response', (r) => {
            if (r.status() === 404 && !r.url().endsWith('/favicon.ico')) outcome.missing.push(r.url());
          });
          await page.goto(`http://127.0.0.1:${(server.address() as AddressInfo).port}/`);
          const done = () => (window as unknown as { __strata?: unknown }).__strata !== undefined;
          await page.waitForFunction(done, undefined, { timeout: 120_000 }).catch(() => undefined);
          type Seen = { __strata?: { backends: BackendReport[] } };
          const seen = await page.evaluate(() => (window as unknown as Seen).__strata);
          outcome.backends = seen?.backends;
          await page.close();
        } finally {
          await new Promise((closed) => server.close(closed));
        }
        pages[b] = outcome;
      }
    } finally {
      await browser.close();
    }
  }

  afterAll(() => {
    if (files.length) {
      const sizes = files.map((f) => `${f.slice(tarballs.length + 1).padEnd(36)} ${statSync(f).size} bytes`);
      const installed = existsSync(join(app, 'node_modules')) ? duBytes(join(app, 'node_modules')) : 0;
      const aloneSize = existsSync(join(alone, 'node_modules')) ? duBytes(join(alone, 'node_modules')) : 0;
      console.log(
        `tarballs:\n${sizes.join('\n')}\ninstalled node_modules: strata ${installed} bytes, ` +
          `@strata/tensor + @strata/backend-wasm ${aloneSize} bytes`,
      );
    }
    // STRATA_KEEP_PACKAGING=1 keeps the projects and bundles, to look into a failure.
    if (process.env.STRATA_KEEP_PACKAGING === '1') console.log(`kept ${work}`);
    else rmSync(work, { recursive: true, force: true });
  });

  it('publint and Are the Types Wrong find nothing in any tarball', () => {
    expect(files.map((f) => f.slice(tarballs.length + 1))).toEqual(PACKAGES.map(tarballName).sort());
    expect(checks.stderr).toBe('');
    expect(checks.stdout).toContain(`${PACKAGES.length} packages passed publint and attw, 0 failed`);
    expect(checks.code).toBe(0);
  });

  it('workspace:* became versions, and no ./testing subpath or test file is published', async () => {
    for (const f of files) {
      const listing = await ok('tar', 'tar', ['-tzf', f], work);
      expect(listing.stdout).not.toMatch(/testing|\.test\.|\/src\//);
      const manifest = await ok('tar', 'tar', ['-xzOf', f, 'package/package.json'], work);
      type Manifest = { exports: Record<string, unknown>; dependencies?: Record<string, string> };
      const pkg = JSON.parse(manifest.stdout) as Manifest;
      // '.' for users, and './internal' where the package shares internals with Strata's other packages.
      const name = packageName(f);
      const dir = readdirSync(join(root, 'packages')).find((d) => packageJson(d)?.name === name)!;
      const internal = existsSync(join(root, 'packages', dir, 'src/internal.ts'));
      expect(Object.keys(pkg.exports)).toEqual(internal ? ['.', './internal'] : ['.']);
      for (const [dep, version] of Object.entries(pkg.dependencies ?? {})) {
        if (dep.startsWith('@strata/')) expect(version).toBe('0.1.0');
      }
    }
  });

  for (const backend of ['cpu', 'wasm']) {
    it(`node app.mjs (plain ESM) trains on ${backend}, saves and loads .keras, .weights.h5 and TF.js`, () => {
      type AppResult = { backend: string; loss: number[]; accuracy: number; expected: number[] };
      const r = resultOf(node[backend]) as AppResult & Record<string, unknown>;
      expect(node[backend].stderr).toBe('');
      expect(r.backend).toBe(backend);
      expect(r.loss.at(-1)!).toBeLessThan(r.loss[0] * 0.5);
      expect(r.accuracy).toBeGreaterThan(0.9);
      expect(r.expected).toHaveLength(128);
      for (const format of ['keras', 'tfjs', 'weights']) expect(r[format]).toEqual(r.expected);
      expect(r.kerasCompiled).toBe(true);
    });
  }

  it('a .ts file type-checks against the published .d.ts (tsc, nodenext, skipLibCheck off)', () => {
    // tfjs-core 4.22's own hash_util.d.ts names the global `Long` of @types/long, which it no longer
    // depends on: that error is TensorFlow.js's, not in any file of Strata's.
    const errors = node.tsc.stdout.split('\n').filter((l) => /error TS/.test(l));
    const ours = errors.filter((l) => !l.startsWith('node_modules/@tensorflow/tfjs-core/dist/hash_util.d.ts'));
    expect(node.tsc.stderr).toBe('');
    expect(ours).toEqual([]);
  });

  it('@strata/tensor + @strata/backend-wasm installed alone compute on wasm, without ./testing', () => {
    expect(readdirSync(join(alone, 'node_modules/@strata')).sort()).toEqual(['backend-wasm', 'tensor']);
    expect(existsSync(join(alone, 'node_modules/strata'))).toBe(false);
    expect(node.alone.stderr).toBe('');
    expect(resultOf(node.alone)).toEqual({
      backend: 'wasm',
      slope: 2,
      intercept: 1,
      sum: [2, 3, 4],
      leaked: 0,
      testing: 'ERR_PACKAGE_PATH_NOT_EXPORTED',
    });
  });

  it('an uncaught mistake prints the same stderr and exit code on wasm as on cpu', () => {
    const [onCpu, onWasm] = [node['uncaught-cpu'], node['uncaught-wasm']];
    expect(onCpu.code).toBe(1);
    expect(onCpu.stderr).toContain('StrataError: reshape: cannot reshape a tensor of shape [3] (3 elements) into [2]');
    expect(onWasm.stderr).toBe(onCpu.stderr);
    expect(onWasm.code).toBe(onCpu.code);
  });

  for (const bundler of BUNDLERS) {
    itInBrowser(`bundled by ${bundler} (default settings): trains, saves and loads in Chromium on cpu and wasm`, () => {
      expect(bundled[bundler].stderr).not.toMatch(/error/i);
      expect(bundled[bundler].code).toBe(0);
      const page = pages[bundler];
      expect(page.pageErrors).toEqual([]);
      expect(page.missing).toEqual([]);
      expect(page.backends?.map((b) => b.backend)).toEqual(['cpu', 'wasm']);
      for (const report of page.backends!) {
        expect(report.error).toBeUndefined();
        expect(report.loss!.at(-1)!).toBeLessThan(report.loss![0] * 0.5);
        expect(report.kerasBytes!).toBeGreaterThan(1000);
        expect(report.keras).toEqual(report.expected);
        expect(report.weights).toEqual(report.expected);
        expect(report.tfjs).toEqual(report.expected);
        expect(report.leaked).toBe(0);
      }
      // The same seeded model, so the browsers' predictions match Node's, backend for backend.
      for (const report of page.backends!) {
        const inNode = resultOf(node[report.backend]) as { expected: number[] };
        report.expected!.forEach((v, i) => expect(v).toBeCloseTo(inNode.expected[i], 4));
      }
    });
  }

  // Last: it takes h5wasm out of the installed project for a moment.
  it('without h5wasm installed, saving a .keras archive says h5wasm is missing and how to install it', async () => {
    const h5wasm = join(app, 'node_modules/h5wasm');
    const hidden = join(work, 'h5wasm-hidden');
    renameSync(h5wasm, hidden);
    let outcome: Run;
    try {
      outcome = await run('node', ['no-h5wasm.mjs'], app);
    } finally {
      renameSync(hidden, h5wasm);
    }
    const { message } = resultOf(outcome) as { message: string };
    expect(message).toContain(
      "ModelFileError: Reading and writing HDF5 (.keras, .weights.h5) files needs the 'h5wasm' package",
    );
    expect(message).toContain(
      "which is not installed where @strata/serialization can find it (Cannot find package 'h5wasm'",
    );
    expect(message).toContain('npm install');
  });
});
