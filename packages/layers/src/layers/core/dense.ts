import { add, fusedMatmul, matmul, type Shape, type Tensor, type Variable } from '@strata/tensor';
import { Layer, type LayerArgs, type ShapeOrShapes } from '../../layer';
import { LayerError } from '../../errors';
import { getActivation, serializeActivation, type Activation, type ActivationIdentifier } from '../../activations';
import { getInitializer, type Initializer, type InitializerIdentifier } from '../../initializers';
import { getRegularizer, type Regularizer, type RegularizerIdentifier } from '../../regularizers';
import { getConstraint, type Constraint, type ConstraintIdentifier } from '../../constraints';
import { serialize } from '../../serializable';
import { fusedActivation } from '../../activations/fusable';

export interface DenseArgs extends LayerArgs {
  /** The size of the output's last axis. */
  units: number;
  /** Applied to the output (a name such as `'relu'` or a function). Default: none (linear). */
  activation?: ActivationIdentifier;
  /** Whether a bias vector is added. Default: true. */
  useBias?: boolean;
  /** How the kernel starts. Default: `'glorotUniform'`. */
  kernelInitializer?: InitializerIdentifier;
  /** How the bias starts. Default: `'zeros'`. */
  biasInitializer?: InitializerIdentifier;
  /** A penalty on the kernel, added to the layer's losses. Default: none. */
  kernelRegularizer?: RegularizerIdentifier | null;
  /** A penalty on the bias, added to the layer's losses. Default: none. */
  biasRegularizer?: RegularizerIdentifier | null;
  /** A projection applied to the kernel after each optimizer step. Default: none. */
  kernelConstraint?: ConstraintIdentifier | null;
  /** A projection applied to the bias after each optimizer step. Default: none. */
  biasConstraint?: ConstraintIdentifier | null;
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
  /** How the kernel starts. */
  readonly kernelInitializer: Initializer;
  /** How the bias starts. */
  readonly biasInitializer: Initializer;
  /** The penalty on the kernel, or null. */
  readonly kernelRegularizer: Regularizer | null;
  /** The penalty on the bias, or null. */
  readonly biasRegularizer: Regularizer | null;
  /** The projection applied to the kernel after each step, or null. */
  readonly kernelConstraint: Constraint | null;
  /** The projection applied to the bias after each step, or null. */
  readonly biasConstraint: Constraint | null;
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
    this.kernelInitializer = getInitializer(args.kernelInitializer ?? 'glorotUniform');
    this.biasInitializer = getInitializer(args.biasInitializer ?? 'zeros');
    this.kernelRegularizer = args.kernelRegularizer ? getRegularizer(args.kernelRegularizer) : null;
    this.biasRegularizer = args.biasRegularizer ? getRegularizer(args.biasRegularizer) : null;
    this.kernelConstraint = args.kernelConstraint ? getConstraint(args.kernelConstraint) : null;
    this.biasConstraint = args.biasConstraint ? getConstraint(args.biasConstraint) : null;
    this.inputSpec = { minNdim: 2 };
  }

  override build(inputShape: ShapeOrShapes): void {
    const shape = inputShape as Shape;
    const inputDim = shape[shape.length - 1];
    if (inputDim === null)
      throw new LayerError(
        `Layer "${this.name}": the last axis of the input must be known to build a Dense layer, received shape [${shape}]`,
      );
    this.kernel = this.addWeight('kernel', [inputDim, this.units], {
      initializer: this.kernelInitializer,
      regularizer: this.kernelRegularizer,
      constraint: this.kernelConstraint,
    });
    if (this.useBias) {
      this.bias = this.addWeight('bias', [this.units], {
        initializer: this.biasInitializer,
        regularizer: this.biasRegularizer,
        constraint: this.biasConstraint,
      });
    }
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
      kernelInitializer: serialize(this.kernelInitializer),
      biasInitializer: serialize(this.biasInitializer),
      kernelRegularizer: this.kernelRegularizer ? serialize(this.kernelRegularizer) : null,
      biasRegularizer: this.biasRegularizer ? serialize(this.biasRegularizer) : null,
      kernelConstraint: this.kernelConstraint ? serialize(this.kernelConstraint) : null,
      biasConstraint: this.biasConstraint ? serialize(this.biasConstraint) : null,
    };
  }
}
