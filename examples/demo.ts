// `pnpm tour`: a first look at Strata. Makes tensors, runs a few ops on every backend that starts
// (cpu, wasm, webgpu), prints the results and how long the heavier ops take.
import { dispose, getBackend, memory, randomNormal, setBackend, tensor, tidy, type Tensor, ops } from 'strata';

const { add, argMax, conv2d, matmul, max, mean, mul, reshape, softmax, sum, transpose } = ops;

const BACKENDS = ['cpu', 'wasm', 'webgpu'] as const;
/** Finding a GPU adapter can stall on a misconfigured machine: give up on a backend after this. */
const START_TIMEOUT_MS = 30_000;

/** Starts a backend; returns why it could not start, or null. */
async function start(name: string): Promise<string | null> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Error(`did not start within ${START_TIMEOUT_MS / 1000} s`)), START_TIMEOUT_MS);
  });
  try {
    await Promise.race([setBackend(name), timeout]);
    return null;
  } catch (e) {
    return (e instanceof Error ? e.message : String(e)).split('\n')[0];
  } finally {
    clearTimeout(timer);
  }
}

function round(x: unknown): unknown {
  return Array.isArray(x) ? x.map(round) : typeof x === 'number' ? Math.round(x * 1e4) / 1e4 : x;
}

/** Prints a tensor's values (read asynchronously: webgpu cannot read synchronously), then frees it. */
async function show(label: string, t: Tensor): Promise<void> {
  const values = JSON.stringify(round(await t.array()));
  console.log(`  ${label.padEnd(34)} ${t.dtype.padEnd(7)} [${t.shape.join(',')}]  ${values}`);
  t.dispose();
}

/** Median milliseconds of `fn` over `runs` runs after a first (warm-up) run, waiting for results. */
async function time(fn: () => Tensor, runs = 5): Promise<{ first: number; median: number }> {
  const once = async () => {
    const begin = performance.now();
    const out = fn();
    await out.data(); // the op is done only when its values can be read (webgpu runs asynchronously)
    out.dispose();
    return performance.now() - begin;
  };
  const first = await once();
  const times: number[] = [];
  for (let i = 0; i < runs; i++) times.push(await once());
  times.sort((a, b) => a - b);
  return { first, median: times[runs >> 1] };
}

async function tour(): Promise<void> {
  const x = tensor([
    [1, 2, 3],
    [4, 5, 6],
  ]);
  await show(
    'x',
    tensor([
      [1, 2, 3],
      [4, 5, 6],
    ]),
  );
  await show('add(x, 1)', add(x, 1));
  await show('mul(x, [10, 100, 1000])  broadcast', mul(x, [10, 100, 1000]));
  await show(
    'add(int32 [1, 2], 1)  stays int32',
    tidy(() => add(tensor([1, 2], undefined, 'int32'), 1)),
  );
  await show(
    'matmul(x, transpose(x))',
    tidy(() => matmul(x, transpose(x))),
  );
  await show('matmul(x, x, {transposeA: true})', matmul(x, x, { transposeA: true }));
  await show('sum(x)', sum(x));
  await show('sum(x, 1)', sum(x, 1));
  await show('mean(x, 0)', mean(x, 0));
  await show('max(x, 1)', max(x, 1));
  await show('argMax(x, 1)', argMax(x, 1));
  await show('reshape(x, [3, -1])', reshape(x, [3, -1]));
  await show('softmax(x)', softmax(x));
  try {
    add(x, [1, 2]);
  } catch (e) {
    console.log(`  add(x, [1, 2]) fails with a reason:  ${(e as Error).message}`);
  }
  x.dispose();

  const a = randomNormal([256, 512], { seed: 1 });
  const b = randomNormal([512, 256], { seed: 2 });
  const mm = await time(() => matmul(a, b));
  console.log(
    `  matmul [256,512] · [512,256]              ${mm.median.toFixed(2)} ms (first run ${mm.first.toFixed(1)} ms)`,
  );
  const images = randomNormal([16, 28, 28, 8], { seed: 3 });
  const filter = randomNormal([3, 3, 8, 16], { seed: 4 });
  const conv = await time(() => conv2d(images, filter, { padding: 'same' }));
  console.log(
    `  conv2d [16,28,28,8] * [3,3,8,16], same    ${conv.median.toFixed(2)} ms (first run ${conv.first.toFixed(1)} ms)`,
  );
  dispose([a, b, images, filter]);
}

async function main(): Promise<void> {
  console.log('Strata demo: the same ops on every backend that starts.\n');
  for (const name of BACKENDS) {
    const reason = await start(name);
    if (reason !== null) {
      console.log(`${name}: skipped, it did not start: ${reason}\n`);
      continue;
    }
    console.log(`${getBackend()}:`);
    await tour();
    console.log(`  live tensors on ${name} afterwards: ${memory().backends[name]?.numTensors ?? 0}\n`);
  }
}

// Exit explicitly: Dawn (WebGPU in Node) can keep the process alive after the work is done.
main().then(
  () => process.exit(0),
  (e) => {
    console.error(e);
    process.exit(1);
  },
);
