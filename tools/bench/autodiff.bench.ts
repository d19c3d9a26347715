// The gradient of an MLP loss: Strata's GradientTape against TensorFlow.js's tf.variableGrads, on
// the same shapes, the same values and the same backend instance.
//
// Targets: on wasm Strata at least 3× faster (ratio ≤ 0.33): tfjs's backward pass runs matmuls with
// transposeA/transposeB, which tfjs-wasm executes 10-30× slower than plain ones, while Strata's
// matmul transposes explicitly. On cpu, no slower than tfjs (ratio ≤ 1).
import { createRequire } from 'node:module';
import * as tf from '@tensorflow/tfjs-core';
import {
  add,
  dispose,
  logSoftmax,
  matmul,
  mean,
  mul,
  neg,
  randomNormal,
  relu,
  setBackend,
  sum,
  tensor,
  tidy,
  variable,
  type Tensor,
  type Variable,
} from '@strata/tensor';
import { cpu } from '@strata/backend-cpu';
import { wasm } from '@strata/backend-wasm';
import { GradientTape } from '@strata/autodiff';
import type { Bench } from './harness';

// tfjs-core's node bundle registers no gradients (the tfjs union package does): load tfjs's own.
createRequire(import.meta.url)('@tensorflow/tfjs-core/dist/register_all_gradients');

const LAYERS = [784, 512, 256, 10];
const BATCH = 128;

interface Model<T> {
  params: T[];
  x: T;
  labels: T;
}

/** He-initialised weights, zero biases, a random batch and one-hot labels, as Strata and tfjs tensors holding the same values. */
function models(): { strata: Model<Variable | Tensor>; peer: Model<tf.Tensor> } {
  const strata: Model<Variable | Tensor> = {
    params: [],
    x: randomNormal([BATCH, LAYERS[0]], { seed: 1 }),
    labels: tensor([]),
  };
  const peer: Model<tf.Tensor> = {
    params: [],
    x: tf.tensor(strata.x.dataSync(), [BATCH, LAYERS[0]]),
    labels: tf.tensor([]),
  };
  for (let i = 0; i + 1 < LAYERS.length; i++) {
    const w = tidy(() => mul(randomNormal([LAYERS[i], LAYERS[i + 1]], { seed: 10 + i }), Math.sqrt(2 / LAYERS[i])));
    const b = tensor(new Float32Array(LAYERS[i + 1]));
    for (const t of [w, b]) {
      strata.params.push(variable(t));
      peer.params.push(tf.variable(tf.tensor(t.dataSync(), [...t.shape])));
      t.dispose();
    }
  }
  const oneHot = new Float32Array(BATCH * 10);
  for (let r = 0; r < BATCH; r++) oneHot[r * 10 + ((r * 7) % 10)] = 1;
  strata.labels.dispose();
  strata.labels = tensor(oneHot, [BATCH, 10]);
  peer.labels.dispose();
  peer.labels = tf.tensor(oneHot, [BATCH, 10]);
  return { strata, peer };
}

/** Softmax cross-entropy of a ReLU MLP. */
function strataLoss({ params, x, labels }: Model<Variable | Tensor>): Tensor {
  let h: Tensor = x;
  for (let i = 0; i < params.length; i += 2) {
    const z = add(matmul(h, params[i]), params[i + 1]);
    h = i + 2 < params.length ? relu(z) : z;
  }
  return neg(mean(sum(mul(labels, logSoftmax(h)), 1)));
}

function peerLoss({ params, x, labels }: Model<tf.Tensor>): tf.Scalar {
  let h = x;
  for (let i = 0; i < params.length; i += 2) {
    const z = tf.add(tf.matMul(h, params[i]), params[i + 1]);
    h = i + 2 < params.length ? tf.relu(z) : z;
  }
  return tf.neg(tf.mean(tf.sum(tf.mul(labels, tf.logSoftmax(h)), 1))) as tf.Scalar;
}

async function onBackend(bench: Bench, name: 'wasm' | 'cpu', target: number): Promise<void> {
  await setBackend(name === 'wasm' ? wasm() : cpu());
  await tf.setBackend(name);
  const { strata, peer } = models();
  const strataGradients = () => {
    const tape = new GradientTape();
    const loss = tape.record(() => tidy(() => strataLoss(strata)));
    dispose([loss, tape.gradient(loss, strata.params)]);
  };
  const peerGradients = () => {
    const { value, grads } = tf.variableGrads(() => peerLoss(peer), peer.params as tf.Variable[]);
    tf.dispose([value, grads]);
  };
  bench.section(`gradient of a ${LAYERS.join('-')} ReLU MLP loss, batch ${BATCH}, on ${name}`);
  const r = await bench.compare('tape.gradient vs tf.variableGrads', strataGradients, peerGradients, {
    warmup: 3,
    iterations: name === 'wasm' ? 15 : 11,
  });
  bench.figure(`Strata / tfjs on ${name}`, r.ratio, { atMost: target });
  bench.figure(`tfjs / Strata on ${name} (speed-up)`, 1 / r.ratio);
  dispose([strata.params, strata.x, strata.labels]);
  tf.dispose([peer.params, peer.x, peer.labels]);
}

export default async function (bench: Bench): Promise<void> {
  await onBackend(bench, 'wasm', 0.333); // at least 3× faster
  await onBackend(bench, 'cpu', 1);
}
