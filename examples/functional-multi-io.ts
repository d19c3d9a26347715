// `npx tsx examples/functional-multi-io.ts`: the functional API on a model with two inputs and two
// outputs. Support tickets arrive as a padded list of word ids and three numbers; the model predicts
// the department (3 classes) and a priority score. The graph is checked as it is written, printed
// with summary(), drawn with plotModel(), and trained with a hand-written loop around a gradient tape.
import {
  add,
  argMax,
  cast,
  concat,
  dispose,
  equal,
  expandDims,
  greater,
  logSoftmax,
  mean,
  mul,
  neg,
  oneHot,
  randomNormal,
  randomUniform,
  setBackend,
  square,
  sub,
  sum,
  tidy,
  type Tensor,
} from '@strata/tensor';
import { cpu } from '@strata/backend-cpu';
import { GradientTape } from '@strata/autodiff';
import { Dense, Embedding, GlobalAveragePooling1D } from '@strata/layers';
import { input } from '@strata/graph';
import { Functional, plotModel, type Model } from '@strata/models';

export interface Options {
  samples?: number;
  steps?: number;
  learningRate?: number;
  /** Where to write the model's drawing (.svg, .png or .dot); none by default. */
  plotTo?: string;
  log?: (line: string) => void;
}

const VOCAB = 50;
const WORDS = 8;

/** Word ids (0 = padding) whose range gives the department; priority is a linear function of the numbers. */
function makeData(samples: number): { words: Tensor; numbers: Tensor; department: Tensor; priority: Tensor } {
  return tidy(() => {
    const department = randomUniform([samples], { minval: 0, maxval: 3, dtype: 'int32', seed: 1 });
    const offset = mul(department, 16);
    const raw = randomUniform([samples, WORDS], { minval: 1, maxval: 17, dtype: 'int32', seed: 2 });
    const keep = greater(randomUniform([samples, WORDS], { seed: 3 }), 0.3);
    const words = mul(add(raw, expandDims(offset, 1)), cast(keep, 'int32'));
    const numbers = randomNormal([samples, 3], { seed: 4 });
    const priority = sum(mul(numbers, [[0.3, -0.2, 0.4]]), -1, true);
    return { words, numbers, department, priority };
  });
}

/** One step of plain gradient descent on every trainable weight; returns the loss. */
function sgdStep(model: Model, loss: () => Tensor, learningRate: number): number {
  const tape = new GradientTape();
  const value = tape.record(() => tidy(loss));
  const weights = model.trainableWeights;
  const grads = tape.gradient(value, weights);
  tidy(() => weights.forEach((w, i) => grads[i] && w.assign(sub(w, mul(grads[i]!, learningRate)))));
  dispose(grads);
  const result = value.dataSync()[0];
  value.dispose();
  return result;
}

export async function main(
  options: Options = {},
): Promise<{ firstLoss: number; lastLoss: number; accuracy: number; model: Functional }> {
  const { samples = 256, steps = 100, learningRate = 0.3, log = console.log } = options;
  await setBackend(cpu());

  // The graph: every call below is checked now, against the shapes it receives.
  const words = input({ shape: [WORDS], dtype: 'int32', name: 'words' });
  const numbers = input({ shape: [3], name: 'numbers' });
  const text = new GlobalAveragePooling1D({ name: 'average_words' }).apply(
    new Embedding({
      inputDim: VOCAB,
      outputDim: 8,
      maskZero: true,
      embeddingsInitializer: 'glorotUniform',
      name: 'embed',
    }).apply(words),
  );
  const both = concat([text, numbers], -1);
  const hidden = new Dense({ units: 16, activation: 'relu', name: 'hidden' }).apply(both);
  const department = new Dense({ units: 3, name: 'department' }).apply(hidden);
  const priority = new Dense({ units: 1, name: 'priority' }).apply(hidden);
  const model = new Functional({ inputs: [words, numbers], outputs: [department, priority], name: 'ticket_triage' });
  model.summary({ printFn: log });
  if (options.plotTo) {
    await plotModel(model, { showShapes: true, toFile: options.plotTo });
    log(`drawing written to ${options.plotTo}`);
  }

  const data = makeData(samples);
  const lossOf = () => {
    const [logits, score] = model.apply([data.words, data.numbers], { training: true }) as Tensor[];
    const crossEntropy = neg(mean(sum(mul(oneHot(data.department, 3), logSoftmax(logits)), -1)));
    return add(crossEntropy, mean(square(sub(score, data.priority))));
  };
  let firstLoss = NaN;
  let lastLoss = NaN;
  for (let step = 0; step < steps; step++) {
    lastLoss = sgdStep(model, lossOf, learningRate);
    if (step === 0) firstLoss = lastLoss;
    if (step % 20 === 0 || step === steps - 1) log(`step ${step}: loss ${lastLoss.toFixed(4)}`);
  }
  const [logits, score] = model.predict([data.words, data.numbers], { batchSize: 128 }) as Tensor[];
  const accuracy = tidy(() => mean(cast(equal(argMax(logits, -1), data.department), 'float32')).dataSync()[0]);
  log(`department accuracy ${(accuracy * 100).toFixed(1)}%`);
  dispose([logits, score, data]);
  return { firstLoss, lastLoss, accuracy, model };
}

if (process.argv[1]?.endsWith('functional-multi-io.ts')) {
  main({ plotTo: process.argv[2] }).then(({ model }) => model.dispose());
}
