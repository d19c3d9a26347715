import { tensor, variable, memory, dispose, tidy, clipByValue, mul, square, sum, type Variable } from '@strata/tensor';
import { GradientTape } from '@strata/autodiff';
import { useCpu, values, expectClose } from '../testing/setup';
import { SGD, Adam, type Optimizer } from './index';
import { ExponentialDecay } from '../schedules';

beforeAll(useCpu);

function step(opt: Optimizer, pairs: [number[], Variable][]): void {
  const grads = pairs.map(([g]) => tensor(g));
  opt.applyGradients(grads.map((g, i) => [g, pairs[i][1]] as const));
  dispose(grads);
}

test('clipnorm scales each gradient to the norm; globalClipnorm scales all together; clipvalue clips elements', () => {
  const a = variable([0, 0]);
  const b = variable([0]);
  step(new SGD({ learningRate: 1, clipnorm: 1 }), [
    [[3, 4], a],
    [[0.5], b],
  ]);
  expectClose(values(a), [-0.6, -0.8]);
  expectClose(values(b), [-0.5]);
  tidy(() => a.assign(zeros(2)));
  tidy(() => b.assign(zeros(1)));
  // global norm of [3,4,12] is 13: every gradient is scaled by 2/13
  step(new SGD({ learningRate: 1, globalClipnorm: 2 }), [
    [[3, 4], a],
    [[12], b],
  ]);
  expectClose(values(a), [-6 / 13, -8 / 13]);
  expectClose(values(b), [-24 / 13]);
  tidy(() => a.assign(zeros(2)));
  step(new SGD({ learningRate: 1, clipvalue: 0.5 }), [[[3, -0.25], a]]);
  expectClose(values(a), [-0.5, 0.25]);
  dispose([a, b]);
  expect(() => new SGD({ clipnorm: 1, clipvalue: 1 })).toThrow(
    /only one of clipnorm, clipvalue and globalClipnorm can be set/,
  );
});

function zeros(n: number) {
  return tensor(new Array(n).fill(0));
}

test('weightDecay decays before the update and excludeFromWeightDecay skips by variable or name', () => {
  const w = variable([1, 2], { name: 'dense/kernel' });
  const bias = variable([1], { name: 'dense/bias' });
  const opt = new SGD({ learningRate: 0.1, weightDecay: 0.5 });
  opt.excludeFromWeightDecay({ names: ['bias'] });
  step(opt, [
    [[1, 1], w],
    [[1], bias],
  ]);
  expectClose(values(w), [1 - 0.05 - 0.1, 2 - 0.1 - 0.1]);
  expectClose(values(bias), [0.9]);
  dispose([w, bias]);
});

test('gradientAccumulationSteps updates every N calls with the mean gradient; iterations count updates', () => {
  const w = variable([1]);
  const opt = new SGD({ learningRate: 1, gradientAccumulationSteps: 3 });
  step(opt, [[[1], w]]);
  step(opt, [[[2], w]]);
  expectClose(values(w), [1]);
  expect(opt.iterations).toBe(0);
  step(opt, [[[6], w]]);
  expectClose(values(w), [1 - 3]);
  expect(opt.iterations).toBe(1);
  step(opt, [[[3], w]]);
  step(opt, [[[3], w]]);
  step(opt, [[[3], w]]);
  expectClose(values(w), [-2 - 3]);
  expect(() => new SGD({ gradientAccumulationSteps: 1 })).toThrow(/gradientAccumulationSteps must be an integer >= 2/);
  w.dispose();
  opt.dispose();
});

test('useEma keeps a moving average of the weights and writes it back with finalizeVariableValues', () => {
  const w = variable([0]);
  const opt = new SGD({ learningRate: 1, useEma: true, emaMomentum: 0.5 });
  step(opt, [[[-1], w]]); // w = 1, average = w (first step)
  step(opt, [[[-1], w]]); // w = 2, average = 0.5*1 + 0.5*2
  expectClose(values(w), [2]);
  opt.finalizeVariableValues([w]);
  expectClose(values(w), [1.5]);
  const v = variable([0]);
  const every = new SGD({ learningRate: 1, useEma: true, emaMomentum: 0.5, emaOverwriteFrequency: 2 });
  step(every, [[[-1], v]]);
  step(every, [[[-1], v]]);
  expectClose(values(v), [1.5]);
  dispose([w, v]);
  opt.dispose();
  every.dispose();
});

test('a schedule sets the learning rate from the step; a number rate can be changed, a scheduled one cannot', () => {
  const w = variable([0]);
  const opt = new SGD({
    learningRate: new ExponentialDecay({ initialLearningRate: 1, decaySteps: 1, decayRate: 0.5 }),
  });
  expect(opt.learningRate).toBe(1);
  step(opt, [[[-1], w]]);
  expect(opt.learningRate).toBe(0.5);
  step(opt, [[[-1], w]]);
  expectClose(values(w), [1.5]);
  expect(() => (opt.learningRate = 0.1)).toThrow(/created with a learning rate schedule/);
  const plain = new Adam();
  plain.learningRate = 0.5;
  expect(plain.learningRate).toBe(0.5);
  expect(() => new Adam({ learningRate: -1 })).toThrow(
    /learningRate must be a non-negative number.*received number -1/,
  );
  w.dispose();
  opt.dispose();
});

test('constraints apply after each update; null gradients are skipped; bad pairs say what was expected', () => {
  const w = variable([0, 0]);
  w.constraint = (x) => clipByValue(x, -0.5, 0.5);
  const frozen = variable([7]);
  const opt = new SGD({ learningRate: 1 });
  const warn = jest.spyOn(console, 'warn').mockImplementation(() => undefined);
  const g = tensor([-2, 0.25]);
  opt.applyGradients([
    [g, w],
    [null, frozen],
  ]);
  expectClose(values(w), [0.5, -0.25]);
  expect(warn).toHaveBeenCalledWith(expect.stringContaining('gradients do not exist for variables'));
  warn.mockRestore();
  expect(() => opt.applyGradients([[tensor([1, 2, 3]), w]])).toThrow(
    /gradient for '.*' has shape \[3\], but the variable has shape \[2\]/,
  );
  expect(() => opt.applyGradients([[null, w]])).toThrow(/no gradient was provided for any variable/);
  expect(() => opt.applyGradients([[g, g as unknown as Variable]])).toThrow(/must hold a Variable second/);
  dispose([w, frozen, g]);
  opt.dispose();
});

test('a custom loop: GradientTape + applyGradients with a custom loss and gradient clipping, leak-free', () => {
  const w = variable([3, -4]);
  const opt = new Adam({ learningRate: 0.1, globalClipnorm: 1 });
  const before = memory().numTensors;
  for (let i = 0; i < 100; i++) {
    tidy(() => {
      const tape = new GradientTape();
      const loss = tape.record(() => sum(mul(square(w), 0.5)));
      const [g] = tape.gradient(loss, [w]);
      opt.applyGradients([[g, w]]);
    });
  }
  // the state (2 slots) is the only growth
  expect(memory().numTensors).toBe(before + 2);
  const [a, b] = values(w);
  expect(Math.hypot(a, b)).toBeLessThan(0.1);
  w.dispose();
  opt.dispose();
});
