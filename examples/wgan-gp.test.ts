// The WGAN-GP example: a Model subclass whose trainStep (two optimizers, a tape inside a tape) is
// what fit() runs. The penalty is checked against its closed form for a linear critic.
import { memory, randomNormal, setBackend, tensor, tidy, type Tensor } from '@strata/tensor';
import { cpu } from '@strata/backend-cpu';
import { GradientTape } from '@strata/autodiff';
import { Dense } from '@strata/layers';
import { gradientPenalty, main } from './wgan-gp';

beforeAll(async () => {
  await setBackend(cpu());
});

test('the gradient penalty of a linear critic is (|w| - 1)², and its gradient 2(|w| - 1)·w/|w|', () => {
  // f(x) = w·x + b has ∇ₓf = w wherever x is: |w| = 5 gives a penalty of 16 at every point, and
  // d/dw (|w| - 1)² = 2·4·(3, 4)/5 = (4.8, 6.4).
  const critic = new Dense({ units: 1 });
  critic.build([null, 2]);
  critic.setWeights([tensor([[3], [4]]), tensor([0.5])]);
  const before = memory().numTensors;
  const [gp, grad] = tidy(() => {
    const [real, fake, alpha] = [
      randomNormal([8, 2], { seed: 1 }),
      randomNormal([8, 2], { seed: 2 }),
      randomNormal([8, 1], { seed: 3 }),
    ];
    const tape = new GradientTape();
    const penalty = tape.record(() => gradientPenalty(critic, real, fake, alpha));
    const [dKernel] = tape.gradient(penalty, [critic.trainableWeights[0]]);
    return [penalty.dataSync()[0], Array.from((dKernel as Tensor).dataSync())];
  });
  expect(gp).toBeCloseTo(16, 4);
  expect(grad[0]).toBeCloseTo(4.8, 4);
  expect(grad[1]).toBeCloseTo(6.4, 4);
  expect(memory().numTensors).toBe(before);
  critic.dispose();
});

test("fit runs the GAN step: the step's own logs reach the History, the generator moves toward the data", async () => {
  const before = memory().numTensors;
  const { gapBefore, gapAfter, history } = await main({ samples: 256, epochs: 6, log: () => {} });
  expect(Object.keys(history.history).sort()).toEqual(['critic_loss', 'generator_loss', 'gradient_penalty']);
  expect(history.history.critic_loss!.length).toBe(6);
  expect(history.history.gradient_penalty!.every((v) => v >= 0 && Number.isFinite(v))).toBe(true);
  expect(gapAfter).toBeLessThan(gapBefore * 0.75);
  expect(memory().numTensors).toBe(before);
});
