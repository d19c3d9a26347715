// Inference (forward) time of three layer stacks, Strata's layers against tfjs-layers' given the
// same weights and the same input, in one process on the same backend instance (cpu, then wasm).
// Each side runs its layers in sequence on a concrete batch, in inference mode, and frees what it
// made: the work a predict() does for one batch, without either library's model plumbing.
//
//   Dense  784-512-256-10 relu (softmax-free logits), batch 128
//   CNN    conv 32 3×3 relu, maxpool, conv 64 3×3 relu, maxpool, flatten, dense 128 relu, dense 10; batch 64
//   LSTM   embedding 1000×64, LSTM 64, dense 1; batch 32, length 50
//
// Target (ratio = Strata time / tfjs-layers time): Strata no slower on any line, ratio ≤ 1.
// STRATA_LAYERS_BENCH=dense,cnn,lstm runs only those stacks; STRATA_BENCH_QUICK=1 takes fewer samples.
import { createRequire } from 'node:module';
import * as tf from '@tensorflow/tfjs-core';
import { cast, dispose, floor, randomNormal, randomUniform, setBackend, tidy, type Tensor } from '@strata/tensor';
import { cpu } from '@strata/backend-cpu';
import { wasm } from '@strata/backend-wasm';
import { Dense, Embedding, LSTM, type Layer } from '@strata/layers';
import { CNN, MLP } from './architectures';
import type { Bench } from './harness';

// tfjs-layers is a devDependency of @strata/layers (its tests' oracle); resolve it from there. It
// shares this process's tfjs-core (one file on disk), so both libraries use one backend instance.
// (Typed here by the little this file uses: tools does not depend on tfjs-layers itself.)
interface PeerLayer {
  apply(x: tf.Tensor, kwargs?: Record<string, unknown>): tf.Tensor;
  getWeights(): tf.Tensor[];
  setWeights(weights: tf.Tensor[]): void;
  dispose(): unknown;
}
type PeerFactory = (args?: Record<string, unknown>) => PeerLayer;
interface TfjsLayers {
  layers: Record<'dense' | 'conv2d' | 'maxPooling2d' | 'flatten' | 'embedding' | 'lstm', PeerFactory>;
}
const tfl = createRequire(new URL('../../packages/layers/package.json', import.meta.url))(
  '@tensorflow/tfjs-layers',
) as TfjsLayers;

type Backend = 'cpu' | 'wasm';
const BACKENDS = { cpu, wasm };

interface Stack {
  key: string;
  label: string;
  input: number[];
  /** Integer token ids below this vocabulary size, instead of normal floats. */
  vocab?: number;
  strata: () => Layer[];
  peer: () => PeerLayer[];
  /** Timed samples per side: tfjs's cpu convolutions are slow, so fewer there. */
  iterations: number;
}

const STACKS: Stack[] = [
  {
    key: 'dense',
    label: 'Dense 784-512-256-10 relu, batch 128',
    input: [128, ...MLP.inputShape],
    strata: () => MLP.strata('linear'),
    peer: () => MLP.peer(tfl.layers, 'linear'),
    iterations: 31,
  },
  {
    key: 'cnn',
    label: `${CNN.label}, batch 64`,
    input: [64, ...CNN.inputShape],
    strata: () => CNN.strata('linear'),
    peer: () => CNN.peer(tfl.layers, 'linear'),
    iterations: 11,
  },
  {
    key: 'lstm',
    label: 'Embedding 1000×64, LSTM 64, Dense 1; batch 32, length 50',
    input: [32, 50],
    vocab: 1000,
    strata: () => [new Embedding({ inputDim: 1000, outputDim: 64 }), new LSTM({ units: 64 }), new Dense({ units: 1 })],
    peer: () => [
      tfl.layers.embedding({ inputDim: 1000, outputDim: 64 }),
      // tfjs-layers' Orthogonal initializer needs tfjs's chained ops, which tfjs-core alone does
      // not register; the weights are copied from Strata's layers anyway. Its recurrent activation
      // defaults to Keras 2's hard sigmoid: Keras 3 (and Strata) use the sigmoid.
      tfl.layers.lstm({ units: 64, recurrentInitializer: 'glorotUniform', recurrentActivation: 'sigmoid' }),
      tfl.layers.dense({ units: 1 }),
    ],
    iterations: 15,
  },
];

function forwardStrata(layers: readonly Layer[], x: Tensor): Tensor {
  return tidy(() => layers.reduce((h, layer) => layer.apply(h, { training: false }) as Tensor, x));
}

function forwardPeer(layers: readonly PeerLayer[], x: tf.Tensor): tf.Tensor {
  return tf.tidy(() => layers.reduce((h, layer) => layer.apply(h, { training: false }), x));
}

/** The largest |a - b| over two results: the two sides must compute the same thing to compare times. */
function maxDifference(a: Tensor, b: tf.Tensor): number {
  const [x, y] = [a.dataSync(), b.dataSync()];
  let m = 0;
  for (let i = 0; i < x.length; i++) m = Math.max(m, Math.abs(x[i] - y[i]));
  return x.length === y.length ? m : Infinity;
}

async function compareStack(bench: Bench, stack: Stack, backend: Backend, quick: boolean): Promise<void> {
  await setBackend(BACKENDS[backend]());
  await tf.setBackend(backend);
  const x = stack.vocab
    ? tidy(() => cast(floor(randomUniform(stack.input, { minval: 0, maxval: stack.vocab!, seed: 1 })), 'int32'))
    : randomNormal(stack.input, { seed: 1 });
  const px = tf.tensor(x.dataSync(), [...stack.input], x.dtype);
  const strata = stack.strata();
  const peer = stack.peer();
  // Build both (first call), then give tfjs Strata's initial weights, in Keras's order on both sides.
  dispose(forwardStrata(strata, x));
  tf.dispose(forwardPeer(peer, px));
  peer.forEach((p, i) => {
    const weights = strata[i].getWeights();
    const copies = weights.map((w) => tf.tensor(w.dataSync(), [...w.shape]));
    p.setWeights(copies);
    dispose(weights);
    tf.dispose(copies);
  });
  const [y, py] = [forwardStrata(strata, x), forwardPeer(peer, px)];
  const diff = maxDifference(y, py);
  dispose(y);
  tf.dispose(py);
  const r = await bench.compare(
    `${stack.key} forward on ${backend}`,
    () => forwardStrata(strata, x).dispose(),
    () => forwardPeer(peer, px).dispose(),
    { warmup: 2, iterations: quick ? Math.max(3, stack.iterations >> 2) : stack.iterations },
  );
  const samples = stack.input[0];
  console.log(
    `    Strata ${Math.round((samples / r.strataMs) * 1000)} samples/s, tfjs-layers ${Math.round((samples / r.peerMs) * 1000)} samples/s; ` +
      `outputs agree to ${diff.toExponential(1)}`,
  );
  bench.figure(`Strata / tfjs-layers, ${stack.key} on ${backend}`, r.ratio, { atMost: 1 });
  dispose(x);
  tf.dispose(px);
  for (const layer of strata) layer.dispose();
  for (const layer of peer) layer.dispose();
}

export default async function (bench: Bench): Promise<void> {
  const quick = process.env.STRATA_BENCH_QUICK === '1';
  const only = process.env.STRATA_LAYERS_BENCH?.split(',');
  for (const stack of STACKS) {
    if (only && !only.includes(stack.key)) continue;
    bench.section(`${stack.label}: forward in inference mode, same weights`);
    for (const backend of ['cpu', 'wasm'] as const) await compareStack(bench, stack, backend, quick);
  }
}
