// layer.input / layer.output (Keras's): the symbolic tensors of a layer's call in a model's graph, to
// cut new models at any layer, with getInputAt / getOutputAt for a layer shared by several calls.
import { setBackend, dispose, randomNormal, relu, matmul, add, type Tensor } from '@strata/tensor';
import { cpu } from '@strata/backend-cpu';
import { Dense, type CallOptions } from '@strata/layers';
import { input, type SymbolicTensor } from '@strata/graph';
import { Functional, Model, Sequential } from './index';
import { expectClose } from './testing';

beforeAll(async () => {
  await setBackend(cpu());
});

describe('layer.input and layer.output', () => {
  it('are the symbolic tensors of the layer in its model: a model cut there shares the weights', async () => {
    const x = input({ shape: [4], name: 'io_in' });
    const hidden = new Dense({ units: 6, activation: 'relu', name: 'io_hidden' });
    const y = new Dense({ units: 2, name: 'io_out' }).apply(hidden.apply(x));
    const base = new Functional({ inputs: x, outputs: y, name: 'io_base' });
    expect(hidden.input).toBe(x);
    expect(base.getLayer('io_in').output).toBe(x);
    expect(base.input).toBe(x);
    expect(base.output).toBe(y);

    const features = new Functional({
      inputs: base.input as SymbolicTensor,
      outputs: base.getLayer('io_hidden').output as SymbolicTensor,
    });
    const xs = randomNormal([3, 4], { seed: 1 });
    const [kernel, bias] = hidden.getWeights();
    const want = relu(add(matmul(xs, kernel), bias));
    const got = features.predict(xs) as Tensor;
    await expectClose(got, want);
    dispose([xs, kernel, bias, want, got]);
    base.dispose();
  });

  it('of a layer shared by two calls are ambiguous: the error points to getOutputAt', () => {
    const a = input({ shape: [3] });
    const b = input({ shape: [3] });
    const shared = new Dense({ units: 2, name: 'io_shared' });
    const ya = shared.apply(a);
    const yb = shared.apply(b);
    expect(shared.inboundCallCount).toBe(2);
    expect(() => shared.output).toThrow(
      'Layer "io_shared" was called 2 times on symbolic tensors, so "output" is ambiguous; use getOutputAt(i) with i from 0 to 1',
    );
    expect(() => shared.input).toThrow(/use getInputAt\(i\)/);
    expect(shared.getOutputAt(0)).toBe(ya);
    expect(shared.getOutputAt(1)).toBe(yb);
    expect(shared.getInputAt(1)).toBe(b);
    expect(() => shared.getOutputAt(2)).toThrow(
      'Layer "io_shared": call index must be an integer from 0 to 1, received 2',
    );
    shared.dispose();
  });

  it('of a layer never called on symbolic tensors say how to get one', () => {
    const lone = new Dense({ units: 2, name: 'io_lone' });
    expect(() => lone.output).toThrow(
      'Layer "io_lone" has never been called on symbolic tensors, so it has no output; call it on the output of input() first',
    );
  });

  it('are not changed by the traces summary() makes of a subclassed model', () => {
    class Tower extends Model {
      readonly inner = new Dense({ units: 3, name: 'io_inner' });
      override call(x: Tensor | Tensor[], _options?: CallOptions): Tensor {
        return this.inner.apply(x as Tensor) as Tensor;
      }
    }
    const tower = new Tower({ name: 'io_tower' });
    const xs = randomNormal([2, 5], { seed: 3 });
    (tower.apply(xs) as Tensor).dispose();
    tower.summary({ printFn: () => {} });
    tower.summary({ printFn: () => {} });
    expect(tower.inner.inboundCallCount).toBe(0);
    xs.dispose();
    tower.dispose();
  });

  it('in a Sequential give the layer outputs as Keras does', () => {
    const seq = new Sequential([
      input({ shape: [4] }),
      new Dense({ units: 5, name: 'io_s1' }),
      new Dense({ units: 1, name: 'io_s2' }),
    ]);
    expect(seq.getLayer('io_s2').input as SymbolicTensor).toBe(seq.getLayer('io_s1').output);
    expect(seq.getLayer('io_s2').output).toBe(seq.output);
    seq.dispose();
  });
});
