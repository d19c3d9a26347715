// Bundled by browser.test.ts with esbuild and run in headless Chromium: what a user's web app does
// with the umbrella package. It reports what it saw on window.__strata for the test to check.
import {
  Sequential,
  exportOnnx,
  getBackend,
  input,
  memory,
  setBackend,
  tensor,
  tidy,
  wasm,
  optimizers,
  layers,
  ops,
  utils,
} from 'strata';

const { Adam } = optimizers;
const { Dense } = layers;
const { matmul, sum } = ops;
const { plotModel } = utils;

/** What the page reports per backend (read by browser.test.ts). */
export interface BackendReport {
  backend: string;
  ms?: number;
  matmul?: number[][];
  firstLoss?: number;
  lastLoss?: number;
  accuracy?: number;
  leaked?: number;
  /** exportOnnx in the page (cpu only): the file's size and its first field's tag (ir_version = 0x08). */
  onnx?: { bytes: number; firstByte: number };
  error?: string;
}

/** A two-moons-like toy problem: points inside the unit circle are class 1. */
function circleData(n: number): { x: number[][]; y: number[] } {
  let s = 7;
  const rand = () => ((s = (s * 16807) % 2147483647) / 2147483647) * 2 - 1;
  const x: number[][] = [];
  const y: number[] = [];
  for (let i = 0; i < n; i++) {
    const p = [rand() * 1.5, rand() * 1.5];
    x.push(p);
    y.push(p[0] * p[0] + p[1] * p[1] < 1 ? 1 : 0);
  }
  return { x, y };
}

async function exercise(backend: string): Promise<BackendReport> {
  const report: BackendReport = { backend };
  const began = performance.now();
  try {
    await setBackend(backend === 'wasm' ? wasm({ wasmPaths: '/wasm/' }) : backend);
    report.backend = getBackend();
    const before = memory().numTensors;
    const product = tidy(() =>
      matmul(
        tensor([
          [1, 2],
          [3, 4],
        ]),
        tensor([
          [5, 6],
          [7, 8],
        ]),
      ),
    );
    report.matmul = (await product.array()) as number[][];
    product.dispose();

    const { x, y } = circleData(256);
    const xs = tensor(x);
    const ys = tensor(y, [y.length, 1]);
    const model = new Sequential([
      input({ shape: [2] }),
      new Dense({ units: 16, activation: 'relu' }),
      new Dense({ units: 16, activation: 'relu' }),
      new Dense({ units: 1, activation: 'sigmoid' }),
    ]);
    model.compile({ optimizer: new Adam({ learningRate: 0.03 }), loss: 'binary_crossentropy', metrics: ['accuracy'] });
    // WebGPU in a GPU-less browser runs on SwiftShader (a CPU pretending to be a GPU): fewer epochs there.
    const history = await model.fit(xs, ys, {
      epochs: backend === 'webgpu' ? 10 : 40,
      batchSize: 32,
      verbose: 0,
      seed: 1,
    });
    report.firstLoss = history.history.loss[0];
    report.lastLoss = history.history.loss.at(-1);
    report.accuracy = (await model.evaluate(xs, ys)).accuracy;
    if (backend === 'cpu') {
      const onnx = await exportOnnx(model);
      report.onnx = { bytes: onnx.length, firstByte: onnx[0] };
    }
    xs.dispose();
    ys.dispose();
    model.dispose();
    report.leaked = memory().numTensors - before;
  } catch (e) {
    report.error = e instanceof Error ? `${e.message}\n${e.stack ?? ''}` : String(e);
  }
  report.ms = Math.round(performance.now() - began);
  return report;
}

/** What the page leaves on window.__strata. */
export interface PageResult {
  backends?: BackendReport[];
  svg?: string;
  total?: number;
  fatal?: string;
}

async function main(): Promise<void> {
  const backends: BackendReport[] = [];
  for (const name of ['cpu', 'wasm', 'webgpu']) backends.push(await exercise(name));
  await setBackend('cpu');
  const m = new Sequential(
    [input({ shape: [4] }), new Dense({ units: 3, name: 'hidden' }), new Dense({ units: 1, name: 'out' })],
    { name: 'tiny' },
  );
  let svg = '';
  try {
    svg = (await plotModel(m, { format: 'svg', showShapes: true })) as string;
  } catch (e) {
    svg = `error: ${e instanceof Error ? e.message : String(e)}`;
  }
  m.dispose();
  const total = tidy(() => sum(tensor([1, 2, 3])).dataSync()[0]);
  const result: PageResult = { backends, svg, total };
  (window as unknown as { __strata: PageResult }).__strata = result;
}

main().catch((e) => {
  (window as unknown as { __strata: unknown }).__strata = {
    fatal: e instanceof Error ? `${e.message}\n${e.stack}` : String(e),
  };
});
