import { setBackend, add, concat, dispose, memory, randomNormal, tensor, tidy, type Tensor } from '@strata/tensor';
import { cpu } from '@strata/backend-cpu';
import { expectNoLeak } from '@strata/tensor/testing';
import { Dense, LSTM, type CallOptions } from '@strata/layers';
import { maskOf } from '@strata/layers/internal';
import { InputLayer, input, type SymbolicTensor } from '@strata/graph';
import { Functional, Model, Sequential, model } from './index';
import { MaskReader, ZeroMasker, expectClose, values } from './testing';

const T = (x: unknown) => x as Tensor;

beforeAll(async () => {
  await setBackend(cpu());
});

function mlp(name = 'mlp') {
  const x = input({ shape: [4], name: `${name}_in` });
  const h = new Dense({ units: 8, activation: 'relu', name: `${name}_hidden` }).apply(x);
  const y = new Dense({ units: 3, name: `${name}_out` }).apply(h);
  return new Functional({ inputs: x, outputs: y, name });
}

describe('Functional', () => {
  it('runs its graph as a layer, equal to calling its layers by hand, with no leaks', async () => {
    const m = mlp('plain');
    expect(m.layers.map((l) => l.name)).toEqual(['plain_in', 'plain_hidden', 'plain_out']);
    expect(m.layers[0]).toBeInstanceOf(InputLayer);
    expect(m.weights.map((w) => w.name)).toEqual([
      'plain_hidden/kernel',
      'plain_hidden/bias',
      'plain_out/kernel',
      'plain_out/bias',
    ]);
    expect(m.countParams()).toBe(4 * 8 + 8 + 8 * 3 + 3);
    const xs = randomNormal([5, 4], { seed: 2 });
    await expectNoLeak(async () => {
      const y = m.apply(xs);
      const want = tidy(() => m.getLayer('plain_out').apply(m.getLayer('plain_hidden').apply(xs) as Tensor) as Tensor);
      expect(y.shape).toEqual([5, 3]);
      await expectClose(y, want);
      y.dispose();
      want.dispose();
    });
    xs.dispose();
    m.dispose();
  });

  it('predicts in batches, the same as in one go', async () => {
    const m = mlp('batched');
    const xs = randomNormal([10, 4], { seed: 3 });
    await expectNoLeak(async () => {
      const whole = m.predict(xs, { batchSize: 100 }) as Tensor;
      const parts = m.predict(xs, { batchSize: 3 }) as Tensor;
      const one = m.predictOnBatch(xs) as Tensor;
      expect(parts.shape).toEqual([10, 3]);
      await expectClose(parts, whole);
      await expectClose(one, whole);
      for (const t of [whole, parts, one]) t.dispose();
    });
    expect(() => m.predict(xs, { batchSize: 0 })).toThrow('predict: batchSize must be a positive integer, received 0');
    xs.dispose();
    m.dispose();
  });

  it('takes several inputs (in order, or by name) and gives several outputs', async () => {
    const a = input({ shape: [2], name: 'left' });
    const b = input({ shape: [3], name: 'right' });
    const joined = concat([T(a), T(b)], -1);
    const sum = new Dense({ units: 1, name: 'total' }).apply(joined);
    const m = new Functional({ inputs: [a, b], outputs: [sum, joined], name: 'two_by_two' });
    const xa = tensor([[1, 2]]);
    const xb = tensor([[3, 4, 5]]);
    await expectNoLeak(async () => {
      const [s, j] = m.apply([xa, xb]) as Tensor[];
      expect([s.shape, j.shape]).toEqual([
        [1, 1],
        [1, 5],
      ]);
      expect(await values(j)).toEqual([1, 2, 3, 4, 5]);
      const byName = m.predict({ right: xb, left: xa }) as Tensor[];
      await expectClose(byName[1], j);
      for (const t of [s, j, ...byName]) t.dispose();
    });
    // Wrong number or nesting of inputs, eager or symbolic: the message names the model's inputs.
    const takes = 'Model "two_by_two" takes 2 input(s) (left [null,2], right [null,3])';
    expect(() => m.apply([xa])).toThrow(
      `${takes}, received 1; pass an array of 2 tensors in that order, or a record keyed by input name`,
    );
    expect(() => m.apply(xa)).toThrow(`${takes}, received 1;`);
    expect(() => m.apply([xa, xb, xb])).toThrow(`${takes}, received 3;`);
    expect(() => m.apply([[xa, xb]] as never)).toThrow(
      `${takes}; received an array at position 0: the inputs must be a flat list. Pass an array of 2 tensors`,
    );
    expect(() => m.apply(input({ shape: [2] }))).toThrow(`${takes}, received 1;`);
    expect(() => m.apply({ left: xa, rigth: xb })).toThrow(
      'has inputs "left", "right"; received keys "left", "rigth" (missing right)',
    );
    expect(() => m.predict({ left: xa })).toThrow(
      'predict: model "two_by_two" has inputs "left", "right"; received keys "left" (missing right)',
    );
    expect(() => m.apply([xb, xa])).toThrow(
      'Input 0 of layer "two_by_two" is incompatible: expected shape=[null,2], received shape [1,3]',
    );
    xa.dispose();
    xb.dispose();
    m.dispose();
  });

  it('needs symbolic inputs and outputs, and says so', () => {
    expect(() => new Functional({ inputs: tensor([1]), outputs: tensor([1]), name: 'bad_io' })).toThrow(
      'Functional "bad_io": inputs[0] must be a symbolic tensor (from input(), or a layer or op applied to one), received Tensor',
    );
    expect(() => new Functional({ name: 'half' } as never)).toThrow(
      'Functional "half": give both inputs and outputs, e.g. new Functional({ inputs: x, outputs: y }) with x = input({ shape: [4] })',
    );
  });

  it('finds layers by name or index', () => {
    const m = mlp('lookup');
    expect(m.getLayer(1).name).toBe('lookup_hidden');
    expect(() => m.getLayer('nope')).toThrow(
      'getLayer: no layer named "nope" in model "lookup"; its layers are: lookup_in, lookup_hidden, lookup_out',
    );
    expect(() => m.getLayer(3)).toThrow(
      'getLayer: was asked for the layer at index 3, but model "lookup" has 3 layer(s)',
    );
    m.dispose();
  });

  it('passes masks through, also out of a nested model', () => {
    const x = input({ shape: [3] });
    const inner = new Functional({ inputs: x, outputs: new ZeroMasker().apply(x), name: 'masking_inner' });
    const outerIn = input({ shape: [3] });
    const reader = new MaskReader();
    const outer = new Functional({ inputs: outerIn, outputs: reader.apply(inner.apply(outerIn)) });
    const xs = tensor([[0, 2, 0]]);
    const before = memory().numTensors;
    tidy(() => {
      const y = inner.apply(xs);
      expect(Array.from((maskOf(y) as Tensor).dataSync())).toEqual([0, 1, 0]);
      outer.apply(xs);
      // (masks[0] is from building the graph: the reader has no computeOutputShape, so it was traced.)
      expect(reader.masks[reader.masks.length - 1]).toEqual([0, 1, 0]);
    });
    expect(memory().numTensors).toBe(before);
    xs.dispose();
    outer.dispose();
  });

  it('records symbolic call options as inputs: the states of an encoder start a decoder', async () => {
    const enc = input({ shape: [5, 3], name: 'source' });
    const [, h, c] = new LSTM({ units: 4, returnState: true, name: 'encoder' }).apply(
      enc,
    ) as unknown as SymbolicTensor[];
    const dec = input({ shape: [6, 2], name: 'target' });
    const decoder = new LSTM({ units: 4, returnSequences: true, name: 'decoder' });
    const out = new Dense({ units: 7, name: 'vocab' }).apply(decoder.apply(dec, { initialState: [h, c] }));
    const m = new Functional({ inputs: [enc, dec], outputs: out, name: 'seq2seq' });
    expect(m.graph!.sourceOf(h)).toBe('encoder[0][1]');
    expect(m.graph!.nodesOf(decoder)[0].inputs).toEqual([dec, h, c]);
    const xs = [randomNormal([2, 5, 3], { seed: 1 }), randomNormal([2, 6, 2], { seed: 2 })];
    await expectNoLeak(async () => {
      const y = m.predict(xs) as Tensor;
      const want = tidy(() => {
        const [, hh, cc] = m.getLayer('encoder').apply(xs[0]) as unknown as Tensor[];
        return m.getLayer('vocab').apply(decoder.apply(xs[1], { initialState: [hh, cc] }) as Tensor) as Tensor;
      });
      await expectClose(y, want);
      dispose([y, want]);
    });
    dispose(xs);
    m.dispose();
  });

  it('model() is new Functional()', () => {
    const x = input({ shape: [1] });
    const m = model({ inputs: x, outputs: new Dense({ units: 1 }).apply(x) });
    expect(m).toBeInstanceOf(Functional);
    m.dispose();
  });
});

describe('models inside models', () => {
  class Residual extends Model {
    inner: Dense;
    constructor(units: number) {
      super();
      this.inner = new Dense({ units });
    }
    override call(x: Tensor): Tensor {
      return add(this.inner.apply(x), x);
    }
  }

  class Wrapper extends Model {
    body = mlp('wrapped');
    head = new Dense({ units: 1, name: 'wrapper_head' });
    override call(x: Tensor, { training }: CallOptions = {}): Tensor {
      return this.head.apply(this.body.apply(x, { training }) as Tensor);
    }
  }

  it('nest every way, with weights tracked through every level', async () => {
    // Functional ⊃ Sequential, subclassed model ⊃ Functional, Functional ⊃ subclassed model.
    const seq = new Sequential([new Dense({ units: 4, inputShape: [4], name: 'seq_dense' })], { name: 'stack' });
    const wrapper = new Wrapper();
    const residual = new Residual(1);
    const x = input({ shape: [4] });
    const y = residual.apply(wrapper.apply(seq.apply(x)));
    const outer = new Functional({ inputs: x, outputs: y, name: 'outer' });
    expect(y.shape).toEqual([null, 1]);
    expect(outer.layers.map((l) => l.name)).toEqual([
      expect.stringMatching(/^input_layer/),
      'stack',
      'wrapper',
      'residual',
    ]);
    const names = outer.weights.map((w) => w.name);
    expect(names).toEqual([
      'seq_dense/kernel',
      'seq_dense/bias',
      'wrapped_hidden/kernel',
      'wrapped_hidden/bias',
      'wrapped_out/kernel',
      'wrapped_out/bias',
      'wrapper_head/kernel',
      'wrapper_head/bias',
      expect.stringMatching(/\/kernel$/),
      expect.stringMatching(/\/bias$/),
    ]);
    expect(outer.countParams()).toBe(20 + (40 + 27) + 4 + 2);
    const xs = randomNormal([2, 4], { seed: 5 });
    await expectNoLeak(async () => {
      const got = outer.apply(xs);
      const want = tidy(() => residual.apply(wrapper.apply(seq.apply(xs) as Tensor) as Tensor) as Tensor);
      await expectClose(got, want);
      got.dispose();
      want.dispose();
    });
    outer.trainable = false;
    expect(outer.trainableWeights).toEqual([]);
    expect(wrapper.body.getLayer('wrapped_hidden').trainable).toBe(false);
    outer.trainable = true;
    expect(outer.trainableWeights.length).toBe(10);
    xs.dispose();
    const before = memory().numTensors;
    outer.dispose();
    expect(before - memory().numTensors).toBe(10);
  });
});

describe('cutting a model out of another', () => {
  it('shares layers and weights, and disposing one leaves the other working', async () => {
    const base = mlp('base');
    const features = new Functional({ inputs: base.inputs, outputs: base.outputOf('base_hidden'), name: 'features' });
    const head = new Functional({ inputs: base.outputOf('base_hidden'), outputs: base.outputs[0], name: 'head' });
    expect(features.layers.map((l) => l.name)).toEqual(['base_in', 'base_hidden']);
    expect(head.layers.map((l) => l.name)).toEqual(['base_out']);
    expect(features.weights[0]).toBe(base.weights[0]);
    const xs = randomNormal([3, 4], { seed: 9 });
    await expectNoLeak(async () => {
      const f = features.apply(xs);
      const composed = head.apply(f);
      const whole = base.apply(xs);
      await expectClose(composed, whole);
      for (const t of [f, composed, whole]) t.dispose();
    });
    // A change to the base's weights is a change to the cut models' weights.
    const hidden = base.getLayer('base_hidden') as Dense;
    tidy(() => hidden.bias!.assign(tensor([1, 1, 1, 1, 1, 1, 1, 1])));
    const f = features.predict(tensor([[0, 0, 0, 0]])) as Tensor;
    expect(await values(f)).toEqual([1, 1, 1, 1, 1, 1, 1, 1]);
    f.dispose();

    const out = base.getLayer('base_out') as Dense;
    const before = memory().numTensors;
    features.dispose(); // base still uses every layer: nothing is freed
    expect(hidden.kernel.isDisposed).toBe(false);
    expect(memory().numTensors).toBe(before);
    base.dispose(); // base_hidden has no other user now; head still uses base_out
    expect([hidden.kernel.isDisposed, out.kernel.isDisposed]).toEqual([true, false]);
    const h = tensor([[1, 2, 3, 4, 5, 6, 7, 8]]);
    const y = head.predict(h) as Tensor;
    expect(y.shape).toEqual([1, 3]);
    dispose([h, y]);
    head.dispose();
    expect(out.kernel.isDisposed).toBe(true);
    expect(memory().numTensors).toBe(before - 4);
    xs.dispose();
  });
});
