// `npx tsx examples/wgan-gp.ts`: a GAN trained by fit(). The model is a subclass of Model whose
// trainStep is the GAN's step (Keras's "customizing what happens in fit()" WGAN-GP example): a few
// critic updates, each with the Wasserstein loss plus a gradient penalty that needs the gradient of
// the critic with respect to its input (a tape inside a tape), then one generator update. fit()
// brings the batching, shuffling, callbacks and History; the step brings the two optimizers.
import {
  add,
  dispose,
  mean,
  memory,
  mul,
  neg,
  randomNormal,
  randomUniform,
  setBackend,
  sqrt,
  square,
  sub,
  sum,
  tensor,
  tidy,
  type Tensor,
} from '@strata/tensor';
import { cpu } from '@strata/backend-cpu';
import { GradientTape } from '@strata/autodiff';
import { Dense, type Layer } from '@strata/layers';
import { input } from '@strata/graph';
import { Model, Sequential } from '@strata/models';
import { Adam, type Optimizer, type StepData } from '@strata/training';

export interface Options {
  samples?: number;
  epochs?: number;
  log?: (line: string) => void;
}

const LATENT = 4;
/** The data: 2-D points around (2, -1), the distribution the generator must learn to draw from. */
const TARGET = [2, -1];

/**
 * The gradient penalty of WGAN-GP (Gulrajani et al., 2017): at random points between real and fake
 * samples, how far the norm of the critic's gradient (with respect to its input) is from 1.
 * Recorded by any tape around it, so its gradient with respect to the critic's weights follows.
 */
export function gradientPenalty(critic: Layer, real: Tensor, fake: Tensor, alpha: Tensor): Tensor {
  const between = add(real, mul(alpha, sub(fake, real)));
  const tape = new GradientTape();
  tape.watch(between);
  const score = tape.record(() => sum(critic.apply(between, { training: true }) as Tensor));
  const [grad] = tape.gradient(score, [between]);
  tape.dispose();
  const norm = sqrt(sum(square(grad as Tensor), -1));
  return mean(square(sub(norm, 1)));
}

export class WassersteinGan extends Model {
  criticOptimizer: Optimizer | null = null;
  #draws = 0;

  constructor(
    readonly generator: Model,
    readonly critic: Model,
    readonly settings: { criticSteps: number; penaltyWeight: number; seed: number },
  ) {
    super({ name: 'wgan_gp' });
  }

  /** The generator's optimizer is the Trainer's own; the critic's is held beside it. */
  compileGan(optimizers: { generator: Optimizer; critic: Optimizer }): void {
    this.compile({ optimizer: optimizers.generator });
    this.criticOptimizer = optimizers.critic;
  }

  override call(z: Tensor): Tensor {
    return this.generator.apply(z);
  }

  #noise(shape: number[]): Tensor {
    return randomNormal(shape, { seed: `${this.settings.seed}:${this.#draws++}` });
  }

  override trainStep([x]: StepData): Record<string, Tensor> {
    const real = x as Tensor;
    const n = real.shape[0];
    const { critic, generator } = this;
    let criticLoss: Tensor | null = null;
    let penalty: Tensor | null = null;
    for (let i = 0; i < this.settings.criticSteps; i++) {
      const z = this.#noise([n, LATENT]);
      const alpha = randomUniform([n, 1], { seed: `${this.settings.seed}:${this.#draws++}` });
      const tape = new GradientTape();
      const losses = tape.record(() => {
        const fake = generator.apply(z, { training: true }) as Tensor;
        const wasserstein = sub(
          mean(critic.apply(fake, { training: true }) as Tensor),
          mean(critic.apply(real, { training: true }) as Tensor),
        );
        const gp = gradientPenalty(critic, real, fake, alpha);
        return { total: add(wasserstein, mul(gp, this.settings.penaltyWeight)), gp };
      });
      const weights = critic.trainableWeights;
      const grads = tape.gradient(losses.total, weights);
      tape.dispose();
      (this.criticOptimizer as Optimizer).applyGradients(weights.map((w, k) => [grads[k], w] as const));
      [criticLoss, penalty] = [losses.total, losses.gp];
    }
    const z = this.#noise([n, LATENT]);
    const tape = new GradientTape();
    const generatorLoss = tape.record(() =>
      neg(mean(critic.apply(generator.apply(z, { training: true }) as Tensor, { training: true }) as Tensor)),
    );
    const weights = generator.trainableWeights;
    const grads = tape.gradient(generatorLoss, weights);
    tape.dispose();
    (this.optimizer as Optimizer).applyGradients(weights.map((w, k) => [grads[k], w] as const));
    return { critic_loss: criticLoss as Tensor, gradient_penalty: penalty as Tensor, generator_loss: generatorLoss };
  }

  override dispose(): void {
    this.criticOptimizer?.dispose();
    super.dispose();
  }
}

function mlp(inputDim: number, outputDim: number, name: string, seed: number): Sequential {
  const init = (s: number) => ({ className: 'GlorotUniform', config: { seed: s } });
  return new Sequential(
    [
      input({ shape: [inputDim] }),
      new Dense({ units: 32, activation: 'tanh', kernelInitializer: init(seed) }),
      new Dense({ units: outputDim, kernelInitializer: init(seed + 1) }),
    ],
    { name },
  );
}

/** The distance from the mean of `samples` generated points to the target's mean. */
function meanGap(gan: WassersteinGan, samples: number, seed: number): number {
  return tidy(() => {
    const points = gan.predict(randomNormal([samples, LATENT], { seed })) as Tensor;
    const gap = sqrt(sum(square(sub(mean(points, 0), tensor(TARGET)))));
    return gap.dataSync()[0];
  });
}

export async function main(options: Options = {}) {
  const { samples = 512, epochs = 10, log = console.log } = options;
  await setBackend(cpu());
  const real = tidy(() => add(mul(randomNormal([samples, 2], { seed: 1 }), 0.3), tensor(TARGET)));
  const gan = new WassersteinGan(mlp(LATENT, 2, 'generator', 10), mlp(2, 1, 'critic', 20), {
    criticSteps: 3,
    penaltyWeight: 10,
    seed: 5,
  });
  gan.compileGan({
    generator: new Adam({ learningRate: 1e-2, beta1: 0.5, beta2: 0.9 }),
    critic: new Adam({ learningRate: 1e-2, beta1: 0.5, beta2: 0.9 }),
  });
  const gapBefore = meanGap(gan, 256, 99);
  const history = await gan.fit(real, undefined, { epochs, batchSize: 64, verbose: 0, seed: 2 });
  for (const [i, loss] of (history.history.critic_loss ?? []).entries()) {
    log(
      `epoch ${i + 1}: critic ${loss.toFixed(4)}, penalty ${history.history.gradient_penalty![i].toFixed(4)}, generator ${history.history.generator_loss![i].toFixed(4)}`,
    );
  }
  const gapAfter = meanGap(gan, 256, 99);
  log(`distance from the generated mean to the data's: ${gapBefore.toFixed(3)} before, ${gapAfter.toFixed(3)} after`);
  dispose(real);
  gan.dispose();
  return { gapBefore, gapAfter, history };
}

if (typeof process !== 'undefined' && /wgan-gp\.ts$/.test(process.argv[1] ?? '')) {
  main().then(
    () => {
      if (memory().numTensors > 0) console.log(`${memory().numTensors} tensors still live`);
      process.exit(0);
    },
    (e) => {
      console.error(e);
      process.exit(1);
    },
  );
}
