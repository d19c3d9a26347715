// Small trainable models for the tests: Trainers (the Layer that trains), as Model is one above.
import { Dense, type Layer, type CallOptions } from '@strata/layers';
import { add, matmul, randomNormal, tidy, greater, cast, sum, mul, type Tensor, tensor } from '@strata/tensor';
import { Trainer } from '../trainer/trainer';

/** Dense(hidden, relu) → Dense(out, activation): a two-layer perceptron as one Trainer. */
export class TwoLayer extends Trainer {
  static override className = 'TwoLayer';
  readonly hidden: Dense;
  readonly out: Dense;
  constructor(args: { hidden?: number; out?: number; activation?: string; seed?: number; name?: string } = {}) {
    super({ name: args.name });
    const seed = args.seed ?? 1;
    this.hidden = new Dense({
      units: args.hidden ?? 16,
      activation: 'relu',
      kernelInitializer: { className: 'GlorotUniform', config: { seed } },
    });
    this.out = new Dense({
      units: args.out ?? 1,
      activation: (args.activation ?? 'linear') as never,
      kernelInitializer: { className: 'GlorotUniform', config: { seed: seed + 1 } },
    });
  }
  override call(x: Tensor, options: CallOptions = {}): Tensor {
    return this.out.apply(this.hidden.apply(x, options), options);
  }
}

/** A Trainer around one layer: what fit trains where a test needs a bare layer. */
export class Wrap extends Trainer {
  constructor(readonly layer: Layer) {
    super();
  }
  override call(x: Tensor, options: CallOptions = {}): Tensor {
    return this.layer.apply(x, options) as Tensor;
  }
}

/** Points in 4-D labelled by which side of a fixed plane they fall on: [x, y] with y of shape [n, 1]. */
export function planeData(n: number, seed = 7): [Tensor, Tensor] {
  return tidy(() => {
    const x = randomNormal([n, 4], { seed });
    const y = cast(greater(matmul(x, tensor([[1], [-2], [0.5], [1]])), 0), 'float32');
    return [x, y];
  });
}

/** Three classes by the sign pattern of two projections: [x, integer labels of shape [n]] (0: a=0; 1: a=1, b=0; 2: a=1, b=1). */
export function threeClassData(n: number, seed = 3): [Tensor, Tensor] {
  return tidy(() => {
    const x = randomNormal([n, 4], { seed });
    const a = cast(greater(sum(mul(x, tensor([1, 1, 0, 0])), -1), 0), 'int32');
    const b = cast(greater(sum(mul(x, tensor([0, 0, 1, -1])), -1), 0.5), 'int32');
    return [x, mul(a, add(b, 1))];
  });
}
