// `npx tsx examples/functional-feature-extraction.ts`: transfer learning with the functional API.
// A classifier learns four kinds of signals; a feature extractor is then cut out of it at an inner
// layer (sharing its weights), frozen, and topped with a new head that learns a second task from few
// examples. Only the head trains: the base model's weights are the same afterwards. Then the extractor
// is unfrozen and the whole model fine-tuned with a small step.
import {
  add,
  argMax,
  cast,
  dispose,
  equal,
  gather,
  logSoftmax,
  mean,
  mod,
  mul,
  neg,
  oneHot,
  randomNormal,
  randomUniform,
  setBackend,
  setRandomSeed,
  sub,
  sum,
  tidy,
  type Tensor,
} from '@strata/tensor';
import { cpu } from '@strata/backend-cpu';
import { GradientTape } from '@strata/autodiff';
import { Dense } from '@strata/layers';
import { input } from '@strata/graph';
import { Functional, Sequential, type Model } from '@strata/models';

export interface Options {
  samples?: number;
  steps?: number;
  /** Seeds every unseeded random source (weights, data): the same run every time. */
  seed?: number;
  log?: (line: string) => void;
}

/** Noisy copies of four random 16-d prototypes; `kind` says which. */
function signals(samples: number, seed: number): { x: Tensor; kind: Tensor } {
  return tidy(() => {
    const prototypes = mul(randomNormal([4, 16], { seed: 100 }), 2);
    const kind = randomUniform([samples], { minval: 0, maxval: 4, dtype: 'int32', seed });
    const x = add(gather(prototypes, kind), randomNormal([samples, 16], { seed: seed + 1 }));
    return { x, kind };
  });
}

function crossEntropy(logits: Tensor, labels: Tensor, classes: number): Tensor {
  return neg(mean(sum(mul(oneHot(labels, classes), logSoftmax(logits)), -1)));
}

function accuracy(model: Model, x: Tensor, labels: Tensor): number {
  const logits = model.predict(x) as Tensor;
  const result = tidy(() => mean(cast(equal(argMax(logits, -1), labels), 'float32')).dataSync()[0]);
  logits.dispose();
  return result;
}

/** The values of the 'embedding' layer's weights. */
function snapshot(model: Model): Float32Array[] {
  const weights = model.getLayer('embedding').getWeights();
  const values = weights.map((w) => w.dataSync() as Float32Array);
  dispose(weights);
  return values;
}

/** Plain gradient descent on the model's trainable weights (a frozen layer has none). */
function train(
  model: Model,
  x: Tensor,
  labels: Tensor,
  classes: number,
  steps: number,
  log: (s: string) => void,
  learningRate = 0.2,
): void {
  for (let step = 0; step < steps; step++) {
    const tape = new GradientTape();
    const loss = tape.record(() =>
      tidy(() => crossEntropy(model.apply(x, { training: true }) as Tensor, labels, classes)),
    );
    const weights = model.trainableWeights;
    const grads = tape.gradient(loss, weights);
    tidy(() => weights.forEach((w, i) => grads[i] && w.assign(sub(w, mul(grads[i]!, learningRate)))));
    if (step === steps - 1) log(`  ${model.name}: loss ${loss.dataSync()[0].toFixed(4)} after ${steps} steps`);
    dispose([loss, grads]);
  }
}

export async function main(options: Options = {}) {
  const { samples = 256, steps = 60, seed = 1, log = console.log } = options;
  await setBackend(cpu());
  setRandomSeed(seed);

  // 1. A base model for the first task: which of the four kinds is this signal?
  const base = new Sequential(
    [
      input({ shape: [16] }),
      new Dense({ units: 32, activation: 'relu', name: 'hidden' }),
      new Dense({ units: 16, activation: 'relu', name: 'embedding' }),
      new Dense({ units: 4, name: 'kind' }),
    ],
    { name: 'signal_classifier' },
  );
  const taskA = signals(samples, 1);
  train(base, taskA.x, taskA.kind, 4, steps, log);
  const baseAccuracy = accuracy(base, taskA.x, taskA.kind);
  log(`base model accuracy on its task: ${(baseAccuracy * 100).toFixed(1)}%`);

  // 2. Cut a feature extractor out of it, at the 'embedding' layer: same layers, same weights.
  const extractor = new Functional({ inputs: base.inputs, outputs: base.outputOf('embedding'), name: 'extractor' });
  extractor.trainable = false;
  const frozen = snapshot(extractor);

  // 3. A new model for a new task (is the kind odd?) from few examples: the frozen extractor, a new head.
  const x = input({ shape: [16], name: 'signal' });
  const transfer = new Functional({
    inputs: x,
    outputs: new Dense({ units: 2, name: 'is_odd' }).apply(extractor.apply(x)),
    name: 'transfer',
  });
  transfer.summary({ printFn: log });
  const taskB = signals(Math.max(16, samples >> 3), 7);
  const parity = tidy(() => mod(taskB.kind, 2));
  train(transfer, taskB.x, parity, 2, steps, log);
  const transferAccuracy = accuracy(transfer, taskB.x, parity);
  log(`transfer model accuracy on the new task: ${(transferAccuracy * 100).toFixed(1)}%`);

  const after = snapshot(extractor);
  const unchanged = frozen.every((w, i) => w.every((v, k) => v === after[i][k]));
  log(`the base model's weights are ${unchanged ? 'unchanged' : 'CHANGED'}`);

  // 4. Fine-tuning: unfreeze the extractor and train everything a little, with a small step. The
  // extractor's layers are the base model's, so the base model's weights move too.
  extractor.trainable = true;
  train(transfer, taskB.x, parity, 2, Math.max(1, steps >> 2), log, 0.02);
  const tuned = snapshot(base);
  const fineTuned = tuned.some((w, i) => w.some((v, k) => v !== after[i][k]));
  const tunedAccuracy = accuracy(transfer, taskB.x, parity);
  log(
    `after fine-tuning: accuracy ${(tunedAccuracy * 100).toFixed(1)}%, the base model's weights ${fineTuned ? 'moved' : 'did not move'}`,
  );

  dispose([taskA, taskB, parity]);
  transfer.dispose(); // frees the new head; the extractor's layers are still the base model's
  base.dispose();
  return { baseAccuracy, transferAccuracy, unchanged, fineTuned, tunedAccuracy };
}

if (process.argv[1]?.endsWith('functional-feature-extraction.ts')) main();
