// `npx tsx examples/gan.ts`: a tiny Pix2Pix (Isola et al.), the article's example of a custom training
// loop: a U-Net generator learns to fill in the outline of a rectangle (16×16 images), judged by a
// PatchGAN discriminator that sees (input, image) pairs. One loop, two models, two optimizers, two
// gradient tapes recording the same forward pass, a custom loss (GAN + λ·L1) and gradient clipping.
import {
  abs,
  add,
  dispose,
  greater,
  logicalAnd,
  mean,
  memory,
  mul,
  setBackend,
  sub,
  tensor,
  tidy,
  type Tensor,
  cast,
} from '@strata/tensor';
import { cpu } from '@strata/backend-cpu';
import { GradientTape } from '@strata/autodiff';
import { Concatenate, Conv2D, Conv2DTranspose, LeakyReLU } from '@strata/layers';
import { input } from '@strata/graph';
import { Functional } from '@strata/models';
import { Adam, binaryCrossentropy, clipByGlobalNorm } from '@strata/training';

export interface Options {
  steps?: number;
  batchSize?: number;
  /** Weight of the L1 term in the generator's loss (Pix2Pix uses 100). */
  lambda?: number;
  log?: (line: string) => void;
}

const SIZE = 16;

/** Pairs (outline, filled rectangle) at random places and sizes, in [-1, 1] as the generator's tanh. */
export function rectangles(n: number, seed: number): [Tensor, Tensor] {
  let s = seed;
  const rand = (k: number) => ((s = (s * 1103515245 + 12345) % 2147483648), s % k);
  const outline = new Float32Array(n * SIZE * SIZE).fill(-1);
  const filled = new Float32Array(n * SIZE * SIZE).fill(-1);
  for (let i = 0; i < n; i++) {
    const [r0, c0] = [rand(8), rand(8)];
    const [r1, c1] = [r0 + 4 + rand(SIZE - r0 - 4), c0 + 4 + rand(SIZE - c0 - 4)];
    for (let r = r0; r <= r1; r++) {
      for (let c = c0; c <= c1; c++) {
        const at = i * SIZE * SIZE + r * SIZE + c;
        filled[at] = 1;
        if (r === r0 || r === r1 || c === c0 || c === c1) outline[at] = 1;
      }
    }
  }
  return [tensor(outline, [n, SIZE, SIZE, 1]), tensor(filled, [n, SIZE, SIZE, 1])];
}

/** A two-level U-Net: downsample twice, upsample twice, with a skip connection across. */
function generator(): Functional {
  const x = input({ shape: [SIZE, SIZE, 1], name: 'outline' });
  const d1 = new LeakyReLU({ negativeSlope: 0.2 }).apply(
    new Conv2D({ filters: 16, kernelSize: 4, strides: 2, padding: 'same' }).apply(x),
  );
  const d2 = new LeakyReLU({ negativeSlope: 0.2 }).apply(
    new Conv2D({ filters: 32, kernelSize: 4, strides: 2, padding: 'same' }).apply(d1),
  );
  const u1 = new Conv2DTranspose({ filters: 16, kernelSize: 4, strides: 2, padding: 'same', activation: 'relu' }).apply(
    d2,
  );
  const skip = new Concatenate().apply([u1, d1]);
  const out = new Conv2DTranspose({ filters: 1, kernelSize: 4, strides: 2, padding: 'same', activation: 'tanh' }).apply(
    skip,
  );
  return new Functional({ inputs: x, outputs: out, name: 'generator' });
}

/** A PatchGAN: one real/fake logit per 8×8 patch position, from the (input, image) pair. */
function discriminator(): Functional {
  const x = input({ shape: [SIZE, SIZE, 1], name: 'input_image' });
  const y = input({ shape: [SIZE, SIZE, 1], name: 'target_image' });
  const pair = new Concatenate().apply([x, y]);
  const h = new LeakyReLU({ negativeSlope: 0.2 }).apply(
    new Conv2D({ filters: 16, kernelSize: 4, strides: 2, padding: 'same' }).apply(pair),
  );
  const patches = new Conv2D({ filters: 1, kernelSize: 4, padding: 'same' }).apply(h);
  return new Functional({ inputs: [x, y], outputs: patches, name: 'discriminator' });
}

const ones = (t: Tensor) => add(mul(t, 0), 1);
const zeros = (t: Tensor) => mul(t, 0);

/** Fraction of pixels whose sign (inside / outside the rectangle) the generator gets right. */
function pixelAccuracy(generated: Tensor, target: Tensor): number {
  return tidy(
    () =>
      mean(cast(logicalAnd(greater(mul(generated, target), 0), greater(abs(generated), 0)), 'float32')).dataSync()[0],
  );
}

export async function main(options: Options = {}): Promise<{ firstL1: number; lastL1: number; accuracy: number }> {
  const log = options.log ?? ((line: string) => console.log(line));
  const steps = options.steps ?? 300;
  const batchSize = options.batchSize ?? 16;
  const lambda = options.lambda ?? 100;
  const gen = generator();
  const disc = discriminator();
  gen.summary({ printFn: log });
  // Pix2Pix's optimizers: Adam with β1 = 0.5, one per network.
  const genOptimizer = new Adam({ learningRate: 2e-3, beta1: 0.5 });
  const discOptimizer = new Adam({ learningRate: 2e-4, beta1: 0.5 });

  let firstL1 = NaN;
  let lastL1 = NaN;
  for (let step = 0; step < steps; step++) {
    const [source, target] = rectangles(batchSize, step + 1);
    const l1 = tidy(() => {
      const genTape = new GradientTape();
      const discTape = new GradientTape();
      // Both tapes record the one forward pass; each differentiates its own loss.
      const { genLoss, discLoss, l1Loss } = genTape.record(() =>
        discTape.record(() => {
          const generated = gen.apply(source, { training: true }) as Tensor;
          const realLogits = disc.apply([source, target], { training: true }) as Tensor;
          const fakeLogits = disc.apply([source, generated], { training: true }) as Tensor;
          const ganLoss = mean(binaryCrossentropy(ones(fakeLogits), fakeLogits, { fromLogits: true }));
          const l1Loss = mean(abs(sub(target, generated)));
          const discLoss = add(
            mean(binaryCrossentropy(ones(realLogits), realLogits, { fromLogits: true })),
            mean(binaryCrossentropy(zeros(fakeLogits), fakeLogits, { fromLogits: true })),
          );
          return { genLoss: add(ganLoss, mul(l1Loss, lambda)), discLoss, l1Loss };
        }),
      );
      const genWeights = gen.trainableWeights;
      const discWeights = disc.trainableWeights;
      // Custom clipping: the generator's gradients together to a global norm of 5.
      const genGrads = clipByGlobalNorm(genTape.gradient(genLoss, genWeights) as Tensor[], 5);
      const discGrads = discTape.gradient(discLoss, discWeights);
      genOptimizer.applyGradients(genWeights.map((w, i) => [genGrads[i], w] as const));
      discOptimizer.applyGradients(discWeights.map((w, i) => [discGrads[i], w] as const));
      return l1Loss.dataSync()[0];
    });
    dispose([source, target]);
    if (step === 0) firstL1 = l1;
    lastL1 = l1;
    if (step % Math.max(1, Math.floor(steps / 10)) === 0 || step === steps - 1)
      log(`step ${String(step).padStart(4)}: L1 ${l1.toFixed(4)}`);
  }

  const [source, target] = rectangles(64, 999_999);
  const generated = gen.apply(source) as Tensor;
  const accuracy = pixelAccuracy(generated, target);
  log(`held-out rectangles: ${(accuracy * 100).toFixed(1)}% of pixels filled in correctly`);
  dispose([source, target, generated]);
  genOptimizer.dispose();
  discOptimizer.dispose();
  gen.dispose();
  disc.dispose();
  return { firstL1, lastL1, accuracy };
}

if (typeof process !== 'undefined' && /gan\.ts$/.test(process.argv[1] ?? '')) {
  setBackend(cpu())
    .then(() => main())
    .then(
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
