import {
  ExponentialDecay,
  PiecewiseConstantDecay,
  PolynomialDecay,
  InverseTimeDecay,
  CosineDecay,
  CosineDecayRestarts,
  scheduleClasses,
} from './index';

const close = (got: number, want: number) => expect(got).toBeCloseTo(want, 10);

test('ExponentialDecay: lr·rate^(step/decaySteps), floored with staircase', () => {
  const s = new ExponentialDecay({ initialLearningRate: 0.1, decaySteps: 10, decayRate: 0.5 });
  close(s.call(0), 0.1);
  close(s.call(5), 0.1 * Math.SQRT1_2);
  close(s.call(20), 0.025);
  close(
    new ExponentialDecay({ initialLearningRate: 0.1, decaySteps: 10, decayRate: 0.5, staircase: true }).call(19),
    0.05,
  );
});

test('PiecewiseConstantDecay: values[i] for boundaries[i-1] < step <= boundaries[i]', () => {
  const s = new PiecewiseConstantDecay({ boundaries: [100, 200], values: [1, 0.5, 0.1] });
  expect([0, 100, 101, 200, 201, 1e6].map((x) => s.call(x))).toEqual([1, 1, 0.5, 0.5, 0.1, 0.1]);
  expect(() => new PiecewiseConstantDecay({ boundaries: [1, 2], values: [1, 2] })).toThrow(
    /values must have exactly one more entry than boundaries/,
  );
});

test('PolynomialDecay: (initial - end)(1 - step/decaySteps)^power + end, held or cycled after decaySteps', () => {
  const s = new PolynomialDecay({ initialLearningRate: 1, decaySteps: 10, endLearningRate: 0.1, power: 2 });
  close(s.call(0), 1);
  close(s.call(5), 0.9 * 0.25 + 0.1);
  close(s.call(50), 0.1);
  const c = new PolynomialDecay({ initialLearningRate: 1, decaySteps: 10, endLearningRate: 0, cycle: true });
  close(c.call(15), 1 - 15 / 20);
  close(c.call(0), 1);
});

test('InverseTimeDecay: initial / (1 + rate·step/decaySteps)', () => {
  close(new InverseTimeDecay({ initialLearningRate: 1, decaySteps: 2, decayRate: 0.5 }).call(4), 0.5);
  close(
    new InverseTimeDecay({ initialLearningRate: 1, decaySteps: 2, decayRate: 0.5, staircase: true }).call(3),
    1 / 1.5,
  );
});

test('CosineDecay: half a cosine down to alpha, with linear warmup to warmupTarget first', () => {
  const s = new CosineDecay({ initialLearningRate: 1, decaySteps: 100, alpha: 0.1 });
  close(s.call(0), 1);
  close(s.call(50), 0.9 * 0.5 + 0.1);
  close(s.call(100), 0.1);
  close(s.call(1000), 0.1);
  const w = new CosineDecay({ initialLearningRate: 0, decaySteps: 100, warmupTarget: 1, warmupSteps: 10 });
  close(w.call(5), 0.5);
  close(w.call(10), 1);
  close(w.call(60), 0.5);
});

test('CosineDecayRestarts: restarts after firstDecaySteps, periods growing by tMul, peaks by mMul', () => {
  const s = new CosineDecayRestarts({ initialLearningRate: 1, firstDecaySteps: 10, tMul: 2, mMul: 0.5 });
  close(s.call(0), 1);
  close(s.call(5), 0.5);
  close(s.call(10), 0.5); // second period (20 steps) starts at peak 0.5
  close(s.call(20), 0.25); // half-way through it
  close(s.call(30), 0.25); // third period starts at 0.25
  const flat = new CosineDecayRestarts({ initialLearningRate: 1, firstDecaySteps: 10, tMul: 1 });
  close(flat.call(15), 0.5);
});

test('schedules resolve from {className, config}', () => {
  const s = scheduleClasses.get({
    className: 'ExponentialDecay',
    config: { initialLearningRate: 1, decaySteps: 1, decayRate: 0.5 },
  });
  expect(s).toBeInstanceOf(ExponentialDecay);
  expect(s.getConfig()).toEqual({ initialLearningRate: 1, decaySteps: 1, decayRate: 0.5, staircase: false });
});
