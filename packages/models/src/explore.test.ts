import { setBackend, tensor, add, mul, memory, randomNormal, dispose, concat, relu, type Tensor } from '@strata/tensor';
import { cpu } from '@strata/backend-cpu';
import { GradientTape } from '@strata/autodiff';
import { Dense, Dropout, type CallOptions } from '@strata/layers';
import { input } from '@strata/graph';
import { Functional, Sequential, Model, plotModel } from './index';

beforeAll(async () => { await setBackend(cpu()); });

class Block extends Model {
  a = new Dense({ units: 8, activation: 'relu' });
  b = new Dense({ units: 8 });
  drop = new Dropout({ rate: 0.5 });
  override call(x: Tensor, { training }: CallOptions = {}): Tensor {
    const h = this.drop.apply(this.a.apply(x), { training });
    return relu(add(this.b.apply(h), x));
  }
}

test('explore subclass', async () => {
  const block = new Block();
  const y = block.apply(randomNormal([3, 8]));
  console.log(y.shape, block.weights.map((w) => w.name));
  console.log(block.summary({ printFn: () => {} }));
  const x = input({ shape: [8] });
  const inner = new Sequential([new Dense({ units: 8, inputShape: [8] })]);
  const outer = new Functional({ inputs: x, outputs: new Dense({ units: 2 }).apply(block.apply(inner.apply(x))) });
  console.log(outer.summary({ printFn: () => {}, expandNested: true }));
  console.log(outer.weights.length, outer.countParams());
  const feat = new Functional({ inputs: block.inputs, outputs: block.outputOf('dropout') });
  console.log(feat.summary({ printFn: () => {} }));
  const tape = new GradientTape();
  const xs = randomNormal([4, 8]);
  const loss = tape.record(() => { const o = outer.apply(xs, { training: true }) as Tensor; return mul(o, o); });
  const grads = tape.gradient(loss, outer.trainableWeights);
  console.log(grads.map((g) => g && g.shape));
  await plotModel(outer, { format: 'png', toFile: '/tmp/gs/nested.png', expandNested: true, showShapes: true });
});
