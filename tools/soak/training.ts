// Part (a): long training on one backend, watching for leaks. `fit` for N steps, then a hand-written
// loop (GradientTape + optimizer.applyGradients) for N steps, each on a small CNN with batch
// normalization and dropout (layers with non-trainable state and randomness at every step). Every
// 100 steps: live tensors and bytes (memory()) and the process's RSS. Any growth of tensors or bytes
// after the first 100 steps is a failure; so is RSS growth beyond the bound, after the same warm-up.
//   node --expose-gc --import tsx tools/soak/training.ts <cpu|wasm|webgpu> [--steps 1000] [--rss-bound 64]
import {
  GradientTape,
  Sequential,
  input,
  memory,
  dispose,
  randomNormal,
  randomUniform,
  setBackend,
  setRandomSeed,
  tidy,
  type Tensor,
  layers,
  callbacks,
  optimizers,
  ops,
  losses,
} from 'strata';
import { collectGarbage, finish, option, printTable, rssMiB, type PartResult } from './report';

const { BatchNormalization, Conv2D, Dense, Dropout, Flatten } = layers;
const { LambdaCallback } = callbacks;
const { Adam } = optimizers;
const { mean, floor, cast, slice } = ops;
const { sparseCategoricalCrossentropy } = losses;

const BACKENDS = ['cpu', 'wasm', 'webgpu'] as const;
type BackendName = (typeof BACKENDS)[number];
const backend = process.argv[2] as BackendName;
if (!BACKENDS.includes(backend)) {
  console.error(
    `training.ts: expected a backend (${BACKENDS.join(', ')}) as the first argument, received ` +
      `${JSON.stringify(backend)}`,
  );
  process.exit(2);
}
const steps = option('steps', backend === 'webgpu' ? 200 : 1000);
const every = 100;
// RSS may rise while the allocators and JIT settle; after the first 100 steps it must stay within this.
const rssBoundMiB = option('rss-bound', 64);
const batchSize = 16;

interface Sample {
  step: number;
  tensors: number;
  bytes: number;
  rss: number;
  /** On the reading taken after the model (and optimizer) were disposed: the reading before it was built. */
  before?: Sample;
}

function sample(step: number): Sample {
  collectGarbage();
  const m = memory();
  return { step, tensors: m.numTensors, bytes: m.numBytes, rss: rssMiB() };
}

const cnn = () =>
  new Sequential([
    input({ shape: [8, 8, 1] }),
    new Conv2D({ filters: 4, kernelSize: 3, activation: 'relu' }),
    new Flatten(),
    new Dense({ units: 16, activation: 'relu' }),
    new BatchNormalization(),
    new Dropout({ rate: 0.2 }),
    new Dense({ units: 4 }),
  ]);

/** 100 batches of random images and labels (one epoch), seeded by setRandomSeed. */
function makeData(): { x: Tensor; y: Tensor } {
  const n = every * batchSize;
  return tidy(() => ({
    x: randomNormal([n, 8, 8, 1]),
    y: cast(floor(randomUniform([n], { minval: 0, maxval: 4 })), 'int32'),
  }));
}

async function soakFit(data: { x: Tensor; y: Tensor }): Promise<Sample[]> {
  const before = sample(0);
  const model = cnn();
  model.compile({
    optimizer: new Adam({ learningRate: 1e-3 }),
    loss: 'sparse_categorical_crossentropy',
    metrics: ['accuracy'],
  });
  const samples = [sample(0)];
  let epochs = 0;
  const record = new LambdaCallback({ onEpochEnd: () => void samples.push(sample(++epochs * every)) });
  await model.fit(data.x, data.y, { epochs: steps / every, batchSize, shuffle: true, verbose: 0, callbacks: [record] });
  model.dispose();
  return [...samples, { ...sample(-1), before }];
}

async function soakTape(data: { x: Tensor; y: Tensor }): Promise<Sample[]> {
  const before = sample(0);
  const model = cnn();
  const optimizer = new Adam({ learningRate: 1e-3 });
  const batches = Array.from({ length: every }, (_, b) =>
    tidy(() => [
      slice(data.x, [b * batchSize, 0, 0, 0], [batchSize, 8, 8, 1]),
      slice(data.y, [b * batchSize], [batchSize]),
    ]),
  );
  const samples = [sample(0)];
  for (let step = 1; step <= steps; step++) {
    const [xb, yb] = batches[step % every];
    const tape = new GradientTape();
    const loss = tape.record(() =>
      tidy(() =>
        mean(sparseCategoricalCrossentropy(yb, model.apply(xb, { training: true }) as Tensor, { fromLogits: true })),
      ),
    );
    const weights = model.trainableWeights;
    const grads = tape.gradient(loss, weights);
    optimizer.applyGradients(grads.map((g, i) => [g, weights[i]] as const));
    if (step % every === 0) {
      // A read per 100 steps drains the queue on webgpu, as a loop that logs its loss would.
      await loss.data();
      samples.push(sample(step));
    }
    dispose([loss, ...grads]);
  }
  dispose(batches.flat());
  model.dispose();
  optimizer.dispose();
  return [...samples, { ...sample(-1), before }];
}

function judge(label: string, all: Sample[], failures: string[]): string[] {
  const end = all[all.length - 1];
  const samples = all.slice(0, -1);
  printTable(
    `${backend} ${label}: ${steps} steps`,
    ['step', 'tensors', 'bytes', 'rss MiB'],
    samples.map((s) => [s.step, s.tensors, s.bytes, s.rss.toFixed(1)]),
  );
  const warm = samples[1];
  const last = samples[samples.length - 1];
  const growth = { tensors: last.tensors - warm.tensors, bytes: last.bytes - warm.bytes, rss: last.rss - warm.rss };
  const steady = samples.slice(1).every((s) => s.tensors === warm.tensors && s.bytes === warm.bytes);
  const left = { tensors: end.tensors - end.before!.tensors, bytes: end.bytes - end.before!.bytes };
  console.log(
    `growth from step ${warm.step} to ${last.step}: ${growth.tensors} tensors, ${growth.bytes} bytes, ` +
      `${growth.rss.toFixed(1)} MiB RSS (bound ${rssBoundMiB} MiB); left after disposing the model: ` +
      `${left.tensors} tensors, ${left.bytes} bytes`,
  );
  if (!steady)
    failures.push(
      `${backend} ${label}: live tensors or bytes changed after step ${warm.step} (see the table); a loop must ` +
        `hold a constant number`,
    );
  if (left.tensors !== 0 || left.bytes !== 0)
    failures.push(`${backend} ${label}: ${left.tensors} tensors (${left.bytes} bytes) outlived the disposed model`);
  if (growth.rss > rssBoundMiB)
    failures.push(
      `${backend} ${label}: RSS grew by ${growth.rss.toFixed(1)} MiB after warm-up, more than the bound of ` +
        `${rssBoundMiB} MiB`,
    );
  return [
    label,
    String(steps),
    `${growth.tensors}`,
    `${growth.bytes}`,
    growth.rss.toFixed(1),
    `${warm.rss.toFixed(0)}→${last.rss.toFixed(0)}`,
    `${left.tensors}`,
  ];
}

async function main(): Promise<PartResult> {
  if (steps % every !== 0 || steps < 2 * every) {
    console.error(`--steps: expected a multiple of ${every}, at least ${2 * every}; received ${steps}`);
    process.exit(2);
  }
  await setBackend(backend);
  setRandomSeed(20261206);
  const started = Date.now();
  const data = makeData();
  const failures: string[] = [];
  const rows = [judge('fit', await soakFit(data), failures), judge('tape', await soakTape(data), failures)];
  dispose([data.x, data.y]);
  printTable(
    `training on ${backend} (growth after the first ${every} steps; ${((Date.now() - started) / 1000).toFixed(0)} s)`,
    ['loop', 'steps', 'tensors', 'bytes', 'RSS MiB', 'RSS MiB (warm→last)', 'left after dispose'],
    rows,
  );
  const figures = rows.map((r) => `${r[0]} ${r[1]} steps: ${r[2]} tensors, ${r[3]} B, ${r[4]} MiB RSS`).join('; ');
  return { part: `train-${backend}`, ok: failures.length === 0, figures, failures };
}

main().then(finish, (e) => {
  console.error(e);
  finish({
    part: `train-${backend}`,
    ok: false,
    figures: 'did not finish',
    failures: [`threw: ${e instanceof Error ? e.message : String(e)}`],
  });
});
