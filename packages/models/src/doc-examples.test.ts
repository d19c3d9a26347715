// What the @example blocks of Model, Functional, Sequential and plotModel state, computed. The
// parameter counts are hand-computed (784·64 + 64 + 64·10 + 10 = 50890); the applications' counts are
// checked against Keras in applications/applications.test.ts.
import { setBackend, zeros, type Tensor } from '@strata/tensor';
import { cpu } from '@strata/backend-cpu';
import { Dense } from '@strata/layers';
import { input } from '@strata/graph';
import { Functional, Model, Sequential, plotModel } from './index';

beforeAll(async () => {
  await setBackend(cpu());
});

test('Model: a subclassed MLP predicts [2, 10] and has 50890 weights', () => {
  class Mlp extends Model {
    hidden = new Dense({ units: 64, activation: 'relu' });
    out = new Dense({ units: 10 });
    override call(x: Tensor) {
      return this.out.apply(this.hidden.apply(x)) as Tensor;
    }
  }
  const mlp = new Mlp();
  const x = zeros([2, 784]);
  const y = mlp.predict(x) as Tensor;
  expect([...y.shape]).toEqual([2, 10]);
  expect(mlp.countParams()).toBe(50890);
  for (const t of [x, y]) t.dispose();
  mlp.dispose();
});

test('Functional: [null, 10] out, 50890 weights', () => {
  const x = input({ shape: [784] });
  const h = new Dense({ units: 64, activation: 'relu' }).apply(x);
  const model = new Functional({ inputs: x, outputs: new Dense({ units: 10 }).apply(h) });
  expect([...model.outputs[0].shape]).toEqual([null, 10]);
  expect(model.countParams()).toBe(50890);
  model.dispose();
});

test('Sequential: [null, 10] out, two layers', () => {
  const model = new Sequential([
    input({ shape: [784] }),
    new Dense({ units: 64, activation: 'relu' }),
    new Dense({ units: 10 }),
  ]);
  expect([...model.outputs[0].shape]).toEqual([null, 10]);
  expect(model.layers.length).toBe(2);
  model.dispose();
});

test("plotModel: DOT text that names the layer 'out'", async () => {
  const model = new Sequential([input({ shape: [4] }), new Dense({ units: 2, name: 'out' })]);
  const dot = await plotModel(model, { format: 'dot', showShapes: true });
  expect(dot).toMatch(/^digraph/);
  expect(dot).toContain('<b>out</b>');
  model.dispose();
});
