// The shapes and values the layer doc comments' @example blocks state, computed (the examples that
// run on eager tensors; those building a Sequential need @strata/models). Values are hand-computed
// from each layer's formula.
import {
  add,
  div,
  mul,
  ones,
  randomNormal,
  scalar,
  square,
  tensor,
  type Shape,
  type Tensor,
  type Variable,
} from '@strata/tensor';
import { useCpuBackend } from './testing/core-layer-oracle';
import { Layer, type ShapeOrShapes } from './layer';
import * as L from './index';
import * as I from './internal';

useCpuBackend();

function close(got: ArrayLike<number>, want: readonly number[], tol = 2e-3): void {
  expect(got.length).toBe(want.length);
  want.forEach((w, i) => expect(Math.abs(got[i] - w)).toBeLessThanOrEqual(tol));
}

/** Applies `layer` to `x` and returns the output (the first one of a list), freeing the layer's weights. */
function run(layer: Layer, x: Tensor | Tensor[], options = {}): Tensor {
  const out = layer.apply(x as never, options) as Tensor | Tensor[];
  layer.dispose();
  return Array.isArray(out) ? out[0] : out;
}

test.each([
  ['Dense', () => new L.Dense({ units: 4 }), [2, 3], [2, 4]],
  [
    'EinsumDense',
    () => new L.EinsumDense({ equation: 'abc,cd->abd', outputShape: [null, 64], biasAxes: 'd' }),
    [2, 10, 16],
    [2, 10, 64],
  ],
  ['Identity', () => new L.Identity(), [2, 3], [2, 3]],
  ['Conv3D', () => new L.Conv3D({ filters: 8, kernelSize: 3 }), [1, 10, 10, 10, 2], [1, 8, 8, 8, 8]],
  [
    'Conv1DTranspose',
    () => new L.Conv1DTranspose({ filters: 4, kernelSize: 3, strides: 2, padding: 'same' }),
    [1, 10, 8],
    [1, 20, 4],
  ],
  [
    'Conv3DTranspose',
    () => new L.Conv3DTranspose({ filters: 2, kernelSize: 2, strides: 2 }),
    [1, 4, 4, 4, 3],
    [1, 8, 8, 8, 2],
  ],
  ['DepthwiseConv1D', () => new L.DepthwiseConv1D({ kernelSize: 3, depthMultiplier: 2 }), [1, 10, 4], [1, 8, 8]],
  [
    'DepthwiseConv2D',
    () => new L.DepthwiseConv2D({ kernelSize: 3, padding: 'same' }),
    [1, 32, 32, 16],
    [1, 32, 32, 16],
  ],
  ['SeparableConv1D', () => new L.SeparableConv1D({ filters: 8, kernelSize: 3 }), [1, 10, 4], [1, 8, 8]],
  [
    'SeparableConv2D',
    () => new L.SeparableConv2D({ filters: 32, kernelSize: 3, padding: 'same' }),
    [1, 16, 16, 8],
    [1, 16, 16, 32],
  ],
  ['AveragePooling2D', () => new L.AveragePooling2D({ poolSize: 2 }), [1, 4, 4, 3], [1, 2, 2, 3]],
  ['GlobalMaxPooling2D', () => new L.GlobalMaxPooling2D(), [2, 8, 8, 16], [2, 16]],
  ['CenterCrop', () => new L.CenterCrop({ height: 24, width: 24 }), [1, 32, 32, 3], [1, 24, 24, 3]],
  ['Resizing', () => new L.Resizing({ height: 64, width: 64 }), [1, 32, 48, 3], [1, 64, 64, 3]],
  ['Cropping1D', () => new L.Cropping1D({ cropping: [1, 2] }), [2, 10, 3], [2, 7, 3]],
  [
    'Cropping2D',
    () =>
      new L.Cropping2D({
        cropping: [
          [2, 2],
          [4, 4],
        ],
      }),
    [1, 28, 28, 3],
    [1, 24, 20, 3],
  ],
  ['Flatten', () => new L.Flatten(), [2, 3, 4], [2, 12]],
  ['Permute', () => new L.Permute({ dims: [2, 1] }), [2, 10, 64], [2, 64, 10]],
  ['Reshape', () => new L.Reshape({ targetShape: [3, -1] }), [2, 12], [2, 3, 4]],
  ['UpSampling2D', () => new L.UpSampling2D({ size: 2, interpolation: 'bilinear' }), [1, 8, 8, 3], [1, 16, 16, 3]],
  ['ZeroPadding1D', () => new L.ZeroPadding1D({ padding: 2 }), [1, 5, 3], [1, 9, 3]],
  ['ZeroPadding2D', () => new L.ZeroPadding2D({ padding: 1 }), [1, 28, 28, 3], [1, 30, 30, 3]],
  [
    'RNN over an LSTMCell',
    () => new L.RNN({ cell: new L.LSTMCell({ units: 32 }), returnSequences: true }),
    [4, 10, 8],
    [4, 10, 32],
  ],
  ['SimpleRNN', () => new L.SimpleRNN({ units: 16 }), [4, 10, 8], [4, 16]],
  ['GRU with returnState', () => new L.GRU({ units: 32, returnState: true }), [4, 10, 8], [4, 32]],
  ['TimeDistributed', () => new L.TimeDistributed({ layer: new L.Dense({ units: 8 }) }), [2, 10, 16], [2, 10, 8]],
] as const)('the %s example gives the stated shape', (_name, make, inputShape, want) => {
  const x = ones(inputShape as unknown as number[]);
  const y = run(make() as Layer, x);
  expect(y.shape).toEqual(want);
  x.dispose();
  y.dispose();
});

test.each([
  ['ELU', () => new L.ELU({ alpha: 1 }), [-1, 0, 2], [-0.632, 0, 2]],
  ['LeakyReLU', () => new L.LeakyReLU({ negativeSlope: 0.1 }), [-2, 3], [-0.2, 3]],
  ['ReLU', () => new L.ReLU({ maxValue: 6 }), [-1, 3, 9], [0, 3, 6]],
  ['Activation', () => new L.Activation({ activation: 'relu' }), [-1, 2], [0, 2]],
  ['Softmax', () => new L.Softmax(), [[1, 2, 3]], [0.09, 0.245, 0.665]],
  ['LayerNormalization', () => new L.LayerNormalization(), [[1, 2, 3]], [-1.2238, 0, 1.2238]],
  ['UnitNormalization', () => new L.UnitNormalization(), [[3, 4]], [0.6, 0.8]],
  ['MaxPooling1D', () => new L.MaxPooling1D({ poolSize: 2 }), [[[1], [3], [2], [5]]], [3, 5]],
  ['AveragePooling1D', () => new L.AveragePooling1D({ poolSize: 2 }), [[[1], [3], [2], [6]]], [2, 4]],
  [
    'GlobalAveragePooling1D',
    () => new L.GlobalAveragePooling1D(),
    [
      [
        [1, 2],
        [3, 4],
      ],
    ],
    [2, 3],
  ],
  [
    'GlobalMaxPooling1D',
    () => new L.GlobalMaxPooling1D(),
    [
      [
        [1, 4],
        [3, 2],
      ],
    ],
    [3, 4],
  ],
  ['RepeatVector', () => new L.RepeatVector({ n: 3 }), [[1, 2]], [1, 2, 1, 2, 1, 2]],
  ['UpSampling1D', () => new L.UpSampling1D({ size: 2 }), [[[1], [2]]], [1, 1, 2, 2]],
] as const)('the %s example gives the stated values', (_name, make, input, want) => {
  const x = tensor(input as never);
  const y = run(make() as Layer, x);
  close(y.dataSync(), want);
  x.dispose();
  y.dispose();
});

test.each([
  ['Add', () => new L.Add(), [[[1, 1]], [[1, 1]]], [2, 2]],
  ['Average', () => new L.Average(), [[[1, 2]], [[3, 4]]], [2, 3]],
  ['Maximum', () => new L.Maximum(), [[[1, 5]], [[3, 2]]], [3, 5]],
  ['Minimum', () => new L.Minimum(), [[[1, 5]], [[3, 2]]], [1, 2]],
  ['Multiply', () => new L.Multiply(), [[[1, 2]], [[3, 4]]], [3, 8]],
  ['Subtract', () => new L.Subtract(), [[[5, 5]], [[1, 2]]], [4, 3]],
  [
    'Dot',
    () => new L.Dot({ axes: 1 }),
    [
      [
        [1, 1, 1],
        [1, 1, 1],
      ],
      [
        [1, 1, 1],
        [1, 1, 1],
      ],
    ],
    [3, 3],
  ],
] as const)('the %s example gives the stated values', (_name, make, inputs, want) => {
  const xs = inputs.map((v) => tensor(v as never));
  const y = run(make() as Layer, xs);
  close(y.dataSync(), want);
  for (const x of xs) x.dispose();
  y.dispose();
});

test('the Concatenate and AdditiveAttention examples give the stated shapes', () => {
  const a = ones([2, 3]);
  const b = ones([2, 5]);
  const joined = run(new L.Concatenate({ axis: -1 }), [a, b]);
  expect(joined.shape).toEqual([2, 8]);
  const q = ones([2, 8, 16]);
  const v = ones([2, 12, 16]);
  const context = run(new L.AdditiveAttention(), [q, v]);
  expect(context.shape).toEqual([2, 8, 16]);
  for (const t of [a, b, joined, q, v, context]) t.dispose();
});

test('the GroupNormalization, PReLU, Lambda, Normalization and ActivityRegularization examples', () => {
  const x = randomNormal([2, 8, 8, 16], { seed: 1 });
  const grouped = run(new L.GroupNormalization({ groups: 4 }), x);
  expect(grouped.shape).toEqual([2, 8, 8, 16]);

  const prelu = new L.PReLU({ sharedAxes: [1, 2] });
  prelu.build([null, 28, 28, 16]);
  expect(prelu.alpha.shape).toEqual([1, 1, 16]);
  prelu.dispose();

  L.registerLambda('double', (t) => mul(t as Tensor, 2));
  const pair = tensor([1, 2]);
  const doubled = run(new L.Lambda({ function: 'double' }), pair);
  expect(Array.from(doubled.dataSync())).toEqual([2, 4]);
  L.unregisterLambda('double');

  const norm = new L.Normalization({ axis: -1 });
  const data = tensor([
    [0, 10],
    [2, 30],
  ]);
  norm.adapt(data);
  const row = tensor([[1, 30]]);
  const normalized = run(norm, row);
  close(normalized.dataSync(), [0, 1]);

  const reg = new L.ActivityRegularization({ l1: 0.01 });
  const input = tensor([[1, -2]]);
  const passed = reg.apply(input) as Tensor;
  const [penalty] = reg.losses;
  close(penalty.dataSync(), [0.03], 1e-6);
  reg.dispose();
  for (const t of [x, grouped, pair, doubled, data, row, normalized, input, passed, penalty]) t.dispose();
});

test("the Layer class's subclassing example", () => {
  class Scale extends Layer {
    static override className = 'Scale';
    scale!: Variable;
    override build(inputShape: ShapeOrShapes): void {
      const shape = inputShape as Shape;
      this.scale = this.addWeight('scale', [shape[shape.length - 1] as number], { initializer: 'ones' });
      this.built = true;
    }
    override call(x: Tensor): Tensor {
      return mul(x, this.scale);
    }
  }
  const x = ones([2, 3]);
  const y = run(new Scale(), x);
  expect(y.shape).toEqual([2, 3]);
  x.dispose();
  y.dispose();
});

test('the initializer, regularizer, constraint and getActivation examples', () => {
  const read = (t: Tensor): number[] => {
    const v = Array.from(t.dataSync());
    t.dispose();
    return v;
  };
  expect(read(new L.IdentityInitializer({ gain: 2 }).call([2, 3]))).toEqual([2, 0, 0, 0, 2, 0]);
  expect(read(new L.Constant({ value: 0.1 }).call([3]))).toEqual([0.1, 0.1, 0.1].map(Math.fround));
  const w = tensor([1, -2]);
  close(read(new L.L1({ l1: 0.1 }).call(w)), [0.3], 1e-6);
  close(read(new L.L2({ l2: 0.1 }).call(w)), [0.5], 1e-6);
  close(read(new L.L1L2({ l1: 0.1, l2: 0.1 }).call(w)), [0.8], 1e-6);
  w.dispose();
  const mixed = tensor([-1, 2]);
  close(read(new L.NonNeg().call(mixed)), [0, 2], 0);
  mixed.dispose();
  const signs = tensor([-1, 1]);
  close(read(L.getActivation('leaky_relu')(signs)), [-0.2, 1], 1e-6);
  signs.dispose();
  const column = tensor([[3], [4]]);
  close(read(new L.MaxNorm({ maxValue: 1 }).call(column)), [0.6, 0.8], 1e-5);
  close(read(new L.UnitNorm().call(column)), [0.6, 0.8], 1e-5);
  column.dispose();
  expect(L.getRegularizer('l2')).toBeInstanceOf(L.L2);
  expect(L.getConstraint('non_neg')).toBeInstanceOf(L.NonNeg);
  expect(L.getInitializer('glorot_uniform')).toBeInstanceOf(L.GlorotUniform);
});

test('the naming, maskOf, catalog and serialize examples', () => {
  expect(I.toSnakeCase('Conv2DTranspose')).toBe('conv2d_transpose');
  L.clearSession();
  expect(new L.Dense({ units: 1 }).name).toBe('dense');
  expect(new L.Dense({ units: 1 }).name).toBe('dense_1');
  L.clearSession();
  expect(new L.Dense({ units: 1 }).name).toBe('dense');
  const ids = tensor([[3, 7, 0, 0]], [1, 4], 'int32');
  const embedding = new L.Embedding({ inputDim: 10, outputDim: 4, maskZero: true });
  const vectors = embedding.apply(ids);
  expect(Array.from(I.maskOf(vectors)?.dataSync() ?? [])).toEqual([1, 1, 0, 0]);
  embedding.dispose();
  for (const t of [ids, vectors]) t.dispose();
  const Cls = I.builtInLayerClass('Dense');
  expect(Cls).toBe(L.Dense);
  const layer = L.layerFromConfig(Cls as L.LayerClass, { units: 4 }, I.resolveBuiltInLayerClass) as L.Dense;
  expect(layer.units).toBe(4);
  expect(L.serialize(new L.L2({ l2: 0.001 }))).toEqual({ className: 'L2', config: { l2: 0.001 } });
});

test('the helper and base-class examples', () => {
  const table = new I.ClassTable<L.Initializer>('initializer', L.Initializer);
  table.register(L.Zeros, L.Ones);
  expect(table.get('ones')).toBeInstanceOf(L.Ones);
  expect(() => new L.Dense({ units: 0 })).toThrow(L.LayerError);
  expect(I.computeFans([3, 3, 16, 32])).toEqual([144, 288]);
  expect(() => I.assertInputCompatible('dense', { minNdim: 2 }, [{ shape: [3], dtype: 'float32' }])).toThrow();
  expect(I.builtInLayerClasses().map((cls) => cls.className)).toEqual(
    expect.arrayContaining(['Dense', 'Conv2D', 'LSTM']),
  );
  const total = I.sumLosses([scalar(1), scalar(2)]);
  const none = I.sumLosses([]);
  expect([...total.dataSync(), ...none.dataSync()]).toEqual([3, 0]);
  total.dispose();
  none.dispose();
  expect(I.classNameOf(new L.Dense({ units: 1 }))).toBe('Dense');
  expect(L.serializeActivation(L.getActivation('gelu'))).toBe('gelu');

  class MyConv2D extends I.BaseConv {
    static override className = 'MyConv2D';
    constructor(args: I.BaseConvArgs) {
      super(2, args);
    }
  }
  class MyMaxPooling2D extends I.BasePooling {
    static override className = 'MyMaxPooling2D';
    constructor(args: I.BasePoolingArgs = {}) {
      super(2, 'max', 2, args);
    }
  }
  class MyGlobalAveragePooling2D extends I.BaseGlobalPooling {
    static override className = 'MyGlobalAveragePooling2D';
    constructor(args: I.BaseGlobalPoolingArgs = {}) {
      super(2, 'average', args);
    }
  }
  const image = ones([1, 8, 8, 2]);
  const conv = run(new MyConv2D({ filters: 3, kernelSize: 3 }), image);
  const pooled = run(new MyMaxPooling2D(), image);
  const mean = run(new MyGlobalAveragePooling2D(), image);
  expect([conv.shape, pooled.shape, mean.shape]).toEqual([
    [1, 6, 6, 3],
    [1, 4, 4, 2],
    [1, 2],
  ]);

  class MeanSquare extends I.Merge {
    static override className = 'MeanSquare';
    protected override mergeFunction(inputs: Tensor[]): Tensor {
      return div(
        inputs.map((x) => square(x)).reduce((a, b) => add(a, b)),
        inputs.length,
      );
    }
  }
  const a = tensor([[1, 2]]);
  const b = tensor([[3, 4]]);
  const merged = run(new MeanSquare(), [a, b]);
  expect(Array.from(merged.dataSync())).toEqual([5, 10]);

  class SumCell extends L.RNNCell {
    static override className = 'SumCell';
    constructor(readonly units: number) {
      super();
    }
    get stateSize(): number {
      return this.units;
    }
    protected buildCell(): void {}
    step(x: Tensor, [h]: readonly Tensor[]): [Tensor, Tensor[]] {
      const next = add(h, x);
      return [next, [next]];
    }
  }
  const sequence = ones([2, 5, 3]);
  const summed = run(new L.RNN({ cell: new SumCell(3) }), sequence);
  expect(summed.shape).toEqual([2, 3]);
  expect(Array.from(summed.dataSync())).toEqual(new Array(6).fill(5));
  for (const t of [image, conv, pooled, mean, a, b, merged, sequence, summed]) t.dispose();

  L.registerLambda('square', (x) => mul(x as Tensor, x as Tensor));
  L.unregisterLambda('square');
  expect(() => L.registerLambda('square', (x) => x)).not.toThrow();
  L.unregisterLambda('square');
});
