import { setBackend, add, concat, matmul, memory, mul, tensor, variable, zeros, type Tensor } from '@strata/tensor';
import { cpu } from '@strata/backend-cpu';
import { Add, Dense, Layer } from '@strata/layers';
import { GraphError, InputLayer, SymbolicTensor, input } from './index';
import { Graph, InputNode, LayerNode, OpNode, placeholder, scratch } from './internal';
import { TwoWays } from './testing';

const sym = (t: unknown) => t as SymbolicTensor;

beforeAll(async () => {
  await setBackend(cpu());
});

describe('input()', () => {
  it('makes a symbolic tensor with an unknown batch, from an InputLayer', () => {
    const x = input({ shape: [28, 28, 1], name: 'image' });
    expect(x).toBeInstanceOf(SymbolicTensor);
    expect([x.shape, x.dtype, x.rank, x.name]).toEqual([[null, 28, 28, 1], 'float32', 4, 'image']);
    expect(x.node).toBeInstanceOf(InputNode);
    const layer = (x.node as InputNode).layer as InputLayer;
    expect(layer).toBeInstanceOf(InputLayer);
    expect(layer.getConfig()).toMatchObject({
      name: 'image',
      batchInputShape: [null, 28, 28, 1],
      dtype: 'float32',
      sparse: false,
    });
    expect(input({ shape: [3], batchSize: 8, dtype: 'int32' }).shape).toEqual([8, 3]);
    expect(input({ batchShape: [null, null, 5] }).shape).toEqual([null, null, 5]);
    expect(String(x)).toBe('SymbolicTensor(shape=[null,28,28,1], dtype=float32, name=image)');
  });

  it('says what is wrong with its options', () => {
    expect(() => input({})).toThrow(
      'input: pass shape, the shape of one sample without the batch axis (e.g. {shape: [784]}), or batchShape',
    );
    expect(() => input({ shape: [3], batchShape: [null, 3] })).toThrow(
      'input: pass shape (without the batch axis) or batchShape (with it), not both',
    );
    expect(() => input({ shape: [3, -1] })).toThrow(
      'input: shape must be a list of non-negative integers or nulls, received [3,-1]',
    );
    expect(() => input({ shape: [3], batchSize: 0 })).toThrow(
      'input: batchSize must be a positive integer, received 0',
    );
    expect(() => input({ shape: [3], dtype: 'float64' as never })).toThrow(
      'input: dtype must be one of float32, int32, bool, received "float64"',
    );
  });

  it('holds no values: reading one names the mistake', () => {
    const x = input({ shape: [2], name: 'x_values' });
    expect(() => x.data()).toThrow(
      'data(): SymbolicTensor(shape=[null,2], dtype=float32, name=x_values) has no values, it is a placeholder in a graph being defined. Make a model from it (new Functional({inputs, outputs})) and call model.predict(x) or model.apply(x) on real tensors',
    );
    expect(() => x.dataSync()).toThrow(/dataSync\(\): .* has no values/);
  });
});

describe('recording layers and ops', () => {
  it('records a layer node, building the layer from the symbolic shape', () => {
    const x = input({ shape: [4] });
    const dense = new Dense({ units: 3 });
    const y = dense.apply(x);
    expect(y).toBeInstanceOf(SymbolicTensor);
    expect(y.shape).toEqual([null, 3]);
    expect(dense.built).toBe(true);
    expect(dense.kernel.shape).toEqual([4, 3]);
    const node = y.node as LayerNode;
    expect(node).toBeInstanceOf(LayerNode);
    expect([node.layer, node.inputs, node.outputs]).toEqual([dense, [x], [y]]);
    dense.dispose();
  });

  it('records ops as op nodes, with their shape rules and unknown batch', () => {
    const a = input({ shape: [3] });
    const b = input({ shape: [5] });
    const c = sym(concat([a as unknown as Tensor, b as unknown as Tensor], 1));
    expect(c.shape).toEqual([null, 8]);
    const node = c.node as OpNode;
    expect(node).toBeInstanceOf(OpNode);
    expect(node.def.name).toBe('concat');
    expect(node.inputs).toEqual([a, b]);
    const m = sym(matmul(c as unknown as Tensor, zeros([8, 2])));
    expect(m.shape).toEqual([null, 2]);
  });

  it('traces call() for the output of a layer without computeOutputShape, dtypes included', () => {
    const x = input({ shape: [6] });
    const outs = new TwoWays().apply(x) as unknown as SymbolicTensor[];
    expect(outs.map((o) => [o.shape, o.dtype])).toEqual([
      [[null, 6], 'float32'],
      [[null, 6], 'int32'],
    ]);
    expect(outs.map((o) => o.name)).toEqual(['two_ways:0', 'two_ways:1']);
    const same = new Layer({ name: 'pass_through' }).apply(x) as SymbolicTensor;
    expect(same.shape).toEqual([null, 6]);
  });

  it('owns the constants ops were given: JS values are taken over, caller tensors are shared', () => {
    const before = memory().numTensors;
    const x = input({ shape: [2] });
    const y = sym(add(x as unknown as Tensor, 1));
    // The temporary made from `1` was handed to the graph, which holds it as a constant.
    expect(memory().numTensors - before).toBe(1);
    expect((y.node as OpNode).constants.length).toBe(1);
    const mine = tensor([1, 2]);
    const z = sym(mul(y as unknown as Tensor, mine));
    mine.dispose(); // the graph holds its own handle on the data
    const [held] = (z.node as OpNode).constants;
    expect(held.isDisposed).toBe(false);
    expect(held.dataSync()).toEqual(new Float32Array([1, 2]));
    // A Variable is read, not copied: training updates reach the graph.
    const init = tensor([[1], [1]]);
    const w = variable(init);
    init.dispose();
    const m = sym(matmul(z as unknown as Tensor, w));
    expect((m.node as OpNode).constants).toEqual([]);
    for (const n of [y.node, z.node]) n.disposeConstants();
    w.dispose();
    expect(memory().numTensors).toBe(before);
  });

  it('frees what a scratch recording made', () => {
    const before = memory().numTensors;
    const x = placeholder({ shape: [null, 2], dtype: 'float32' });
    const out = scratch(() => sym(add(mul(x as unknown as Tensor, 3), tensor([1, 2]))));
    expect(out.shape).toEqual([null, 2]);
    expect(memory().numTensors).toBe(before);
  });
});

describe('definition-time errors name both sides and their shapes', () => {
  it('a layer that cannot take its input', () => {
    const x = input({ shape: [5], name: 'features' });
    const first = new Dense({ units: 3, name: 'first' });
    first.apply(input({ shape: [4], name: 'other' }));
    expect(() => first.apply(x)).toThrow(
      'Layer "first" (Dense) cannot be applied to input "features" of shape [null,5]: Input 0 of layer "first" is incompatible: expected axis -1 to have value 4, received shape [null,5]',
    );
    const h = new Dense({ units: 7, name: 'hidden' }).apply(x);
    expect(() => first.apply(h)).toThrow(
      'Layer "first" (Dense) cannot be applied to the output of layer "hidden" (Dense) of shape [null,7]: Input 0 of layer "first" is incompatible: expected axis -1 to have value 4, received shape [null,7]',
    );
    expect(() => first.apply(h)).toThrow(GraphError);
    try {
      first.apply(h);
    } catch (e) {
      // A rejected shape (not code that cannot run symbolically): subclassed models rethrow these at build.
      expect((e as GraphError).shapeMismatch).toBe(true);
    }
  });

  it('a merge layer given incompatible shapes', () => {
    const x = input({ shape: [3], name: 'merge_in' });
    const four = new Dense({ units: 4, name: 'four_wide' }).apply(x);
    const five = new Dense({ units: 5, name: 'five_wide' }).apply(x);
    const bad = new Add({ name: 'bad_add' });
    expect(() => bad.apply([four, five])).toThrow(
      'Layer "bad_add" (Add) cannot be applied to the output of layer "four_wide" (Dense) of shape [null,4] and the output of layer "five_wide" (Dense) of shape [null,5]: ' +
        'Add layer "bad_add": inputs have incompatible shapes [null,4] and [null,5] (inputs 0 and 1); after the batch axis each axis must be equal, or 1 in one of them',
    );
  });

  it('an op whose shape rule fails', () => {
    const a = new Dense({ units: 3, name: 'left' }).apply(input({ shape: [2], name: 'in_a' }));
    const b = input({ shape: [4], name: 'in_b' });
    expect(() => add(a as unknown as Tensor, b as unknown as Tensor)).toThrow(
      'Op "add" cannot be applied to the output of layer "left" (Dense) of shape [null,3] and input "in_b" of shape [null,4]: add: shapes cannot be broadcast together: a.shape=[null,3], b.shape=[null,4] (axis -1 is 3 vs 4; each axis must be equal, or 1 in one of them)',
    );
    expect(() => matmul(b as unknown as Tensor, zeros([3, 2]))).toThrow(
      /^Op "matmul" cannot be applied to input "in_b" of shape \[null,4\] and a constant of shape \[3,2\]: matmul: /,
    );
  });

  it('a graph whose outputs need an input it was not given', () => {
    const a = input({ shape: [2], name: 'a_in' });
    const b = input({ shape: [2], name: 'b_in' });
    const s = add(new Dense({ units: 2, name: 'da' }).apply(a) as unknown as Tensor, b as unknown as Tensor);
    expect(() => new Graph([a], [s], 'Functional "m"')).toThrow(
      'Graph disconnected: cannot obtain the value of input "b_in" of shape [null,2], needed by op "add": it is not one of the inputs of Functional "m" ("a_in"). ' +
        'Add it to inputs, or take outputs that do not depend on it. Reached from the outputs: "da", op "add"',
    );
    // Every missing input is named, the first one in full.
    const c = input({ shape: [2], name: 'c_in' });
    const t = add(s, c as unknown as Tensor);
    expect(() => new Graph([a], [t], 'Functional "m2"')).toThrow(
      /^Graph disconnected: cannot obtain the value of input "(b|c)_in" of shape \[null,2\] \(and "(b|c)_in"\), needed by op "add(_1)?"/,
    );
  });

  it('inputs or outputs that are not symbolic, repeated inputs, duplicate layer names', () => {
    const x = input({ shape: [2], name: 'dup_in' });
    expect(() => new Graph([x], [tensor([1])], 'Functional "m"')).toThrow(
      'Functional "m": outputs[0] must be a symbolic tensor (from input(), or a layer or op applied to one), received Tensor',
    );
    expect(() => new Graph([x, x], [x], 'Functional "m"')).toThrow(
      'Functional "m": the same tensor is given twice as an input, at positions 0 and 1 (input "dup_in" of shape [null,2])',
    );
    expect(() => new Graph([], [x], 'Functional "m"')).toThrow('Functional "m": inputs must not be empty');
    const y = new Dense({ units: 2, name: 'twin' }).apply(new Dense({ units: 2, name: 'twin' }).apply(x));
    expect(() => new Graph(x, y, 'Functional "m"')).toThrow(
      'Functional "m": the name "twin" is used 2 times in the model (Dense, Dense); layer names must be unique within a model: give one of them another name',
    );
  });
});

describe('Graph', () => {
  it('orders nodes for execution, lists layers once, counts reads', () => {
    const x = input({ shape: [4], name: 'g_in' });
    const shared = new Dense({ units: 4, name: 'shared' });
    const a = shared.apply(x);
    const b = shared.apply(a);
    const s = add(a as unknown as Tensor, b as unknown as Tensor);
    const g = new Graph(x, s);
    expect(g.nodes.map((n) => g.nameOf(n))).toEqual(['shared', 'shared', 'add']);
    expect(g.layers.map((l) => l.name)).toEqual(['g_in', 'shared']);
    expect(g.uses.get(a)).toBe(2);
    expect(g.nodesOf(shared).length).toBe(2);
    expect([g.sourceOf(a), g.sourceOf(b), g.sourceOf(x)]).toEqual(['shared[0][0]', 'shared[1][0]', 'g_in[0][0]']);
    expect(g.outputOf('shared', 1)).toBe(b);
    expect(g.outputOf('add')).toBe(s);
    expect(g.outputOf('g_in')).toBe(x);
    expect(() => g.outputOf('nope')).toThrow(
      'No layer or op named "nope" in this graph; it has: g_in, shared, shared, add',
    );
    expect(() => g.outputOf('shared', 2)).toThrow(
      '"shared" is called 2 time(s) in this graph; nodeIndex must be in [0, 1], received 2',
    );
  });

  it('can be cut at any tensors: the walk stops at the given inputs', () => {
    const x = input({ shape: [3], name: 'cut_in' });
    const h = new Dense({ units: 5, name: 'cut_a' }).apply(x);
    const y = new Dense({ units: 2, name: 'cut_b' }).apply(h);
    const head = new Graph(h, y);
    expect(head.nodes.map((n) => head.nameOf(n))).toEqual(['cut_b']);
    expect(head.layers.map((l) => l.name)).toEqual(['cut_b']);
    expect(head.nameOf(h.node)).toBe('cut_a');
    const body = new Graph(x, h);
    expect(body.layers.map((l) => l.name)).toEqual(['cut_in', 'cut_a']);
  });

  it('names op nodes per graph, avoiding layer names', () => {
    const x = input({ shape: [2], name: 'add' });
    const y = add(add(x as unknown as Tensor, 1), 2);
    const g = new Graph(x, y);
    expect(g.nodes.map((n) => g.nameOf(n))).toEqual(['add_1', 'add_2']);
    for (const n of g.nodes) n.disposeConstants();
  });
});
