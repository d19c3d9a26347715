// Seeded random architectures for the Keras-oracle tests: Sequential stacks, functional DAGs with
// several inputs and outputs and shared layers, nested models, masking, RNNs and attention. Each
// family draws its sizes and options from one PRNG, so case `arch_i` is the same on every run.
import type { Tensor } from '@strata/tensor';
import {
  Add,
  AdditiveAttention,
  Attention,
  AveragePooling2D,
  BatchNormalization,
  Bidirectional,
  Concatenate,
  Conv1D,
  Conv2D,
  Cropping1D,
  Dense,
  DepthwiseConv2D,
  Dot,
  Dropout,
  EinsumDense,
  Embedding,
  Flatten,
  GlobalAveragePooling1D,
  GlobalAveragePooling2D,
  GlobalMaxPooling1D,
  GroupNormalization,
  GRU,
  LayerNormalization,
  LSTM,
  MaxPooling1D,
  MaxPooling2D,
  Multiply,
  MultiHeadAttention,
  Permute,
  RepeatVector,
  Reshape,
  SeparableConv2D,
  SimpleRNN,
  TimeDistributed,
  UnitNormalization,
  UpSampling1D,
  ZeroPadding1D,
  clearSession,
  type Layer,
} from '@strata/layers';
import { input, type SymbolicTensor } from '@strata/graph';
import { Functional, Sequential, type Model } from '@strata/models';
import { randomInputs, randomizeWeights, type OracleCase } from './cases';

export const ARCHITECTURE_COUNT = 60;

type Rng = () => number;

/** mulberry32: a small seeded PRNG (the tests' only source of architecture randomness). */
function rng(seed: number): Rng {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}
const int = (r: Rng, lo: number, hi: number) => lo + Math.floor(r() * (hi - lo + 1));
const pick = <T>(r: Rng, xs: readonly T[]): T => xs[Math.floor(r() * xs.length)];
const chance = (r: Rng, p = 0.5) => r() < p;

const ACTIVATIONS = [
  'relu',
  'tanh',
  'sigmoid',
  'linear',
  'gelu',
  'swish',
  'elu',
  'softplus',
  'selu',
  'hard_sigmoid',
] as const;

interface Built {
  model: Model;
  shapes: number[][];
  intMax?: number;
}

const sym = (x: unknown) => x as SymbolicTensor;

function sequentialMlp(r: Rng): Built {
  const width = int(r, 2, 6);
  const layers: Layer[] = [];
  for (let i = int(r, 1, 4); i > 0; i--) {
    layers.push(new Dense({ units: int(r, 2, 7), activation: pick(r, ACTIVATIONS), useBias: chance(r, 0.8) }));
    const extra = int(r, 0, 3);
    if (extra === 1)
      layers.push(
        new BatchNormalization({ momentum: 0.9, epsilon: 1e-3, center: chance(r, 0.8), scale: chance(r, 0.8) }),
      );
    if (extra === 2) layers.push(new LayerNormalization({ epsilon: 1e-3 }));
    if (extra === 3) layers.push(new Dropout({ rate: 0.3 }));
  }
  layers.push(new Dense({ units: int(r, 1, 4), activation: pick(r, ['linear', 'softmax'] as const) }));
  return { model: new Sequential([input({ shape: [width] }), ...layers]), shapes: [[width]] };
}

function sequentialConv(r: Rng): Built {
  const size = int(r, 6, 9);
  const channels = int(r, 1, 3);
  const layers: Layer[] = [
    new Conv2D({
      filters: int(r, 2, 4),
      kernelSize: int(r, 2, 3),
      padding: pick(r, ['same', 'valid'] as const),
      activation: 'relu',
    }),
  ];
  const middle = int(r, 0, 3);
  if (middle === 0) layers.push(new MaxPooling2D({ poolSize: 2 }));
  if (middle === 1) layers.push(new AveragePooling2D({ poolSize: 2, strides: 1 }));
  if (middle === 2) layers.push(new DepthwiseConv2D({ kernelSize: 2, depthMultiplier: int(r, 1, 2) }));
  if (middle === 3) layers.push(new SeparableConv2D({ filters: 3, kernelSize: 2, padding: 'same' }));
  if (chance(r)) layers.push(new BatchNormalization());
  if (chance(r)) layers.push(new Conv2D({ filters: 2, kernelSize: 2, strides: 2, padding: 'same', dilationRate: 1 }));
  layers.push(chance(r) ? new Flatten() : new GlobalAveragePooling2D());
  layers.push(new Dense({ units: int(r, 1, 4) }));
  return {
    model: new Sequential([input({ shape: [size, size, channels] }), ...layers]),
    shapes: [[size, size, channels]],
  };
}

function recurrent(r: Rng, units: number, returnSequences: boolean): LSTM | GRU | SimpleRNN {
  const kind = int(r, 0, 2);
  const common = { units, returnSequences, goBackwards: chance(r, 0.3) };
  if (kind === 0) return new LSTM({ ...common, unitForgetBias: chance(r) });
  if (kind === 1) return new GRU({ ...common, resetAfter: chance(r, 0.7) });
  return new SimpleRNN({ ...common, activation: pick(r, ['tanh', 'relu'] as const) });
}

function convRnn(r: Rng): Built {
  const steps = int(r, 4, 7);
  const features = int(r, 2, 4);
  const x = input({ shape: [steps, features] });
  let h = sym(
    new Conv1D({
      filters: int(r, 2, 4),
      kernelSize: 2,
      padding: pick(r, ['same', 'causal'] as const),
      activation: 'relu',
    }).apply(x),
  );
  const sequences = chance(r);
  const rnn = recurrent(r, int(r, 2, 4), sequences);
  h = sym(
    (chance(r)
      ? new Bidirectional({ layer: rnn, mergeMode: pick(r, ['concat', 'sum', 'ave', 'mul'] as const) })
      : rnn
    ).apply(h),
  );
  if (sequences)
    h = sym(
      (chance(r) ? new GlobalMaxPooling1D() : new Flatten()).apply(
        sym(new TimeDistributed({ layer: new Dense({ units: 2 }) }).apply(h)),
      ),
    );
  return {
    model: new Functional({ inputs: x, outputs: new Dense({ units: int(r, 1, 3) }).apply(h) }),
    shapes: [[steps, features]],
  };
}

function maskedRnn(r: Rng): Built {
  const steps = int(r, 4, 7);
  const vocab = int(r, 5, 12);
  const x = input({ shape: [steps], dtype: 'int32' });
  let h = sym(new Embedding({ inputDim: vocab, outputDim: int(r, 2, 4), maskZero: true }).apply(x));
  const sequences = chance(r);
  h = sym(recurrent(r, int(r, 2, 4), sequences).apply(h));
  if (sequences) h = sym((chance(r) ? new GlobalAveragePooling1D() : recurrent(r, 2, false)).apply(h));
  return {
    model: new Functional({ inputs: x, outputs: new Dense({ units: 2, activation: 'sigmoid' }).apply(h) }),
    shapes: [[steps]],
    intMax: vocab,
  };
}

function multiInputOutput(r: Rng): Built {
  const width = int(r, 2, 5);
  const a = input({ shape: [width], name: 'left' });
  const b = input({ shape: [width], name: 'right' });
  const shared = new Dense({ units: int(r, 2, 5), activation: pick(r, ACTIVATIONS) });
  const [ha, hb] = [sym(shared.apply(a)), sym(shared.apply(b))];
  const merge = int(r, 0, 3);
  const merged = sym(
    merge === 0
      ? new Add().apply([ha, hb])
      : merge === 1
        ? new Multiply().apply([ha, hb])
        : merge === 2
          ? new Concatenate().apply([ha, hb])
          : new Dot({ axes: 1, normalize: chance(r) }).apply([ha, hb]),
  );
  const outputs = [
    sym(new Dense({ units: 1, activation: 'sigmoid', name: 'score' }).apply(merged)),
    sym(new Dense({ units: 3, activation: 'softmax', name: 'classes' }).apply(shared.apply(a))),
  ];
  if (chance(r)) outputs.push(sym(new Concatenate({ axis: -1 }).apply([ha, merged])));
  return { model: new Functional({ inputs: [a, b], outputs }), shapes: [[width], [width]] };
}

function nested(r: Rng): Built {
  const width = int(r, 2, 5);
  const x = input({ shape: [width] });
  const innerSeq = new Sequential([
    new Dense({ units: int(r, 2, 4), activation: 'relu' }),
    new Dense({ units: width }),
  ]);
  const ix = input({ shape: [width] });
  const inner = new Functional({
    inputs: ix,
    outputs: new Add().apply([ix, new Dense({ units: width, activation: 'tanh' }).apply(ix)]),
  });
  let h = sym(innerSeq.apply(x));
  h = sym(inner.apply(h));
  if (chance(r)) h = sym(inner.apply(h)); // a nested model called twice shares its weights
  if (chance(r))
    h = sym(new Sequential([new Sequential([new Dense({ units: 3 })]), new BatchNormalization()]).apply(h));
  return { model: new Functional({ inputs: x, outputs: [h, new Dense({ units: 2 }).apply(h)] }), shapes: [[width]] };
}

function transformer(r: Rng): Built {
  const steps = int(r, 3, 6);
  const dim = pick(r, [4, 6, 8]);
  const x = input({ shape: [steps, dim] });
  const heads = int(r, 1, 3);
  // valueDim stays keyDim: Keras 3.15.1 on JAX cannot run a MultiHeadAttention whose value_dim
  // differs (KERAS-GAPS.md).
  const keyDim = int(r, 2, 4);
  const mha = new MultiHeadAttention({
    numHeads: heads,
    keyDim,
    valueDim: chance(r) ? keyDim : null,
    useBias: chance(r, 0.8),
  });
  const attended = sym(mha.apply([x, x], { useCausalMask: chance(r, 0.3) }));
  let h = sym(new LayerNormalization({ epsilon: 1e-6 }).apply(sym(new Add().apply([x, attended]))));
  const ffn = sym(new Dense({ units: dim }).apply(sym(new Dense({ units: 2 * dim, activation: 'gelu' }).apply(h))));
  h = sym(new LayerNormalization().apply(sym(new Add().apply([h, ffn]))));
  return {
    model: new Functional({
      inputs: x,
      outputs: new Dense({ units: 2 }).apply(sym(new GlobalAveragePooling1D().apply(h))),
    }),
    shapes: [[steps, dim]],
  };
}

function crossAttention(r: Rng): Built {
  const [tq, tv, dim] = [int(r, 2, 5), int(r, 2, 6), int(r, 2, 5)];
  const q = input({ shape: [tq, dim] });
  const v = input({ shape: [tv, dim] });
  const kind = int(r, 0, 2);
  const att =
    kind === 0
      ? new Attention({ useScale: chance(r), scoreMode: pick(r, ['dot', 'concat'] as const) })
      : kind === 1
        ? new AdditiveAttention({ useScale: chance(r) })
        : new MultiHeadAttention({ numHeads: 2, keyDim: 2, outputShape: chance(r) ? int(r, 2, 4) : null });
  const h = sym(att.apply([q, v]));
  return {
    model: new Functional({ inputs: [q, v], outputs: new Dense({ units: 2 }).apply(sym(new Flatten().apply(h))) }),
    shapes: [
      [tq, dim],
      [tv, dim],
    ],
  };
}

function reshaping(r: Rng): Built {
  const [steps, features] = [int(r, 4, 6), int(r, 2, 4)];
  const layers: Layer[] = [
    new ZeroPadding1D({ padding: int(r, 0, 2) }),
    new Conv1D({ filters: features, kernelSize: 2, strides: int(r, 1, 2), dilationRate: 1 }),
    chance(r) ? new UpSampling1D({ size: 2 }) : new MaxPooling1D({ poolSize: 2, padding: 'same' }),
    new Cropping1D({ cropping: [1, 0] }),
    new Permute({ dims: [2, 1] }),
    new Flatten(),
    new RepeatVector({ n: 2 }),
    new Reshape({ targetShape: [-1] }),
    new Dense({ units: 2 }),
  ];
  return { model: new Sequential([input({ shape: [steps, features] }), ...layers]), shapes: [[steps, features]] };
}

function keras3Layers(r: Rng): Built {
  const [steps, features] = [int(r, 2, 4), pick(r, [4, 6])];
  const x = input({ shape: [steps, features] });
  let h = sym(
    new EinsumDense({
      equation: 'abc,cd->abd',
      outputShape: [null, 4],
      biasAxes: chance(r) ? 'd' : null,
      activation: pick(r, ACTIVATIONS),
    }).apply(x),
  );
  h = sym(new GroupNormalization({ groups: pick(r, [1, 2, 4]), epsilon: 1e-3 }).apply(h));
  if (chance(r)) h = sym(new UnitNormalization({ axis: -1 }).apply(h));
  h = sym(new EinsumDense({ equation: 'abc,cde->abde', outputShape: [null, 2, 3], biasAxes: 'de' }).apply(h));
  return {
    model: new Functional({ inputs: x, outputs: new Reshape({ targetShape: [steps * 6] }).apply(h) }),
    shapes: [[steps, features]],
  };
}

const FAMILIES = [
  sequentialMlp,
  sequentialConv,
  convRnn,
  maskedRnn,
  multiInputOutput,
  nested,
  transformer,
  crossAttention,
  reshaping,
  keras3Layers,
];

/** ARCHITECTURE_COUNT models, cycling through the families, each family drawing from its own seed. */
export function architectureCases(): OracleCase[] {
  return Array.from({ length: ARCHITECTURE_COUNT }, (_, i) => {
    clearSession();
    const { model, shapes, intMax } = FAMILIES[i % FAMILIES.length](rng(20261206 + i));
    randomizeWeights(model, 500 + i);
    return {
      name: `arch_${i}`,
      model,
      inputs: randomInputs(shapes, 500 + i, intMax, 3, intMax !== undefined) as Tensor[],
    };
  });
}
