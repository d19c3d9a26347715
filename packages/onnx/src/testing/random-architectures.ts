// Test-only: seeded random architectures (fast-check draws the choices; a builder turns them into a
// model that is valid by construction). Vectors, images and sequences; Sequential stacks,
// Functional DAGs with residual and concatenated branches, and subclassed models whose call() mixes
// layers with raw ops.
import fc from 'fast-check';
import * as L from '@strata/layers';
import * as ops from '@strata/tensor';
import { input, type SymbolicTensor } from '@strata/graph';
import { Functional, Model, Sequential } from '@strata/models';
import type { Tensor } from '@strata/tensor';
import type { InputSpec } from './ort-oracle';
import type { ModelCase } from './layer-cases';

type Kind = 'vector' | 'image' | 'sequence';
type Style = 'sequential' | 'functional' | 'subclassed';

export interface Architecture {
  kind: Kind;
  style: Style;
  choices: number[];
}

const ACTS = [
  'relu',
  'tanh',
  'sigmoid',
  'elu',
  'selu',
  'gelu',
  'swish',
  'softplus',
  'leaky_relu',
  'linear',
  'hard_sigmoid',
  'mish',
];

/** Draws from the choices in turn (wrapping), so every architecture is valid and reproducible. */
class Picker {
  #i = 0;
  constructor(readonly choices: readonly number[]) {}
  int(n: number): number {
    return this.choices[this.#i++ % this.choices.length] % n;
  }
  pick<T>(xs: readonly T[]): T {
    return xs[this.int(xs.length)];
  }
}

/** One block: a function of the current tensor that keeps track of its shape. */
type Step = (x: SymbolicTensor, p: Picker) => SymbolicTensor;
const apply = (layer: L.Layer, x: SymbolicTensor | SymbolicTensor[]) =>
  layer.apply(x as SymbolicTensor) as SymbolicTensor;

const vectorSteps: Step[] = [
  (x, p) => apply(new L.Dense({ units: 2 + p.int(6), activation: p.pick(ACTS) }), x),
  (x) => apply(new L.BatchNormalization({}), x),
  (x) => apply(new L.LayerNormalization({}), x),
  (x) => apply(new L.Dropout({ rate: 0.3 }), x),
  (x, p) => apply(new L.Activation({ activation: p.pick(ACTS) }), x),
  (x, p) => apply(new L.Add({}), [x, apply(new L.Dense({ units: x.shape[1] as number, activation: p.pick(ACTS) }), x)]),
  (x, p) => apply(new L.Concatenate({}), [x, apply(new L.Dense({ units: 1 + p.int(4) }), x)]),
  (x, p) =>
    apply(p.pick([new L.Multiply({}), new L.Maximum({}), new L.Average({})]), [
      x,
      apply(new L.Dense({ units: x.shape[1] as number }), x),
    ]),
];

const imageSteps: Step[] = [
  (x, p) =>
    apply(
      new L.Conv2D({
        filters: 2 + p.int(4),
        kernelSize: 1 + p.int(3),
        padding: 'same',
        activation: p.pick(ACTS),
        strides: 1 + p.int(2),
      }),
      x,
    ),
  (x, p) => apply(new L.DepthwiseConv2D({ kernelSize: 3, padding: 'same', depthMultiplier: 1 + p.int(2) }), x),
  (x, p) =>
    apply(
      new L.SeparableConv2D({ filters: 2 + p.int(4), kernelSize: 3, padding: 'same', activation: p.pick(ACTS) }),
      x,
    ),
  (x, p) =>
    apply(
      p.pick([
        new L.MaxPooling2D({ poolSize: 2, padding: 'same' }),
        new L.AveragePooling2D({ poolSize: 2, padding: 'same' }),
      ]),
      x,
    ),
  (x) => apply(new L.BatchNormalization({}), x),
  (x, p) =>
    apply(new L.Add({}), [
      x,
      apply(
        new L.Conv2D({ filters: x.shape[3] as number, kernelSize: 3, padding: 'same', activation: p.pick(ACTS) }),
        x,
      ),
    ]),
  (x, p) => apply(new L.Concatenate({}), [x, apply(new L.Conv2D({ filters: 1 + p.int(3), kernelSize: 1 }), x)]),
  (x, p) =>
    apply(
      new L.Conv2DTranspose({
        filters: 2 + p.int(3),
        kernelSize: 2 + p.int(2),
        strides: 1 + p.int(2),
        padding: 'same',
      }),
      x,
    ),
  (x) => apply(new L.ZeroPadding2D({ padding: 1 }), x),
  (x) => apply(new L.SpatialDropout2D({ rate: 0.2 }), x),
];

const sequenceSteps: Step[] = [
  (x, p) =>
    apply(
      p.pick([
        new L.LSTM({ units: 2 + p.int(4), returnSequences: true }),
        new L.GRU({ units: 2 + p.int(4), returnSequences: true, resetAfter: p.int(2) === 0 }),
      ]),
      x,
    ),
  (x, p) => apply(new L.SimpleRNN({ units: 2 + p.int(4), returnSequences: true, goBackwards: p.int(2) === 0 }), x),
  (x, p) =>
    apply(
      new L.Bidirectional({
        layer: new L.LSTM({ units: 2 + p.int(3), returnSequences: true }),
        mergeMode: p.pick(['concat', 'sum', 'mul', 'ave'] as const),
      }),
      x,
    ),
  (x, p) =>
    apply(
      new L.Conv1D({
        filters: 2 + p.int(4),
        kernelSize: 2,
        padding: p.pick(['same', 'causal'] as const),
        activation: p.pick(ACTS),
      }),
      x,
    ),
  (x) => apply(new L.LayerNormalization({}), x),
  (x, p) => {
    const attention = new L.MultiHeadAttention({ numHeads: 1 + p.int(2), keyDim: 2 + p.int(2) });
    return apply(new L.Add({}), [x, attention.apply([x, x]) as SymbolicTensor]);
  },
  (x, p) => apply(new L.Dense({ units: 2 + p.int(4), activation: p.pick(ACTS) }), x),
];

const heads: Record<Kind, Step> = {
  vector: (x, p) =>
    apply(new L.Dense({ units: 2 + p.int(3), activation: p.pick(['softmax', 'sigmoid', 'linear']) }), x),
  image: (x, p) =>
    apply(new L.Dense({ units: 3 }), apply(p.int(2) ? new L.Flatten({}) : new L.GlobalAveragePooling2D({}), x)),
  sequence: (x, p) => {
    const pooled = p.int(2)
      ? apply(new L.GlobalAveragePooling1D({}), x)
      : apply(p.pick([new L.LSTM({ units: 3 }), new L.GRU({ units: 3 })]), x);
    return apply(new L.Dense({ units: 2 }), pooled);
  },
};

const STEPS: Record<Kind, Step[]> = { vector: vectorSteps, image: imageSteps, sequence: sequenceSteps };
const INPUTS: Record<Kind, number[]> = { vector: [5], image: [6, 6, 2], sequence: [4, 3] };

/** Layers applied to a symbolic input, as a Functional model (residual/merge steps make DAGs). */
function functional(a: Architecture, name: string): Model {
  const p = new Picker(a.choices);
  const x = input({ shape: INPUTS[a.kind] });
  let h = x;
  const steps = 1 + p.int(4);
  for (let i = 0; i < steps; i++) h = p.pick(STEPS[a.kind])(h, p);
  return new Functional({ inputs: x, outputs: heads[a.kind](h, p), name });
}

/** Single-input single-output steps only (no merges), as a Sequential stack. */
function sequential(a: Architecture, name: string): Model {
  const p = new Picker(a.choices);
  const layers: L.Layer[] = [];
  const probe = input({ shape: INPUTS[a.kind] });
  let h = probe;
  const steps = 1 + p.int(4);
  // Build on a probe graph to keep shapes valid, recording the chain's layers in order.
  const chainOnly = STEPS[a.kind].filter(
    (_, i) =>
      !(a.kind === 'vector' && i >= 5) &&
      !(a.kind === 'image' && (i === 5 || i === 6)) &&
      !(a.kind === 'sequence' && i === 5),
  );
  for (let i = 0; i < steps; i++) {
    h = p.pick(chainOnly)(h, p);
    layers.push(h.node.kind === 'layer' ? (h.node as unknown as { layer: L.Layer }).layer : (undefined as never));
  }
  h = heads[a.kind](h, p);
  // The head may be two layers (pooling + Dense): collect them from the graph back to the last step.
  const tail: L.Layer[] = [];
  for (
    let t: SymbolicTensor = h;
    t.node.kind === 'layer' && !layers.includes((t.node as unknown as { layer: L.Layer }).layer);
    t = t.node.inputs[0]
  ) {
    tail.unshift((t.node as unknown as { layer: L.Layer }).layer);
  }
  return new Sequential([input({ shape: INPUTS[a.kind] }), ...layers, ...tail], { name });
}

/** A subclassed model: layers and raw elementwise ops in call(), traced by build(). */
class Imperative extends Model {
  readonly first: L.Layer;
  readonly second: L.Layer;
  readonly head: L.Layer;
  readonly flavour: number;
  constructor(kind: Kind, p: Picker, name: string) {
    super({ name });
    this.flavour = p.int(4);
    if (kind === 'image') {
      this.first = new L.Conv2D({ filters: 3, kernelSize: 3, padding: 'same' });
      this.second = new L.Conv2D({ filters: 3, kernelSize: 1, activation: p.pick(ACTS) });
      this.head = new L.Dense({ units: 2 });
    } else if (kind === 'sequence') {
      this.first = new L.Dense({ units: 4 });
      this.second = p.pick([
        new L.LSTM({ units: 4, returnSequences: true }),
        new L.GRU({ units: 4, returnSequences: true }),
      ]);
      this.head = new L.Dense({ units: 2 });
    } else {
      const units = 4 + p.int(3);
      this.first = new L.Dense({ units });
      this.second = new L.Dense({ units, activation: p.pick(ACTS) });
      this.head = new L.Dense({ units: 2 });
    }
  }
  override call(x: Tensor): Tensor {
    const a = this.first.apply(x);
    const b = this.second.apply(a);
    let h: Tensor;
    switch (this.flavour) {
      case 0:
        h = ops.add(ops.mul(a, 0.5), ops.sigmoid(b));
        break;
      case 1:
        h = ops.sub(ops.tanh(a), ops.div(b, ops.add(ops.abs(b), 1)));
        break;
      case 2:
        h = ops.maximum(ops.square(a), ops.exp(ops.neg(ops.abs(b))));
        break;
      default:
        h = ops.where(ops.greater(a, 0), ops.sqrt(ops.add(ops.square(b), 1)), ops.relu6(b));
    }
    const pooled = h.shape.length > 2 ? ops.mean(h, h.shape.length === 4 ? [1, 2] : 1) : h;
    return this.head.apply(ops.clipByValue(pooled, -3, 3));
  }
}

export function buildArchitecture(a: Architecture, name: string): Model {
  if (a.style === 'functional') return functional(a, name);
  if (a.style === 'sequential') return sequential(a, name);
  const model = new Imperative(a.kind, new Picker(a.choices), name);
  model.build([null, ...INPUTS[a.kind]]);
  return model;
}

export const architectureArbitrary: fc.Arbitrary<Architecture> = fc.record({
  kind: fc.constantFrom<Kind>('vector', 'image', 'sequence'),
  style: fc.constantFrom<Style>('sequential', 'functional', 'functional', 'subclassed'),
  choices: fc.array(fc.nat(10_000), { minLength: 24, maxLength: 24 }),
});

/** `count` architectures drawn with `seed`, as model cases. */
export function randomArchitectures(count: number, seed: number): ModelCase[] {
  return fc.sample(architectureArbitrary, { seed, numRuns: count }).map((a, i) => {
    const name = `arch_${i}_${a.style}_${a.kind}`;
    const inputs: InputSpec[] = [{ shape: INPUTS[a.kind] }];
    return { name, inputs, build: () => buildArchitecture(a, name), architecture: a } as ModelCase & {
      architecture: Architecture;
    };
  });
}
