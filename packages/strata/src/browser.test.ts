// The umbrella package in a real browser: bundled by esbuild as a web app would bundle it, served
// from localhost, run in headless Chromium (Debian's, never a downloaded one). It trains a small
// model on cpu and wasm and draws a model with plotModel; WebGPU is reported where the browser has it.
import { existsSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { dirname, join, resolve } from 'node:path';
import { build } from 'esbuild';
import { chromium, type Browser } from 'playwright-core';
// Types only: the entry itself runs in the page, bundled, never in Jest.
import type { PageResult } from './testing/browser-entry';

const CHROMIUM = process.env.STRATA_CHROMIUM ?? '/usr/bin/chromium';
const root = resolve(__dirname, '../../..');
const wasmDir = dirname(
  require.resolve('@tensorflow/tfjs-backend-wasm/package.json', { paths: [resolve(root, 'packages/backend-wasm')] }),
);
const haveChromium = existsSync(CHROMIUM);
// CI installs chromium (for WebGPU's SwiftShader driver), so there a missing browser is a failure.
const required = process.env.STRATA_REQUIRE_WEBGPU === '1';
const describeInBrowser = haveChromium || required ? describe : describe.skip;
if (!haveChromium && !required)
  console.warn(`browser tests skipped: no Chromium at ${CHROMIUM} (apt-get install chromium)`);

describeInBrowser('strata in headless Chromium', () => {
  let server: Server;
  let browser: Browser;
  let result: PageResult;
  const pageErrors: string[] = [];

  beforeAll(async () => {
    const bundle = await build({
      entryPoints: [join(__dirname, 'testing/browser-entry.ts')],
      bundle: true,
      format: 'esm',
      platform: 'browser',
      target: 'es2022',
      write: false,
      logLevel: 'silent',
      tsconfig: join(root, 'tsconfig.json'), // its `paths` map strata and @strata/* to their sources
      // Node-only modules reached by dynamic import behind runtime checks (Dawn, resvg, fs): never loaded in a page.
      external: ['webgpu', '@resvg/resvg-js', 'node:*'],
    });
    const script = bundle.outputFiles[0].contents;
    const html =
      '<!doctype html><meta charset="utf-8"><title>strata</title><script type="module" src="/app.js"></script>';
    server = createServer(async (req, res) => {
      const url = req.url ?? '/';
      if (url === '/') return void res.writeHead(200, { 'content-type': 'text/html' }).end(html);
      if (url === '/app.js') return void res.writeHead(200, { 'content-type': 'text/javascript' }).end(script);
      if (url.startsWith('/wasm/') && /^[\w.-]+\.wasm$/.test(url.slice(6))) {
        const bytes = await readFile(join(wasmDir, 'dist', url.slice(6)));
        return void res.writeHead(200, { 'content-type': 'application/wasm' }).end(bytes);
      }
      res.writeHead(404).end();
    });
    await new Promise<void>((done) => server.listen(0, '127.0.0.1', done));
    browser = await chromium.launch({
      executablePath: CHROMIUM,
      args: [
        '--no-sandbox',
        '--disable-gpu',
        '--disable-quic',
        '--no-first-run',
        '--disable-background-networking',
        '--disable-component-update',
        '--disable-sync',
        '--enable-unsafe-webgpu',
      ],
    });
    const page = await browser.newPage();
    page.on('pageerror', (e) => pageErrors.push(e.message));
    await page.goto(`http://127.0.0.1:${(server.address() as AddressInfo).port}/`);
    await page.waitForFunction(() => (window as unknown as { __strata?: unknown }).__strata !== undefined, undefined, {
      timeout: 90_000,
    });
    result = (await page.evaluate(() => (window as unknown as { __strata: unknown }).__strata)) as PageResult;
  }, 120_000);

  afterAll(async () => {
    await browser?.close();
    await new Promise((done) => server?.close(done));
  });

  it('loads without errors', () => {
    expect(pageErrors).toEqual([]);
    expect(result.fatal).toBeUndefined();
    expect(result.total).toBe(6);
  });

  for (const name of ['cpu', 'wasm']) {
    it(`computes and trains on ${name}, leaving no tensor behind`, () => {
      const report = result.backends!.find((b) => b.backend === name)!;
      expect(report.error).toBeUndefined();
      expect(report.matmul).toEqual([
        [19, 22],
        [43, 50],
      ]);
      expect(report.lastLoss!).toBeLessThan(report.firstLoss! * 0.6);
      expect(report.accuracy!).toBeGreaterThan(0.85);
      expect(report.leaked).toBe(0);
    });
  }

  // Chromium without a GPU still offers WebGPU with --enable-unsafe-webgpu, on SwiftShader. Where the
  // WebGPU tests are required (CI), it must work; elsewhere it may instead say why it did not start.
  it('computes and trains on WebGPU through navigator.gpu, or says why it cannot', () => {
    const report = result.backends!.find((b) => b.backend === 'webgpu')!;
    if (report.error === undefined || required) {
      expect(report.error).toBeUndefined();
      expect(report.matmul).toEqual([
        [19, 22],
        [43, 50],
      ]);
      expect(report.lastLoss!).toBeLessThan(report.firstLoss!);
      expect(report.leaked).toBe(0);
    } else {
      expect(report.error).toMatch(/webgpu/i);
    }
  });

  it('exports the trained model to ONNX in the page (protobufjs/light, no file system)', () => {
    const report = result.backends!.find((b) => b.backend === 'cpu')!;
    expect(report.onnx!.bytes).toBeGreaterThan(4 * (2 * 16 + 16 * 16 + 16));
    expect(report.onnx!.firstByte).toBe(0x08);
  });

  it('draws a model as SVG with plotModel (Graphviz in WebAssembly)', () => {
    expect(result.svg).toMatch(/^<svg|<\?xml/);
    expect(result.svg).toContain('hidden');
  });
});
