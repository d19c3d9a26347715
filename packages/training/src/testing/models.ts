// Small trainable models for the tests: plain Layers, as the Trainer sees them before Model exists.
import { Dense, Layer, type CallOptions } from '@strata/layers';
import { add, matmul, randomNormal, tidy, greater, cast, sum, mul, type Tensor, tensor } from '@strata/tensor';

/** Dense(hidden, relu) → Dense(out, activation): a two-layer perceptron as one Layer. */
export class TwoLayer extends Layer {
  static override className = 'TwoLayer';
  readonly hidden: Dense;
  readonly out: Dense;
  constructor(args: { hidden?: number; out?: number; activation?: string; seed?: number; name?: string } = {}) {
    super({ name: args.name });
    const seed = args.seed ?? 1;
    this.hidden = new Dense({ units: args.hidden ?? 16, activation: 'relu', kernelInitializer: { className: 'GlorotUniform', config: { seed } } });
    this.out = new Dense({ units: args.out ?? 1, activation: (args.activation ?? 'linear') as never, kernelInitializer: { className: 'GlorotUniform', config: { seed: seed + 1 } } });
  }
  override call(x: Tensor, options: CallOptions = {}): Tensor {
    return this.out.apply(this.hidden.apply(x, options), options);
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
