import {
  memory,
  dispose,
  tensor,
  tidy,
  add,
  mean,
  mul,
  square,
  sub,
  randomNormal,
  concat,
  type Tensor,
  type Variable,
} from '@strata/tensor';
import { GradientTape } from '@strata/autodiff';
import { Dense } from '@strata/layers';
import { useCpu, values, expectClose } from '../testing/setup';
import { TwoLayer, Wrap, planeData } from '../testing/models';
import { Trainer } from './trainer';
import { SGD } from '../optimizers';
import type { ComputeLossArgs, ModelOutputs, StepData } from './trainable';

beforeAll(useCpu);

test('a subclass overriding trainStep and calling super.trainStep customises fit (the Keras 3 way)', async () => {
  const [x, y] = planeData(64);
  let calls = 0;
  class Counting extends TwoLayer {
    override trainStep(data: StepData): Record<string, Tensor> {
      calls++;
      const logs = super.trainStep(data);
      return { ...logs, calls: tensor(calls) };
    }
  }
  const model = new Counting();
  const trainer = model;
  trainer.compile({ optimizer: 'sgd', loss: 'mse' });
  tidy(() => model.apply(x)); // build the weights first
  const before = memory().numTensors;
  const history = await trainer.fit(x, y, { epochs: 2, batchSize: 16, verbose: 0 });
  expect(calls).toBe(8);
  expect(history.loss!.length).toBe(2);
  expect(memory().numTensors - before).toBe(0); // SGD without momentum keeps no state
  dispose([x, y]);
  model.dispose();
});

test('a model defining trainStep and computeLoss is used by fit; layer losses (regularizers) join the loss', async () => {
  const [x, y] = planeData(64);
  class Regularized extends Trainer {
    dense = new Dense({
      units: 1,
      kernelRegularizer: { className: 'L2', config: { l2: 0.5 } },
      kernelInitializer: 'ones',
    });
    override call(t: Tensor): Tensor {
      return this.dense.apply(t);
    }
  }
  const model = new Regularized();
  const trainer = model;
  trainer.compile({ optimizer: new SGD({ learningRate: 0 }), loss: 'mse' });
  const { loss } = await trainer.evaluate(x, y, { batchSize: 64 });
  const ref = tidy(() => {
    const pred = model.apply(x);
    return values(mean(square(sub(pred, y))))[0] + 0.5 * 4; // kernel of ones: l2 · sum(w²) = 0.5 · 4
  });
  expect(loss).toBeCloseTo(ref, 4);

  // computeLoss on the model replaces the compiled loss
  const custom = Object.assign(new TwoLayer(), {
    computeLoss({ yPred }: ComputeLossArgs): Tensor {
      return mean(square(yPred as Tensor));
    },
  });
  const t2 = custom;
  t2.compile({ optimizer: new SGD({ learningRate: 0.1 }) });
  const h = await t2.fit(x, y, { epochs: 5, batchSize: 64, verbose: 0 });
  expect(h.loss![4]).toBeLessThan(h.loss![0]);
  dispose([x, y]);
  model.dispose();
  custom.dispose();
});

test('multi-output models: losses, weights and metrics per output, logged as <output>_<name>', async () => {
  class TwoHeads extends Trainer {
    trunk = new Dense({
      units: 8,
      activation: 'relu',
      kernelInitializer: { className: 'GlorotUniform', config: { seed: 1 } },
    });
    a = new Dense({ units: 1, kernelInitializer: { className: 'GlorotUniform', config: { seed: 2 } } });
    b = new Dense({ units: 3, kernelInitializer: { className: 'GlorotUniform', config: { seed: 3 } } });
    override get outputNames(): string[] {
      return ['value', 'kind'];
    }
    override call(t: Tensor): Tensor[] {
      const h = this.trunk.apply(t);
      return [this.a.apply(h), this.b.apply(h)];
    }
  }
  const x = randomNormal([48, 4], { seed: 5 });
  const yValue = randomNormal([48, 1], { seed: 6 });
  const yKind = tensor(
    Array.from({ length: 48 }, (_, i) => i % 3),
    undefined,
    'int32',
  );
  const model = new TwoHeads();
  const trainer = model;
  trainer.compile({
    optimizer: 'adam',
    loss: { value: 'mse', kind: { className: 'SparseCategoricalCrossentropy', config: { fromLogits: true } } },
    lossWeights: { value: 0.5, kind: 2 },
    metrics: { value: ['mae'], kind: ['accuracy'] },
  });
  tidy(() => model.apply(x));
  const before = memory().numTensors;
  const h = await trainer.fit(x, { value: yValue, kind: yKind }, { epochs: 2, batchSize: 16, verbose: 0 });
  expect(Object.keys(h.history).sort()).toEqual(['kind_accuracy', 'kind_loss', 'loss', 'value_loss', 'value_mae']);
  // the total is the weighted sum of the per-output losses
  const logs = await trainer.evaluate(x, [yValue, yKind], { batchSize: 48 });
  expect(logs.loss).toBeCloseTo(0.5 * logs.value_loss + 2 * logs.kind_loss, 4);
  const out = (await trainer.predict(x, { batchSize: 20 })) as Tensor[];
  expect(out.map((t) => t.shape)).toEqual([
    [48, 1],
    [48, 3],
  ]);
  dispose(out);
  expect(memory().numTensors - before).toBe(trainer.optimizer!.variables.length);
  expect(() => trainer.compile({ optimizer: 'adam', loss: { valu: 'mse' } })).not.toThrow(); // checked at the first batch
  await expect(trainer.fit(x, [yValue, yKind], { verbose: 0 })).rejects.toThrow(
    /compile: loss names \["valu"\], which are not outputs of the model; its outputs are value, kind/,
  );
  dispose([x, yValue, yKind]);
  model.dispose();
});

test('sampleWeight and classWeight weight each sample; weightedMetrics see the weights', async () => {
  const x = tensor([[1], [1], [1], [1]]);
  const y = tensor([[0], [0], [1], [1]]);
  const model = new Wrap(new Dense({ units: 1, kernelInitializer: 'zeros', useBias: false }));
  const trainer = model;
  trainer.compile({ optimizer: new SGD({ learningRate: 0 }), loss: 'mse', weightedMetrics: ['mae'], metrics: ['mae'] });
  // predictions are 0: per-sample losses 0, 0, 1, 1
  const weighted = await trainer.evaluate(x, y, { sampleWeight: tensor([1, 1, 3, 1]) });
  expect(weighted.loss).toBeCloseTo(4 / 4);
  expect(weighted.weighted_mae).toBeCloseTo(4 / 6);
  expect(weighted.mae).toBeCloseTo(0.5);
  const byClass = await trainer.trainOnBatch(x, y, { classWeight: { 0: 1, 1: 5 } });
  expect(byClass.loss).toBeCloseTo(10 / 4);
  dispose([x, y]);
  model.dispose();
});

test('trainOnBatch, testOnBatch and predictOnBatch', async () => {
  const [x, y] = planeData(32);
  const model = new TwoLayer();
  const trainer = model;
  trainer.compile({ optimizer: 'adam', loss: 'mse', metrics: ['mae'] });
  const first = await trainer.trainOnBatch(x, y);
  for (let i = 0; i < 20; i++) await trainer.trainOnBatch(x, y);
  const last = await trainer.testOnBatch(x, y);
  expect(Object.keys(last).sort()).toEqual(['loss', 'mae']);
  expect(last.loss).toBeLessThan(first.loss);
  const before = memory().numTensors;
  const p = trainer.predictOnBatch(x) as Tensor;
  expect(p.shape).toEqual([32, 1]);
  p.dispose();
  expect(memory().numTensors).toBe(before);
  dispose([x, y]);
  model.dispose();
});

test('a GAN-style custom loop: two models, two optimizers, one GradientTape each, gradient clipping', () => {
  const g = new Dense({ units: 2, kernelInitializer: { className: 'GlorotUniform', config: { seed: 1 } } });
  const d = new Dense({ units: 1, kernelInitializer: { className: 'GlorotUniform', config: { seed: 2 } } });
  const gOpt = new SGD({ learningRate: 0.05, clipnorm: 1 });
  const dOpt = new SGD({ learningRate: 0.05, globalClipnorm: 1 });
  const real = randomNormal([16, 2], { mean: 3, seed: 3 });
  tidy(() => d.apply(g.apply(randomNormal([1, 2]))));
  const before = memory().numTensors;
  for (let step = 0; step < 5; step++) {
    tidy(() => {
      const noise = randomNormal([16, 2], { seed: step });
      const dTape = new GradientTape();
      const dLoss = dTape.record(() => mean(sub(square(d.apply(g.apply(noise))), d.apply(real))));
      const dGrads = dTape.gradient(dLoss, d.trainableWeights);
      dOpt.applyGradients(d.trainableWeights.map((w, i) => [dGrads[i], w] as [Tensor | null, Variable]));
      const gTape = new GradientTape();
      const gLoss = gTape.record(() => mean(square(sub(d.apply(g.apply(noise)), 1))));
      const gGrads = gTape.gradient(gLoss, g.trainableWeights);
      gOpt.applyGradients(g.trainableWeights.map((w, i) => [gGrads[i], w] as [Tensor | null, Variable]));
    });
  }
  expect(memory().numTensors).toBe(before);
  dispose([real]);
  g.dispose();
  d.dispose();
  void concat;
  void expectClose;
  void (null as unknown as ModelOutputs);
});

test('inputs given as a record by name reach a model that names its inputs as a list in its order', async () => {
  class TwoInputs extends Trainer {
    override get inputNames(): string[] {
      return ['a', 'b'];
    }
    dense = new Dense({ units: 1, kernelInitializer: 'ones', useBias: false });
    override call([a, b]: Tensor[]): Tensor {
      return this.dense.apply(sub(a, b));
    }
  }
  const model = new TwoInputs();
  const trainer = model;
  trainer.compile({ optimizer: new SGD({ learningRate: 0 }), loss: 'mse' });
  const a = tensor([[3], [5]]);
  const b = tensor([[1], [1]]);
  const y = tensor([[2], [4]]);
  expect((await trainer.evaluate({ b, a }, y)).loss).toBeCloseTo(0);
  await expect(trainer.evaluate({ a, c: b }, y)).rejects.toThrow(
    "the model's inputs are 'a', 'b'; received keys 'a', 'c' (missing b)",
  );
  dispose([a, b, y]);
  model.dispose();
});

test('a subclass overriding computeLoss adds to super.computeLoss; the loss is checked to be a scalar', async () => {
  const [x, y] = planeData(32);
  class Penalized extends TwoLayer {
    override computeLoss(args: ComputeLossArgs): Tensor {
      return add(super.computeLoss(args), mul(mean(square(args.yPred as Tensor)), 10));
    }
  }
  const model = new Penalized();
  model.compile({ optimizer: new SGD({ learningRate: 0 }), loss: 'mse' });
  const { loss } = await model.evaluate(x, y, { batchSize: 32 });
  const want = tidy(() => {
    const p = model.apply(x);
    return values(add(mean(square(sub(p, y))), mul(mean(square(p)), 10)))[0];
  });
  expect(loss).toBeCloseTo(want, 4);
  class NotScalar extends TwoLayer {
    override computeLoss(args: ComputeLossArgs): Tensor {
      return square(args.yPred as Tensor);
    }
  }
  const bad = new NotScalar();
  bad.compile({ optimizer: 'sgd', loss: 'mse' });
  await expect(bad.fit(x, y, { verbose: 0 })).rejects.toThrow(
    'computeLoss must return a scalar loss, received shape [32,1]; reduce it (e.g. mean(...))',
  );
  dispose([x, y]);
  model.dispose();
  bad.dispose();
});
