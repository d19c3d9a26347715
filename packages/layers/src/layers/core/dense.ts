import { add, fusedMatmul, matmul, type Shape, type Tensor, type Variable } from '@strata/tensor';
import { Layer, type LayerArgs, type ShapeOrShapes } from '../../layer';
import { LayerError } from '../../errors';
import { getActivation, serializeActivation, type Activation, type ActivationIdentifier } from '../../activations';
import { weightConfig, weightSettings, type WeightArgs, type WeightSettings } from '../../weight-settings';
import { fusedActivation } from '../../activations/fusable';

/** Dense's options; `kernel*` and `bias*` initializers default to 'glorotUniform' and 'zeros'. */
export interface DenseArgs extends LayerArgs, WeightArgs<'kernel' | 'bias'> {
  /** The size of the output's last axis. */
  units: number;
  /** Applied to the output (a name such as `'relu'` or a function). Default: none (linear). */
  activation?: ActivationIdentifier;
  /** Whether a bias vector is added. Default: true. */
  useBias?: boolean;
}

/**
 * `activation(dot(x, kernel) + bias)` on the last axis of the input.
 *
 * Input: [batch, ..., inputDim] (rank 2 or more; the last axis must be known). Output: [batch, ..., units]. Weights:
 * `kernel` [inputDim, units] and `bias` [units].
 *
 * @example
 * ```ts
 * const model = new Sequential([
 *   input({ shape: [16] }),
 *   new Dense({ units: 32, activation: 'relu' }),
 *   new Dense({ units: 10, activation: 'softmax' }),
 * ]);
 * new Dense({ units: 4 }).apply(ones([2, 3])); // shape [2, 4]
 * ```
 */
export class Dense extends Layer {
  static override className = 'Dense';
  /** The size of the output's last axis. */
  readonly units: number;
  /** The activation applied to the output. */
  readonly activation: Activation;
  /** Whether a bias is added. */
  readonly useBias: boolean;
  /** The kernel's initializer, regularizer and constraint, as resolved from the options. */
  readonly kernelSettings: WeightSettings;
  /** The bias's initializer, regularizer and constraint. */
  readonly biasSettings: WeightSettings;
  /** The kernel [inputDim, units]; created by build(). */
  kernel!: Variable;
  /** The bias [units], or null when `useBias` is false; created by build(). */
  bias: Variable | null = null;

  constructor(args: DenseArgs) {
    super(args);
    if (!Number.isInteger(args?.units) || args.units <= 0) {
      throw new LayerError(`Dense: units must be a positive integer, received ${JSON.stringify(args?.units)}`);
    }
    this.units = args.units;
    this.activation = getActivation(args.activation);
    this.useBias = args.useBias ?? true;
    this.kernelSettings = weightSettings(args, 'kernel', 'glorotUniform');
    this.biasSettings = weightSettings(args, 'bias', 'zeros');
    this.inputSpec = { minNdim: 2 };
    // As Keras 3: the mask of a sequence (Embedding(maskZero), Masking) passes through to the layers after.
    this.supportsMasking = true;
  }

  override build(inputShape: ShapeOrShapes): void {
    const shape = inputShape as Shape;
    const inputDim = shape[shape.length - 1];
    if (inputDim === null)
      throw new LayerError(
        `Layer "${this.name}": the last axis of the input must be known to build a Dense layer, received shape [${shape}]`,
      );
    this.kernel = this.addWeight('kernel', [inputDim, this.units], this.kernelSettings);
    if (this.useBias) this.bias = this.addWeight('bias', [this.units], this.biasSettings);
    this.inputSpec = { minNdim: 2, axes: { [-1]: inputDim } };
    this.built = true;
  }

  override call(x: Tensor): Tensor {
    // One kernel for product, bias and activation where the activation allows (its gradient rule
    // decomposes it, so training is unaffected); others are applied as their own op.
    const fused = fusedActivation(this.activation);
    if (fused) return fusedMatmul({ a: x, b: this.kernel, bias: this.bias ?? undefined, ...fused });
    const z = matmul(x, this.kernel);
    return this.activation(this.bias ? add(z, this.bias) : z);
  }

  override computeOutputShape(inputShape: ShapeOrShapes): Shape {
    const shape = inputShape as Shape;
    return [...shape.slice(0, -1), this.units];
  }

  override getConfig(): Record<string, unknown> {
    return {
      ...super.getConfig(),
      units: this.units,
      activation: serializeActivation(this.activation),
      useBias: this.useBias,
      ...weightConfig({ kernel: this.kernelSettings, bias: this.biasSettings }),
    };
  }
}
