import {
  setBackend,
  add,
  dispose,
  memory,
  mul,
  randomNormal,
  sum,
  tensor,
  tidy,
  type Shape,
  type Tensor,
  type Variable,
} from '@strata/tensor';
import { cpu } from '@strata/backend-cpu';
import { expectNoLeak } from '@strata/tensor/testing';
import { Dense, Embedding, Layer, type CallOptions, type ShapeOrShapes } from '@strata/layers';
import { GraphError } from '@strata/graph';
import { Functional, Model } from './index';
import { captured, expectClose } from './testing';

beforeAll(async () => {
  await setBackend(cpu());
});

class TrainingProbe extends Layer {
  static override className = 'TrainingProbe';
  seen: unknown[] = [];
  override call(x: Tensor, { training }: CallOptions = {}): Tensor {
    this.seen.push(training);
    return mul(x, 1);
  }
  override computeOutputShape(s: ShapeOrShapes): Shape {
    return s as Shape;
  }
}

class TwoTower extends Model {
  left = new Dense({ units: 4, activation: 'relu', name: 'left' });
  right = new Dense({ units: 4, name: 'right' });
  probe = new TrainingProbe({ name: 'probe' });
  out = new Dense({ units: 1, name: 'score' });
  override call(x: Tensor, { training }: CallOptions = {}): Tensor {
    const merged = add(this.left.apply(x), this.right.apply(x));
    return this.out.apply(this.probe.apply(merged, { training }));
  }
}

describe('subclassed models', () => {
  it('build on the first call, by tracing call(): layers, weights and a graph', async () => {
    const m = new TwoTower({ name: 'towers' });
    expect(m.built).toBe(false);
    const xs = randomNormal([3, 6], { seed: 4 });
    const y = m.apply(xs);
    expect(y.shape).toEqual([3, 1]);
    expect(m.weights.map((w) => w.name)).toEqual([
      'left/kernel',
      'left/bias',
      'right/kernel',
      'right/bias',
      'score/kernel',
      'score/bias',
    ]);
    expect(m.inputs[0].shape).toEqual([null, 6]);
    expect(m.outputs[0].shape).toEqual([null, 1]);
    expect(m.graph!.nodes.map((n) => m.graph!.nameOf(n))).toEqual(['left', 'right', 'add', 'probe', 'score']);
    const want = tidy(() => m.out.apply(add(m.left.apply(xs), m.right.apply(xs))));
    await expectClose(y, want);
    y.dispose();
    want.dispose();
    xs.dispose();
    m.dispose();
  });

  it('pass training down to their layers', () => {
    const m = new TwoTower();
    const xs = randomNormal([2, 3]);
    const runs: (boolean | undefined)[] = [true, false, undefined];
    for (const training of runs) tidy(() => m.apply(xs, { training }));
    // (Tracing at build time did not call the probe: it has computeOutputShape.)
    expect(m.probe.seen).toEqual([true, false, false]);
    xs.dispose();
    m.dispose();
  });

  it('show real shapes and connections in their summary', () => {
    const m = new TwoTower({ name: 'summarized' });
    m.build([null, 6]);
    const print = captured();
    m.summary({ printFn: print.printFn, lineLength: 100 });
    expect(print.lines.join('\n')).toBe(
      [
        'Model: "summarized"',
        '┏━━━━━━━━━━━━━━━━━━━━━━━━━━━━━┳━━━━━━━━━━━━━━━━━━━━━━━━━┳━━━━━━━━━━━━━━━━┳━━━━━━━━━━━━━━━━━━━━━━━━━┓',
        '┃ Layer (type)                ┃ Output Shape            ┃        Param # ┃ Connected to            ┃',
        '┡━━━━━━━━━━━━━━━━━━━━━━━━━━━━━╇━━━━━━━━━━━━━━━━━━━━━━━━━╇━━━━━━━━━━━━━━━━╇━━━━━━━━━━━━━━━━━━━━━━━━━┩',
        '│ summarized_input            │ (None, 6)               │              0 │ -                       │',
        '│ (InputLayer)                │                         │                │                         │',
        '├─────────────────────────────┼─────────────────────────┼────────────────┼─────────────────────────┤',
        '│ left (Dense)                │ (None, 4)               │             28 │ summarized_input[0][0]  │',
        '├─────────────────────────────┼─────────────────────────┼────────────────┼─────────────────────────┤',
        '│ right (Dense)               │ (None, 4)               │             28 │ summarized_input[0][0]  │',
        '├─────────────────────────────┼─────────────────────────┼────────────────┼─────────────────────────┤',
        '│ add (Op)                    │ (None, 4)               │              0 │ left[0][0], right[0][0] │',
        '├─────────────────────────────┼─────────────────────────┼────────────────┼─────────────────────────┤',
        '│ probe (TrainingProbe)       │ (None, 4)               │              0 │ add[0][0]               │',
        '├─────────────────────────────┼─────────────────────────┼────────────────┼─────────────────────────┤',
        '│ score (Dense)               │ (None, 1)               │              5 │ probe[0][0]             │',
        '└─────────────────────────────┴─────────────────────────┴────────────────┴─────────────────────────┘',
        ' Total params: 61 (244.00 B)',
        ' Trainable params: 61 (244.00 B)',
        ' Non-trainable params: 0 (0.00 B)',
      ].join('\n'),
    );
    m.dispose();
  });

  it('can be cut like a Functional: feature extraction from a subclassed model', async () => {
    const m = new TwoTower({ name: 'cut_me' });
    m.build([null, 6]);
    const towers = new Functional({ inputs: m.inputs, outputs: m.outputOf('add'), name: 'towers_only' });
    const xs = randomNormal([2, 6], { seed: 8 });
    await expectNoLeak(async () => {
      const got = towers.apply(xs);
      const want = tidy(() => add(m.left.apply(xs), m.right.apply(xs)));
      await expectClose(got, want);
      got.dispose();
      want.dispose();
    });
    towers.dispose();
    expect(m.left.kernel.isDisposed).toBe(false);
    const y = m.apply(xs);
    y.dispose();
    xs.dispose();
    m.dispose();
    expect(m.left.kernel.isDisposed).toBe(true);
  });

  it('keep layers a cut model still uses when disposed first', () => {
    const m = new TwoTower({ name: 'base_first' });
    m.build([null, 6]);
    const towers = new Functional({ inputs: m.inputs, outputs: m.outputOf('add') });
    m.dispose();
    expect([m.left.kernel.isDisposed, m.out.kernel.isDisposed]).toEqual([false, true]);
    const before = memory().numTensors;
    towers.dispose();
    expect(before - memory().numTensors).toBe(4);
  });

  it('still work eagerly when call() cannot be traced; the summary then lists layers only', () => {
    class ReadsValues extends Model {
      pos = new Dense({ units: 2, name: 'when_positive' });
      neg = new Dense({ units: 2, name: 'when_negative' });
      override call(x: Tensor): Tensor {
        return sum(x).dataSync()[0] > 0 ? this.pos.apply(x) : this.neg.apply(x);
      }
    }
    const m = new ReadsValues({ name: 'data_dependent' });
    const y = m.apply(tensor([[1, 2]]));
    expect(y.shape).toEqual([1, 2]);
    expect(m.graph).toBeNull();
    expect(String(m.traceError)).toMatch(/dataSync\(\): SymbolicTensor.* has no values/);
    expect(() => m.inputs).toThrow(
      /^Model "data_dependent" has no graph for inputs: its call\(\) could not be traced on symbolic inputs \(dataSync\(\): /,
    );
    const print = captured();
    m.summary({ printFn: print.printFn, lineLength: 80 });
    expect(print.lines.filter((l) => l.startsWith('│')).map((l) => l.split('│')[1].trim())).toEqual([
      'when_positive (Dense)',
      'when_negative (Dense)',
    ]);
    expect(print.lines.some((l) => l.includes('0 (unbuilt)'))).toBe(true);
    expect(print.lines.slice(-2)).toEqual([
      expect.stringMatching(
        /^ Only a list of layers: call\(\) could not be traced on symbolic inputs, so shapes and connections are unknown \(dataSync\(\): SymbolicTensor\(shape=\[\], dtype=float32, name=sum\) has no values/,
      ),
      ' The model still runs eagerly. For the full summary, call() must run on symbolic inputs of the built shape alone: no reading tensor values, no call options it cannot do without.',
    ]);
    y.dispose();
    m.dispose();
  });

  it('still work eagerly when a layer inside reads values (it cannot be traced either)', () => {
    class SignFlip extends Layer {
      static override className = 'SignFlip';
      override call(x: Tensor): Tensor {
        return mul(x, sum(x).dataSync()[0] > 0 ? 1 : -1);
      }
    }
    class Holder extends Model {
      flip = new SignFlip({ name: 'flip' });
      dense = new Dense({ units: 2, name: 'after_flip' });
      override call(x: Tensor): Tensor {
        return this.dense.apply(this.flip.apply(x));
      }
    }
    const m = new Holder();
    const xs = tensor([[1, 2, 3]]);
    const y = m.apply(xs);
    expect(y.shape).toEqual([1, 2]);
    expect(m.traceError).toBeInstanceOf(GraphError);
    expect((m.traceError as GraphError).shapeMismatch).toBe(false);
    expect(String(m.traceError)).toMatch(
      /Layer "flip" \(SignFlip\) cannot be applied to input "holder_input" of shape \[null,3\]: dataSync\(\): /,
    );
    dispose([xs, y]);
    m.dispose();
  });

  it('report a shape mistake in call() when built, naming the layers and shapes', () => {
    class Mismatched extends Model {
      a = new Dense({ units: 4, name: 'four' });
      b = new Dense({ units: 5, name: 'five' });
      override call(x: Tensor): Tensor {
        return add(this.a.apply(x), this.b.apply(x));
      }
    }
    const m = new Mismatched({ name: 'mismatched' });
    const message =
      'Op "add" cannot be applied to the output of layer "four" (Dense) of shape [null,4] and the output of layer "five" (Dense) of shape [null,5]: add: shapes cannot be broadcast together: a.shape=[null,4], b.shape=[null,5] (axis -1 is 4 vs 5; each axis must be equal, or 1 in one of them)';
    expect(() => m.build([null, 3])).toThrow(message);
    expect(m.built).toBe(false);
    const xs = tensor([[1, 2, 3]]);
    expect(() => m.apply(xs)).toThrow(message);
    xs.dispose();
    m.dispose();
  });

  it('count weights they make themselves, and trace with integer inputs', () => {
    class Scaled extends Model {
      embed = new Embedding({ inputDim: 10, outputDim: 3, name: 'scaled_embed' });
      scale!: Variable;
      override build(shape: ShapeOrShapes): void {
        this.scale = this.addWeight('scale', [3], { initializer: 'ones' });
        super.build(shape);
      }
      override call(ids: Tensor): Tensor {
        return mul(this.embed.apply(ids), this.scale);
      }
    }
    const m = new Scaled({ name: 'scaled' });
    const ids = tensor([[1, 2, 3]], undefined, 'int32');
    const y = m.apply(ids);
    expect(y.shape).toEqual([1, 3, 3]);
    expect(m.weights.map((w) => w.name)).toEqual(['scaled/scale', 'scaled_embed/embeddings']);
    expect(m.inputs[0].dtype).toBe('int32');
    expect(m.countParams()).toBe(33);
    y.dispose();
    ids.dispose();
    m.dispose();
  });
});
