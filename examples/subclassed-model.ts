// `npx tsx examples/subclassed-model.ts`: the imperative API. A model is a class whose call() is plain
// code — here a loop over residual blocks and a dropout that only acts while training. Strata traces
// call() once with symbolic inputs, so the summary still shows real shapes and connections; and the
// model is a layer like any other: it is then used inside a functional model.
import {
  add,
  argMax,
  cast,
  dispose,
  equal,
  greater,
  logSoftmax,
  mean,
  mul,
  neg,
  oneHot,
  prod,
  randomUniform,
  setBackend,
  softmax,
  sub,
  sum,
  tidy,
  type Tensor,
} from '@strata/tensor';
import { cpu } from '@strata/backend-cpu';
import { GradientTape } from '@strata/autodiff';
import { Dense, Dropout, type CallOptions, type LayerArgs } from '@strata/layers';
import { input } from '@strata/graph';
import { Functional, Model } from '@strata/models';

export interface ResidualMlpArgs extends LayerArgs {
  width: number;
  depth: number;
  classes: number;
}

/** An MLP whose blocks each add their output to their input: `depth` is just a loop bound. */
export class ResidualMlp extends Model {
  readonly project: Dense;
  readonly blocks: Dense[];
  readonly dropout = new Dropout({ rate: 0.1 });
  readonly classify: Dense;

  constructor({ width, depth, classes, ...args }: ResidualMlpArgs) {
    super(args);
    this.project = new Dense({ units: width, name: 'project' });
    this.blocks = Array.from(
      { length: depth },
      (_, i) => new Dense({ units: width, activation: 'relu', name: `block_${i}` }),
    );
    this.classify = new Dense({ units: classes, name: 'classify' });
  }

  override call(x: Tensor, { training }: CallOptions = {}): Tensor {
    let h = this.project.apply(x);
    for (const block of this.blocks) h = add(h, this.dropout.apply(block.apply(h), { training }));
    return this.classify.apply(h);
  }
}

export interface Options {
  samples?: number;
  steps?: number;
  log?: (line: string) => void;
}

export async function main(options: Options = {}) {
  const { samples = 256, steps = 80, log = console.log } = options;
  await setBackend(cpu());

  // Points in the square [-1, 1]²; the class is whether x·y > 0 (not linearly separable).
  const x = randomUniform([samples, 2], { minval: -1, maxval: 1, seed: 3 });
  const labels = tidy(() => cast(greater(prod(x, -1), 0), 'int32'));

  const model = new ResidualMlp({ width: 16, depth: 3, classes: 2, name: 'residual_mlp' });
  model.build([null, 2]); // traces call(): builds the layers, and gives the summary its graph
  model.summary({ printFn: log });

  // A hand-written training loop: the model trains in training mode (dropout on).
  let firstLoss = NaN;
  let lastLoss = NaN;
  for (let step = 0; step < steps; step++) {
    const tape = new GradientTape();
    const loss = tape.record(() =>
      tidy(() => {
        const logits = model.apply(x, { training: true });
        return neg(mean(sum(mul(oneHot(labels, 2), logSoftmax(logits)), -1)));
      }),
    );
    const grads = tape.gradient(loss, model.trainableWeights);
    tidy(() => model.trainableWeights.forEach((w, i) => grads[i] && w.assign(sub(w, mul(grads[i]!, 0.1)))));
    lastLoss = loss.dataSync()[0];
    if (step === 0) firstLoss = lastLoss;
    if (step % 20 === 0 || step === steps - 1) log(`step ${step}: loss ${lastLoss.toFixed(4)}`);
    dispose([loss, grads]);
  }

  // The subclassed model as a layer of a functional model that adds softmax probabilities.
  const point = input({ shape: [2], name: 'point' });
  const probabilities = softmax(model.apply(point));
  const classifier = new Functional({ inputs: point, outputs: probabilities, name: 'classifier' });
  classifier.summary({ printFn: log });
  const p = classifier.predict(x) as Tensor;
  const accuracy = tidy(() => mean(cast(equal(argMax(p, -1), labels), 'float32')).dataSync()[0]);
  log(`accuracy ${(accuracy * 100).toFixed(1)}%`);

  dispose([x, labels, p]);
  classifier.dispose(); // the classifier holds the subclassed model: both are freed
  return { firstLoss, lastLoss, accuracy };
}

if (process.argv[1]?.endsWith('subclassed-model.ts')) main();
