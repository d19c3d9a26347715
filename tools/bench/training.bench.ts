// Training throughput: the same architecture, data, initial weights and optimizer, trained by
// Strata's fit and by tfjs-layers' fit in one process on the same backend instance (samples per
// second), plus a roofline: the GFLOP/s Strata's MLP fit achieves against its own plain matmul.
//
// Targets (ratio = Strata time / tfjs time, smaller is better):
//   MLP 784-512-256-10, batch 128, Adam, wasm: Strata ≥ 4× tfjs-layers  → ratio ≤ 0.25
//   the same MLP on cpu: ≥ 1×                                          → ratio ≤ 1
//   CNN on wasm: tfjs-layers cannot (no Conv2DBackpropFilter on wasm): Strata on wasm vs tfjs on cpu, reported
//   LSTM text classifier on wasm: ≥ 1×                                 → ratio ≤ 1
//   roofline: plain-matmul GFLOP/s ÷ MLP-fit GFLOP/s ≤ 2 (the fit reaches half the matmul rate or more)
import { execFileSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { createRequire } from 'node:module';
import { fileURLToPath } from 'node:url';
import * as tf from '@tensorflow/tfjs-core';
import {
  conv2d,
  dispose,
  matmul,
  randomNormal,
  randomUniform,
  cast,
  floor,
  mul,
  setBackend,
  type Tensor,
} from '@strata/tensor';
import { cpu } from '@strata/backend-cpu';
import { wasm } from '@strata/backend-wasm';
import { Dense, Embedding, LSTM, type Layer } from '@strata/layers';
import { CNN as CNN_ARCHITECTURE, MLP as MLP_ARCHITECTURE, type Architecture } from './architectures';
import { input } from '@strata/graph';
import { Sequential } from '@strata/models';
import { Adam, type Trainer } from '@strata/training';
import type { Bench } from './harness';

// tfjs-layers is a devDependency of @strata/training (its tests' oracle); resolve it from there. It
// shares this process's tfjs-core (one file on disk), so both libraries use one backend instance.
// (Typed here by the little this file uses: tools does not depend on tfjs-layers itself.)
interface PeerModel {
  compile(config: { optimizer: tf.Optimizer; loss: string }): void;
  fit(x: tf.Tensor, y: tf.Tensor, options: Record<string, unknown>): Promise<unknown>;
  getWeights(): tf.Tensor[];
  setWeights(weights: tf.Tensor[]): void;
  dispose(): unknown;
}
type PeerLayer = { readonly name: string };
interface TfjsLayers {
  sequential(config: { layers: PeerLayer[] }): PeerModel;
  layers: Record<
    'dense' | 'conv2d' | 'maxPooling2d' | 'flatten' | 'embedding' | 'lstm',
    (args?: Record<string, unknown>) => PeerLayer
  >;
}
const tfl = createRequire(new URL('../../packages/training/package.json', import.meta.url))(
  '@tensorflow/tfjs-layers',
) as TfjsLayers;

type Backend = 'cpu' | 'wasm';
/** STRATA_WASM_THREADS=n starts wasm with n threads (one per process: the thread-scaling line runs a child). */
const WASM_THREADS = Number(process.env.STRATA_WASM_THREADS ?? 1);
const BACKENDS = { cpu, wasm: () => wasm({ numThreads: WASM_THREADS }) };

async function useBackend(strata: Backend, peer: Backend = strata): Promise<void> {
  await setBackend(BACKENDS[strata]());
  await tf.setBackend(peer);
}

interface Case {
  label: string;
  strataLayers: () => Layer[];
  inputShape: number[];
  peerLayers: () => PeerLayer[];
  classes: number;
  /** Input values: 'normal' floats, or integer token ids below this vocabulary size. */
  vocab?: number;
}

const fromArchitecture = (a: Architecture): Case => ({
  label: a.label,
  inputShape: a.inputShape,
  classes: 10,
  strataLayers: () => a.strata('softmax'),
  peerLayers: () => a.peer(tfl.layers, 'softmax', { inputShape: a.inputShape }),
});
const MLP = fromArchitecture(MLP_ARCHITECTURE);
const CNN = fromArchitecture(CNN_ARCHITECTURE);

/**
 * The embedding is frozen on both sides: tfjs-wasm lacks UnsortedSegmentSum, the gradient of a
 * gather, so tfjs-layers cannot train an Embedding on wasm at all (Strata can; see the line below).
 */
const lstmText = (trainableEmbedding: boolean): Case => ({
  label: `LSTM text classifier (emb 32${trainableEmbedding ? '' : ' frozen'}, lstm 32, seq 40)`,
  inputShape: [40],
  classes: 2,
  vocab: 1000,
  strataLayers: () => [
    new Embedding({ inputDim: 1000, outputDim: 32, trainable: trainableEmbedding }),
    new LSTM({ units: 32 }),
    new Dense({ units: 2, activation: 'softmax' }),
  ],
  peerLayers: () => [
    tfl.layers.embedding({ inputDim: 1000, outputDim: 32, inputLength: 40, trainable: trainableEmbedding }),
    // tfjs-layers' Orthogonal initializer needs tfjs's chained ops, which tfjs-core alone does not
    // register; the initial weights are copied from Strata's model anyway.
    tfl.layers.lstm({ units: 32, recurrentInitializer: 'glorotUniform' }),
    tfl.layers.dense({ units: 2, activation: 'softmax' }),
  ],
});

interface Pair {
  warm(): Promise<void>;
  strata: { trainer: Trainer; model: Sequential; x: Tensor; y: Tensor };
  peer: { model: PeerModel; x: tf.Tensor; y: tf.Tensor };
  free(): void;
}

/** The same model twice, with Strata's initial weights copied into tfjs's, and the same data. */
function makePair(c: Case, samples: number): Pair {
  const model = new Sequential([input({ shape: c.inputShape }), ...c.strataLayers()]);
  const trainer: Trainer = model;
  trainer.compile({ optimizer: new Adam({ learningRate: 1e-3 }), loss: 'sparse_categorical_crossentropy' });
  const x = c.vocab
    ? floor(randomUniform([samples, ...c.inputShape], { minval: 1, maxval: c.vocab, seed: 1 }))
    : randomNormal([samples, ...c.inputShape], { seed: 1 });
  const labels = floor(mul(randomUniform([samples], { seed: 2 }), c.classes));
  const y = cast(labels, 'int32');
  labels.dispose();
  const peerModel = tfl.sequential({ layers: c.peerLayers() });
  peerModel.compile({ optimizer: tf.train.adam(1e-3), loss: 'sparseCategoricalCrossentropy' });
  const weights = model.getWeights();
  const peerWeights = peerModel.getWeights();
  if (
    weights.length === peerWeights.length &&
    weights.every((w, i) => w.shape.join() === peerWeights[i].shape.join())
  ) {
    peerModel.setWeights(weights.map((w) => tf.tensor(w.dataSync(), [...w.shape])));
  }
  dispose(weights);
  const px = tf.tensor(x.dataSync(), [...x.shape]);
  const py = tf.tensor(y.dataSync(), [samples], 'float32');
  return {
    strata: { trainer, model, x, y },
    async warm() {
      // One fit each first, so the optimizers' state exists before timing (it is not a leak).
      await fitStrata(this as Pair)();
      await fitPeer(this as Pair)();
    },
    peer: { model: peerModel, x: px, y: py },
    free() {
      dispose([x, y]);
      model.dispose();
      tf.dispose([px, py]);
      peerModel.dispose();
    },
  };
}

const BATCH = 128;
/** tfjs-layers' CNN on cpu manages a few samples per second: a smaller batch keeps the comparison short. */
const CNN_BATCH = 32;
const fitStrata =
  (p: Pair, batchSize = BATCH) =>
  () =>
    p.strata.model.fit(p.strata.x, p.strata.y, { batchSize, epochs: 1, shuffle: false, verbose: 0 });
const fitPeer =
  (p: Pair, batchSize = BATCH) =>
  () =>
    p.peer.model.fit(p.peer.x, p.peer.y, { batchSize, epochs: 1, shuffle: false, verbose: 0, yieldEvery: 'never' });

function rate(samples: number, ms: number): string {
  return `${Math.round((samples / ms) * 1000)} samples/s`;
}

async function mlp(bench: Bench, backend: Backend, samples: number, target: number): Promise<number> {
  await useBackend(backend);
  bench.section(`${MLP.label}, batch ${BATCH}, Adam, one epoch of ${samples} samples, on ${backend}`);
  const p = makePair(MLP, samples);
  await p.warm();
  const r = await bench.compare(`fit on ${backend}`, fitStrata(p), fitPeer(p), { warmup: 1, iterations: 5 });
  console.log(
    `    Strata ${rate(samples, r.strataMs)}, tfjs-layers ${rate(samples, r.peerMs)}: Strata ${(r.peerMs / r.strataMs).toFixed(2)}× as fast`,
  );
  bench.figure(`Strata time / tfjs-layers time, MLP on ${backend}`, r.ratio, { atMost: target });
  p.free();
  return (samples / r.strataMs) * 1000;
}

/** 2·(784·512 + 512·256 + 256·10) per sample forward; training does three such matmul passes. */
const MLP_TRAIN_FLOPS = 3 * 2 * (784 * 512 + 512 * 256 + 256 * 10);

async function roofline(bench: Bench, backend: Backend, samplesPerSecond: number): Promise<void> {
  await useBackend(backend);
  bench.section(`roofline on ${backend}: GFLOP/s of the MLP fit against Strata's plain matmul`);
  const a = randomNormal([BATCH, 784], { seed: 1 });
  const b = randomNormal([784, 512], { seed: 2 });
  const ta = tf.tensor(a.dataSync(), [BATCH, 784]);
  const tb = tf.tensor(b.dataSync(), [784, 512]);
  const r = await bench.compare(
    'matmul 128×784 · 784×512',
    () => matmul(a, b).dispose(),
    () => tf.matMul(ta, tb).dispose(),
    { warmup: 3, iterations: 15 },
  );
  const matmulGflops = (2 * BATCH * 784 * 512) / (r.strataMs * 1e6);
  const fitGflops = (samplesPerSecond * MLP_TRAIN_FLOPS) / 1e9;
  console.log(
    `    plain matmul ${matmulGflops.toFixed(1)} GFLOP/s; MLP fit ${fitGflops.toFixed(1)} GFLOP/s (${((fitGflops / matmulGflops) * 100).toFixed(0)}% of the matmul rate)`,
  );
  bench.figure(`matmul GFLOP/s ÷ MLP-fit GFLOP/s, ${backend}`, matmulGflops / fitGflops, { atMost: 2 });
  dispose([a, b]);
  tf.dispose([ta, tb]);
}

async function cnn(bench: Bench, samples: number): Promise<void> {
  bench.section(
    `${CNN.label}, batch ${CNN_BATCH}: Strata on wasm against tfjs-layers on cpu (tfjs-wasm has no Conv2DBackpropFilter)`,
  );
  await useBackend('wasm', 'cpu');
  // The pair is made on cpu so both sides' tensors live where their side runs, then Strata's move to wasm.
  await setBackend(cpu());
  const p = makePair(CNN, samples);
  await setBackend(wasm());
  await fitStrata(p, CNN_BATCH)();
  await fitPeer(p, CNN_BATCH)();
  const r = await bench.compare('fit: Strata wasm vs tfjs-layers cpu', fitStrata(p, CNN_BATCH), fitPeer(p, CNN_BATCH), {
    warmup: 0,
    iterations: 2,
  });
  console.log(
    `    Strata (wasm) ${rate(samples, r.strataMs)}, tfjs-layers (cpu) ${rate(samples, r.peerMs)}: Strata ${(r.peerMs / r.strataMs).toFixed(2)}× as fast`,
  );
  p.free();
  try {
    await tf.setBackend('wasm');
    const q = makePair(CNN, CNN_BATCH);
    await q.peer.model.fit(q.peer.x, q.peer.y, { batchSize: CNN_BATCH, epochs: 1, verbose: 0 }).then(
      () => console.log('    (tfjs-layers trained the CNN on wasm this time)'),
      (e: Error) => console.log(`    tfjs-layers on wasm: ${e.message.split('\n')[0]}`),
    );
    q.free();
  } catch (e) {
    console.log(`    tfjs-layers on wasm: ${(e as Error).message.split('\n')[0]}`);
  }
}

async function lstm(bench: Bench, samples: number): Promise<void> {
  await useBackend('wasm');
  const frozen = lstmText(false);
  bench.section(`${frozen.label}, batch ${BATCH}, on wasm`);
  const p = makePair(frozen, samples);
  await p.warm();
  const r = await bench.compare('fit on wasm', fitStrata(p), fitPeer(p), { warmup: 1, iterations: 3 });
  console.log(
    `    Strata ${rate(samples, r.strataMs)}, tfjs-layers ${rate(samples, r.peerMs)}: Strata ${(r.peerMs / r.strataMs).toFixed(2)}× as fast`,
  );
  bench.figure('Strata time / tfjs-layers time, LSTM on wasm', r.ratio, { atMost: 1 });
  p.free();
  // With the embedding trained too: Strata does it; tfjs-layers stops for want of a kernel.
  const q = makePair(lstmText(true), BATCH);
  const start = performance.now();
  await fitStrata(q)();
  console.log(
    `    trainable embedding: Strata ${rate(BATCH, performance.now() - start)} (first epoch, untimed warm-up included)`,
  );
  await fitPeer(q)().then(
    () => console.log('    trainable embedding: tfjs-layers trained it too'),
    (e: Error) => console.log(`    trainable embedding: tfjs-layers on wasm fails: ${e.message.split('\n')[0]}`),
  );
  q.free();
}

/** Strata's CNN fit on wasm at batch 128 (the setting), samples per second. */
async function cnnRate(samples: number): Promise<number> {
  await useBackend('wasm');
  const model = new Sequential([input({ shape: CNN.inputShape }), ...CNN.strataLayers()]);
  model.compile({ optimizer: new Adam({ learningRate: 1e-3 }), loss: 'sparse_categorical_crossentropy' });
  const x = randomNormal([samples, ...CNN.inputShape], { seed: 1 });
  const labels = floor(mul(randomUniform([samples], { seed: 2 }), 10));
  const y = cast(labels, 'int32');
  const fit = () => model.fit(x, y, { batchSize: BATCH, epochs: 1, shuffle: false, verbose: 0 });
  await fit();
  // The median of five epochs: PyTorch's figure is the median of 15 steps, and one slow epoch (a
  // neighbour on the other core) should not decide the ratio.
  const times: number[] = [];
  for (let i = 0; i < 5; i++) {
    const start = performance.now();
    await fit();
    times.push(performance.now() - start);
  }
  dispose([x, labels, y]);
  model.dispose();
  return (samples / times.sort((a, b) => a - b)[2]) * 1000;
}

/** Strata's MLP fit on wasm at batch 128, samples per second (no peer: for the thread-scaling child). */
async function mlpRate(samples: number): Promise<number> {
  await useBackend('wasm');
  const p = makePair(MLP, samples);
  await fitStrata(p)();
  const start = performance.now();
  for (let i = 0; i < 3; i++) await fitStrata(p)();
  const rate = (3 * samples * 1000) / (performance.now() - start);
  p.free();
  return rate;
}

/** PyTorch's CNN and MLP rates on `threads` threads, or why they could not be measured. */
function torchRates(threads: number): { cnn: number; mlp: number; torch: string } | string {
  const script = fileURLToPath(new URL('./python/torch_training.py', import.meta.url));
  // Debian's python3-torch installs for /usr/bin/python3, which may not be the python3 on PATH.
  for (const python of ['/usr/bin/python3', 'python3'].filter((p) => p === 'python3' || existsSync(p))) {
    try {
      return JSON.parse(
        execFileSync(python, [script, String(threads)], {
          encoding: 'utf8',
          stdio: ['ignore', 'pipe', 'ignore'],
          timeout: 300_000,
        }),
      );
    } catch {
      // try the next interpreter
    }
  }
  return 'no python3 with torch found (apt-get install python3-torch)';
}

/** The same rates measured by a child process whose wasm backend runs `threads` threads. */
function childRates(threads: number): { cnn: number; mlp: number } {
  const tsx = fileURLToPath(new URL('../../node_modules/.bin/tsx', import.meta.url));
  const run = fileURLToPath(new URL('./run.ts', import.meta.url));
  const env = { ...process.env, STRATA_WASM_THREADS: String(threads), STRATA_TRAINING_RATES_ONLY: '1' };
  const out = execFileSync(tsx, [run, 'training'], { encoding: 'utf8', env, timeout: 600_000 });
  return JSON.parse(
    out
      .split('\n')
      .find((l) => l.startsWith('RATES '))!
      .slice(6),
  );
}

async function againstPytorch(bench: Bench, quick: boolean): Promise<void> {
  const samples = quick ? 256 : 1024;
  const one = { cnn: await cnnRate(samples), mlp: await mlpRate(samples * 2) };
  bench.section(`Strata on wasm against PyTorch (CPU), batch ${BATCH}, Adam: samples/s`);
  const two = childRates(2);
  console.log(`    Strata wasm, 1 thread : CNN ${one.cnn.toFixed(0)}, MLP ${one.mlp.toFixed(0)}`);
  console.log(
    `    Strata wasm, 2 threads: CNN ${two.cnn.toFixed(0)}, MLP ${two.mlp.toFixed(0)}` +
      ` (scaling ${(two.cnn / one.cnn).toFixed(2)}×, ${(two.mlp / one.mlp).toFixed(2)}×)`,
  );
  const best = { cnn: Math.max(one.cnn, two.cnn), mlp: Math.max(one.mlp, two.mlp) };
  bench.figure('1400 samples/s ÷ Strata CNN on wasm (best of 1, 2 threads)', 1400 / best.cnn, { atMost: 1 });
  for (const threads of [1, 2]) {
    const torch = torchRates(threads);
    if (typeof torch === 'string') {
      console.log(`    PyTorch skipped: ${torch}`);
      return;
    }
    const mine = threads === 1 ? one : two;
    console.log(
      `    PyTorch ${torch.torch}, ${threads} thread(s): CNN ${torch.cnn.toFixed(0)}, MLP ${torch.mlp.toFixed(0)}`,
    );
    bench.figure(`PyTorch CNN ÷ Strata CNN, ${threads} thread(s)`, torch.cnn / mine.cnn, { atMost: 1 });
    bench.figure(`PyTorch MLP ÷ Strata MLP, ${threads} thread(s) (target: Strata ≥ 2×)`, torch.mlp / mine.mlp, {
      atMost: 0.5,
    });
  }
}

async function convForward(bench: Bench): Promise<void> {
  await useBackend('wasm');
  bench.section("Conv2D forward on wasm, the CNN's layers at batch 128 (target ≤ 1×)");
  type Shape4 = [number, number, number, number];
  const layers: [Shape4, Shape4][] = [
    [
      [128, 28, 28, 1],
      [3, 3, 1, 32],
    ],
    [
      [128, 13, 13, 32],
      [3, 3, 32, 64],
    ],
  ];
  for (const [xs, fs] of layers) {
    const [x, f] = [randomNormal(xs, { seed: 1 }), randomNormal(fs, { seed: 2 })];
    const [tx, tf4] = [tf.tensor(x.dataSync(), xs) as tf.Tensor4D, tf.tensor(f.dataSync(), fs) as tf.Tensor4D];
    const r = await bench.compare(
      `conv2d ${xs.join('x')} * ${fs.join('x')}`,
      () => conv2d(x, f).dispose(),
      () => tf.conv2d(tx, tf4, 1, 'valid').dispose(),
      {
        warmup: 2,
        iterations: 9,
      },
    );
    bench.figure(`Strata / tfjs conv2d ${fs.join('x')}`, r.ratio, { atMost: 1 });
    dispose([x, f]);
    tf.dispose([tx, tf4]);
  }
}

export default async function (bench: Bench): Promise<void> {
  if (process.env.STRATA_TRAINING_RATES_ONLY === '1') {
    const quick = process.env.STRATA_BENCH_QUICK === '1';
    const samples = quick ? 256 : 1024;
    console.log(`RATES ${JSON.stringify({ cnn: await cnnRate(samples), mlp: await mlpRate(samples * 2) })}`);
    return;
  }
  // STRATA_BENCH_QUICK=1 uses fewer samples; STRATA_TRAINING_BENCH=mlp,pytorch,conv,lstm,cnn-tfjs-cpu runs only those.
  const quick = process.env.STRATA_BENCH_QUICK === '1';
  const only = process.env.STRATA_TRAINING_BENCH?.split(',');
  const run = (part: string) => !only || only.includes(part);
  if (run('mlp')) {
    const wasmRate = await mlp(bench, 'wasm', quick ? 256 : 1024, 0.25);
    await roofline(bench, 'wasm', wasmRate);
    await mlp(bench, 'cpu', quick ? 256 : 512, 1);
  }
  if (run('pytorch')) await againstPytorch(bench, quick);
  if (run('conv')) await convForward(bench);
  // tfjs-layers' CNN on cpu trains a few samples per second: asked for by name only.
  if (only?.includes('cnn-tfjs-cpu')) await cnn(bench, quick ? CNN_BATCH : 2 * CNN_BATCH);
  if (run('lstm')) await lstm(bench, quick ? BATCH : 4 * BATCH);
}
