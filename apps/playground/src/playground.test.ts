// The playground in a real browser: built with Vite as `pnpm playground` builds it, served from
// localhost, driven in headless Chromium (Debian's, never a downloaded one). It trains on cpu, wasm
// and WebGPU (SwiftShader), stops and resumes, saves and loads back by drag and drop (including a
// .keras file written by Python Keras), and checks a screenshot is not blank.
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { extname, join, normalize, resolve } from 'node:path';
import { chromium, type Browser, type Page } from 'playwright-core';
import { pythonAvailability, pythonRequired, runPython } from '../../../tools/python/oracle';

const CHROMIUM = process.env.STRATA_CHROMIUM ?? '/usr/bin/chromium';
const app = resolve(__dirname, '..');
const dist = join(app, 'dist');
const required = process.env.STRATA_REQUIRE_WEBGPU === '1';
const describeInBrowser = existsSync(CHROMIUM) || required ? describe : describe.skip;

type State = {
  status: string;
  probed: { backends: { name: string; available: boolean }[] } | null;
  batches: { step: number; loss: number; accuracy: number }[];
  epochs: { epoch: number; logs: Record<string, number> }[];
  samples: { features: number[]; label: number; probabilities: number[] }[];
  model: { summary: string; svg: string; backend: string; dataset: string } | null;
  errors: string[];
};

const TYPES: Record<string, string> = {
  '.html': 'text/html',
  '.js': 'text/javascript',
  '.css': 'text/css',
  '.wasm': 'application/wasm',
  '.svg': 'image/svg+xml',
};

describeInBrowser('the playground page in headless Chromium', () => {
  let server: Server;
  let browser: Browser;
  let page: Page;
  const pageErrors: string[] = [];
  const state = () => page.evaluate(() => (window as unknown as { __playground: State }).__playground);
  const waitStatus = (statuses: string[], timeout = 240_000) =>
    page.waitForFunction(
      (s) => s.includes((window as unknown as { __playground: State }).__playground.status),
      statuses,
      { timeout },
    );

  async function train(options: Record<string, string>): Promise<State> {
    for (const [id, value] of Object.entries(options)) {
      if (['dataset', 'model', 'backend'].includes(id)) await page.selectOption(`#${id}`, value);
      else await page.fill(`#${id}`, value);
    }
    await page.click('#train');
    await waitStatus(['done', 'idle']);
    return state();
  }

  async function dropFile(name: string, bytes: Buffer): Promise<State> {
    const transfer = await page.evaluateHandle(
      ({ name, base64 }) => {
        const data = Uint8Array.from(atob(base64), (c) => c.charCodeAt(0));
        const dt = new DataTransfer();
        dt.items.add(new File([data], name));
        return dt;
      },
      { name, base64: bytes.toString('base64') },
    );
    // The page's status before the drop is already 'idle' or 'loaded' (from an earlier run or load), and it
    // turns 'loading' only after reading the file: mark it first, so the wait sees this drop's outcome.
    await page.evaluate(() => {
      (window as unknown as { __playground: State }).__playground.status = 'dropping';
    });
    await page.dispatchEvent('#drop', 'drop', { dataTransfer: transfer });
    await waitStatus(['loaded', 'idle']);
    return state();
  }

  async function save(button: string): Promise<{ name: string; bytes: Buffer }> {
    const [download] = await Promise.all([page.waitForEvent('download'), page.click(button)]);
    return { name: download.suggestedFilename(), bytes: await readFile((await download.path())!) };
  }

  beforeAll(async () => {
    if (process.env.STRATA_PLAYGROUND_PREBUILT !== '1' || !existsSync(join(dist, 'index.html'))) {
      const built = spawnSync(
        process.execPath,
        [join(app, 'node_modules/vite/bin/vite.js'), 'build', '--logLevel', 'warn'],
        {
          cwd: app,
          encoding: 'utf8',
          timeout: 400_000,
        },
      );
      if (built.status !== 0)
        throw new Error(`vite build failed (${built.status ?? built.signal}):\n${built.stdout}\n${built.stderr}`);
    }
    server = createServer(async (req, res) => {
      const path = normalize(decodeURIComponent((req.url ?? '/').split('?')[0])).replace(/^(\.\.[/\\])+/, '');
      const file = join(dist, path === '/' ? 'index.html' : path);
      try {
        const bytes = await readFile(file);
        res.writeHead(200, {
          'content-type': TYPES[extname(file)] ?? 'application/octet-stream',
          'cross-origin-opener-policy': 'same-origin',
          'cross-origin-embedder-policy': 'require-corp',
        });
        res.end(bytes);
      } catch {
        res.writeHead(404).end();
      }
    });
    await new Promise<void>((done) => server.listen(0, '127.0.0.1', done));
    browser = await chromium.launch({
      executablePath: CHROMIUM,
      args: [
        '--headless',
        '--no-sandbox',
        '--disable-gpu',
        '--disable-background-networking',
        '--disable-component-update',
        '--disable-sync',
        '--no-first-run',
        '--enable-unsafe-webgpu',
      ],
    });
    page = await browser.newPage({ viewport: { width: 1400, height: 980 }, acceptDownloads: true });
    page.on('pageerror', (e) => pageErrors.push(e.message));
    await page.goto(`http://127.0.0.1:${(server.address() as AddressInfo).port}/`);
    await waitStatus(['idle'], 60_000);
  }, 480_000);

  afterAll(async () => {
    await browser?.close();
    await new Promise((done) => server?.close(done));
  });

  it('shows which backends are available', async () => {
    const { probed } = await state();
    expect(probed!.backends.map((b) => b.name)).toEqual(['cpu', 'wasm', 'webgpu']);
    expect(probed!.backends.slice(0, 2).every((b) => b.available)).toBe(true);
    if (required) expect(probed!.backends[2].available).toBe(true);
  });

  // WebGPU here is SwiftShader, where synchronous reads cannot work (see backend-webgpu's sync-read.ts):
  // the MNIST run is the one that once failed, when gather read its indices back synchronously.
  const runs = [
    { backend: 'cpu', dataset: 'mnist', epochs: 2, steps: 15, params: 'Total params: 50,890' },
    { backend: 'wasm', dataset: 'mnist', epochs: 2, steps: 15, params: 'Total params: 50,890' },
    { backend: 'webgpu', dataset: 'iris', epochs: 8, steps: 4, params: 'Total params: 515' },
    { backend: 'webgpu', dataset: 'mnist', epochs: 2, steps: 15, params: 'Total params: 50,890' },
  ];
  for (const { backend, dataset, epochs, steps, params } of runs) {
    it(`trains an MLP on ${dataset} on ${backend}: the curves fill and the accuracy rises`, async () => {
      const probed = (await state()).probed!;
      if (!probed.backends.find((b) => b.name === backend)!.available && !required) return;
      const s = await train({
        dataset,
        model: 'mlp',
        backend,
        epochs: String(epochs),
        batchSize: '32',
        learningRate: dataset === 'iris' ? '0.03' : '0.003',
        stepsPerEpoch: String(steps),
      });
      expect(s.errors).toEqual([]);
      expect(s.status).toBe('done');
      expect(s.model!.backend).toBe(backend);
      expect(s.batches.map((b) => b.step)).toEqual(Array.from({ length: epochs * steps }, (_, i) => i + 1));
      expect(s.epochs.map((e) => e.epoch)).toEqual(Array.from({ length: epochs }, (_, i) => i));
      // Batch accuracy is the running mean of the epoch so far; a fresh model starts near chance.
      expect(s.batches.at(-1)!.accuracy).toBeGreaterThan(s.batches[0].accuracy + 0.25);
      expect(s.epochs.at(-1)!.logs.accuracy).toBeGreaterThan(s.epochs[0].logs.accuracy);
      expect(s.epochs.at(-1)!.logs.val_accuracy).toBeGreaterThan(0.5);
      expect(await page.$$eval('#batchChart canvas', (c) => c.length)).toBe(1);
      expect(s.model!.summary).toContain(params);
      expect(s.model!.svg).toContain('<svg');
      expect(s.samples).toHaveLength(8);
    }, 300_000);
  }

  it('reports a synchronous read on SwiftShader WebGPU as an error, and WebGPU still trains after it', async () => {
    if (!(await state()).probed!.backends[2].available && !required) return;
    const before = (await state()).errors.length;
    const reads = `const t = strata.ops.add(strata.ones([5000]), 1); t.dataSync(); return null;`;
    const failed = await train({ dataset: 'iris', model: 'code', backend: 'webgpu', code: reads });
    expect(failed.status).toBe('idle');
    expect(failed.errors.slice(before)).toEqual([
      "dataSync: backend 'webgpu' cannot read synchronously; use await tensor.data() instead",
    ]);
    const s = await train({ model: 'mlp', epochs: '2', stepsPerEpoch: '4', learningRate: '0.03' });
    expect(s.errors.slice(before + 1)).toEqual([]);
    expect(s.status).toBe('done');
    expect(s.model!.backend).toBe('webgpu');
  }, 300_000);

  it('stops and resumes a run', async () => {
    await page.selectOption('#backend', 'cpu');
    await page.selectOption('#dataset', 'mnist');
    await page.fill('#epochs', '3');
    await page.fill('#stepsPerEpoch', '25');
    await page.click('#train');
    await page.waitForFunction(() => (window as unknown as { __playground: State }).__playground.batches.length >= 3);
    await page.click('#stop');
    await waitStatus(['stopped']);
    const stopped = (await state()).batches.length;
    expect(stopped).toBeLessThan(25);
    await page.click('#resume');
    await waitStatus(['done']);
    const s = await state();
    expect(s.epochs.map((e) => e.epoch)).toEqual([0, 1, 2]);
    expect(s.batches.length).toBe(stopped + 50);
  }, 300_000);

  async function roundTrip(button: string, suffix: RegExp): Promise<void> {
    const before = (await state()).samples;
    const saved = await save(button);
    expect(saved.name).toMatch(suffix);
    const errorsBefore = (await state()).errors.length;
    const after = await dropFile(saved.name, saved.bytes);
    expect(after.errors.slice(errorsBefore)).toEqual([]);
    expect(after.status).toBe('loaded');
    expect(after.samples.map((s) => s.features)).toEqual(before.map((s) => s.features));
    after.samples.forEach((s, i) =>
      s.probabilities.forEach((p, k) => expect(p).toBeCloseTo(before[i].probabilities[k], 5)),
    );
  }

  it('saves the trained model as .keras and loads it back by drag and drop', async () => {
    const before = (await state()).errors.length;
    await roundTrip('#saveKeras', /\.keras$/);
    expect((await state()).errors.slice(before)).toEqual([]);
  }, 120_000);

  it('saves in the TF.js format and loads that back too', async () => {
    await roundTrip('#saveTfjs', /\.tfjs\.json$/);
  }, 120_000);

  const keras = pythonRequired ? { ok: true as const } : pythonAvailability(['keras']);
  (keras.ok ? it : it.skip)(
    'loads a .keras file written by Python Keras, predicting as Keras does',
    async () => {
      const dir = mkdtempSync(join(tmpdir(), 'strata-playground-'));
      try {
        const file = join(dir, 'keras_iris.keras');
        const reference = JSON.parse(
          runPython(join(__dirname, 'make_keras_iris.py'), [file, join(__dirname, 'data/iris.csv')]),
        ) as [number[], number[]][];
        const before = (await state()).errors.length;
        const s = await dropFile('keras_iris.keras', readFileSync(file));
        expect(s.errors.slice(before)).toEqual([]);
        expect(s.model!.dataset).toBe('iris');
        expect(s.samples).toHaveLength(8);
        for (const sample of s.samples) {
          const [, expected] = reference.find(([f]) => f.every((v, i) => Math.fround(v) === sample.features[i]))!;
          sample.probabilities.forEach((p, k) => expect(p).toBeCloseTo(expected[k], 5));
        }
      } finally {
        rmSync(dir, { recursive: true, force: true });
      }
    },
    180_000,
  );

  it('renders a page that is not blank (a screenshot, decoded by the browser)', async () => {
    await train({ dataset: 'mnist', model: 'mlp', backend: 'cpu', epochs: '3', stepsPerEpoch: '20' });
    const png = await page.screenshot();
    if (process.env.STRATA_WRITE_SCREENSHOT === '1') writeFileSync(resolve(app, '../../docs/playground.png'), png);
    const colours = await page.evaluate(async (base64) => {
      const image = new Image();
      image.src = `data:image/png;base64,${base64}`;
      await image.decode();
      const canvas = new OffscreenCanvas(image.width, image.height);
      const context = canvas.getContext('2d')!;
      context.drawImage(image, 0, 0);
      const pixels = context.getImageData(0, 0, image.width, image.height).data;
      const seen = new Set<number>();
      for (let i = 0; i < pixels.length; i += 4 * 7) seen.add((pixels[i] << 16) | (pixels[i + 1] << 8) | pixels[i + 2]);
      return seen.size;
    }, png.toString('base64'));
    expect(colours).toBeGreaterThan(50);
    expect(pageErrors).toEqual([]);
  }, 300_000);
});
