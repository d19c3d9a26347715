import { Dense, clearSession } from '@strata/layers';
import { input } from '@strata/graph';
import { Sequential } from '@strata/models';
import { Adam, ExponentialDecay, Nadam, RMSprop, SGD, type Optimizer } from '@strata/training';
import { useCpu } from '../testing/keras-models';
import { optimizerLayout } from './optimizer-layout';

beforeAll(useCpu);

/** The layout's variables by short name: `dense_kernel_momentum` → `k1:momentum`. */
function layoutOf(optimizer: Optimizer): { header: string[]; slots: string[] } {
  clearSession();
  const model = new Sequential([input({ shape: [2] }), new Dense({ units: 3 }), new Dense({ units: 1 })]);
  optimizer.build(model.trainableWeights);
  const layout = optimizerLayout(optimizer, model.trainableWeights);
  const short: Record<string, string> = {
    dense_kernel: 'k1',
    dense_bias: 'b1',
    dense_1_kernel: 'k2',
    dense_1_bias: 'b2',
  };
  const slots = layout.variables.map((v) => {
    const [, rest] = v.name.split('/');
    const key = Object.keys(short)
      .sort((a, b) => b.length - a.length)
      .find((k) => rest.startsWith(`${k}_`))!;
    return `${short[key]}:${rest.slice(key.length + 1)}`;
  });
  model.dispose();
  optimizer.dispose();
  return {
    header: ['iterations', ...(layout.hasLearningRate ? ['learning_rate'] : [])],
    slots: [...slots, ...(layout.hasUProduct ? ['u_product'] : [])],
  };
}

describe("optimizer state in Keras 3's order (optimizer.variables)", () => {
  it('Adam: momentum and velocity interleaved per weight (one add_optimizer_variables call)', () => {
    expect(layoutOf(new Adam())).toEqual({
      header: ['iterations', 'learning_rate'],
      slots: [
        'k1:momentum',
        'k1:velocity',
        'b1:momentum',
        'b1:velocity',
        'k2:momentum',
        'k2:velocity',
        'b2:momentum',
        'b2:velocity',
      ],
    });
  });

  it('Adam with amsgrad: velocity_hat after all of them (a second call)', () => {
    expect(layoutOf(new Adam({ amsgrad: true })).slots.slice(-4)).toEqual([
      'k1:velocity_hat',
      'b1:velocity_hat',
      'k2:velocity_hat',
      'b2:velocity_hat',
    ]);
  });

  it('RMSprop: velocity, momentum and average_gradient each in its own call', () => {
    expect(layoutOf(new RMSprop({ momentum: 0.5, centered: true })).slots).toEqual([
      'k1:velocity',
      'b1:velocity',
      'k2:velocity',
      'b2:velocity',
      'k1:momentum',
      'b1:momentum',
      'k2:momentum',
      'b2:momentum',
      'k1:average_gradient',
      'b1:average_gradient',
      'k2:average_gradient',
      'b2:average_gradient',
    ]);
  });

  it("EMA averages, then gradient accumulators, come first (the base optimizer's build)", () => {
    expect(layoutOf(new SGD({ momentum: 0.9, useEma: true, gradientAccumulationSteps: 2 })).slots).toEqual([
      'k1:average',
      'b1:average',
      'k2:average',
      'b2:average',
      'k1:gradient_accumulator',
      'b1:gradient_accumulator',
      'k2:gradient_accumulator',
      'b2:gradient_accumulator',
      'k1:momentum',
      'b1:momentum',
      'k2:momentum',
      'b2:momentum',
    ]);
  });

  it('a schedule has no learning_rate variable; Nadam ends with u_product; plain SGD has no slots', () => {
    const schedule = new ExponentialDecay({ initialLearningRate: 0.1, decaySteps: 10, decayRate: 0.5 });
    expect(layoutOf(new SGD({ learningRate: schedule })).header).toEqual(['iterations']);
    expect(layoutOf(new SGD()).slots).toEqual([]);
    expect(layoutOf(new Nadam()).slots.slice(-3)).toEqual(['b2:momentum', 'b2:velocity', 'u_product']);
  });
});
