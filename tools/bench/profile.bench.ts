// `pnpm bench profile`: the kernel-level profile of one training step of the MNIST CNN (batch 128,
// Adam) on wasm, from @strata/tensor's profile(): where a step's time goes, kernel by kernel.
// STRATA_PROFILE_MODEL=mlp profiles the MLP 784-512-256-10 instead; STRATA_PROFILE_BACKEND=cpu runs on cpu;
// STRATA_WASM_THREADS=n starts wasm on n threads (default: the machine's cores, wasm's own default).
import { cast, dispose, floor, mul, profile, randomNormal, randomUniform, setBackend } from '@strata/tensor';
import { cpu } from '@strata/backend-cpu';
import { wasm, wasmThreads } from '@strata/backend-wasm';
import { input } from '@strata/graph';
import { Sequential } from '@strata/models';
import { Adam } from '@strata/training';
import { CNN, MLP } from './architectures';
import type { Bench } from './harness';

const BATCH = 128;

export default async function (bench: Bench): Promise<void> {
  const architecture = process.env.STRATA_PROFILE_MODEL === 'mlp' ? MLP : CNN;
  const backendName = process.env.STRATA_PROFILE_BACKEND === 'cpu' ? 'cpu' : 'wasm';
  const threads = process.env.STRATA_WASM_THREADS === undefined ? undefined : Number(process.env.STRATA_WASM_THREADS);
  await setBackend(backendName === 'cpu' ? cpu() : wasm({ numThreads: threads }));
  const on = backendName === 'wasm' ? `wasm, ${wasmThreads()} thread(s)` : backendName;
  bench.section(`profile of one training step: ${architecture.label}, batch ${BATCH}, Adam, on ${on}`);
  const model = new Sequential([input({ shape: architecture.inputShape }), ...architecture.strata('softmax')]);
  model.compile({ optimizer: new Adam({ learningRate: 1e-3 }), loss: 'sparse_categorical_crossentropy' });
  const x = randomNormal([BATCH, ...architecture.inputShape], { seed: 1 });
  const labels = floor(mul(randomUniform([BATCH], { seed: 2 }), 10));
  const y = cast(labels, 'int32');
  const step = () => model.trainOnBatch(x, y);
  // Warm-up steps: the optimizer's slots, XNNPACK's operator caches and the JIT settle first.
  for (let i = 0; i < 3; i++) await step();
  // The step with the median wall time of a few, so a noisy neighbour does not pick the table.
  const runs = [];
  for (let i = 0; i < 5; i++) runs.push(await profile(step));
  runs.sort((a, b) => a.wallMs - b.wallMs);
  const median = runs[runs.length >> 1];
  console.log(
    String(median)
      .split('\n')
      .map((l) => `  ${l}`)
      .join('\n'),
  );
  console.log(
    `  steps' wall ms: ${runs.map((r) => r.wallMs.toFixed(0)).join(', ')}; ${Math.round((BATCH / median.wallMs) * 1000)} samples/s`,
  );
  dispose([x, labels, y]);
  model.dispose();
}
