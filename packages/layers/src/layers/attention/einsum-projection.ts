import { add, matmul, reshape, type Shape, type Tensor, type Variable } from '@strata/tensor';
import { fmtShape } from '@strata/tensor/internal';
import { Layer, type LayerArgs, type ShapeOrShapes } from '../../layer';
import { LayerError } from '../../errors';
import { getInitializer, type Initializer, type InitializerIdentifier } from '../../initializers';
import { getRegularizer, type Regularizer, type RegularizerIdentifier } from '../../regularizers';
import { getConstraint, type Constraint, type ConstraintIdentifier } from '../../constraints';
import { serialize } from '../../serializable';

export interface EinsumProjectionArgs extends LayerArgs {
  /** How many trailing input axes are contracted (1: [.., dim]; 2: [.., heads, valueDim]). */
  contractedAxes: number;
  /** The axes each position is projected to: [heads, keyDim], or the attention output's shape. */
  outputShape: number[];
  useBias: boolean;
  kernelInitializer: InitializerIdentifier;
  biasInitializer: InitializerIdentifier;
  kernelRegularizer: RegularizerIdentifier | null;
  biasRegularizer: RegularizerIdentifier | null;
  kernelConstraint: ConstraintIdentifier | null;
  biasConstraint: ConstraintIdentifier | null;
}

/**
 * The part of Keras's EinsumDense that MultiHeadAttention builds: contracts the last
 * `contractedAxes` axes with a kernel [...contracted, ...outputShape] and adds a bias
 * [...outputShape]. Same weights and names as Keras (`query/kernel` [dim, heads, keyDim], ...), so
 * Keras files map onto it; computed as one reshape + matmul instead of an einsum.
 */
export class EinsumProjection extends Layer {
  static override className = 'EinsumDense';
  readonly contractedAxes: number;
  readonly outputShape: number[];
  readonly useBias: boolean;
  readonly kernelInitializer: Initializer;
  readonly biasInitializer: Initializer;
  readonly kernelRegularizer: Regularizer | null;
  readonly biasRegularizer: Regularizer | null;
  readonly kernelConstraint: Constraint | null;
  readonly biasConstraint: Constraint | null;
  kernel!: Variable;
  bias: Variable | null = null;

  constructor(args: EinsumProjectionArgs) {
    super(args);
    this.contractedAxes = args.contractedAxes;
    this.outputShape = [...args.outputShape];
    this.useBias = args.useBias;
    this.kernelInitializer = getInitializer(args.kernelInitializer);
    this.biasInitializer = getInitializer(args.biasInitializer);
    this.kernelRegularizer = args.kernelRegularizer ? getRegularizer(args.kernelRegularizer) : null;
    this.biasRegularizer = args.biasRegularizer ? getRegularizer(args.biasRegularizer) : null;
    this.kernelConstraint = args.kernelConstraint ? getConstraint(args.kernelConstraint) : null;
    this.biasConstraint = args.biasConstraint ? getConstraint(args.biasConstraint) : null;
  }

  override build(inputShape: ShapeOrShapes): void {
    const shape = inputShape as Shape;
    const contracted = shape.slice(-this.contractedAxes);
    if (shape.length <= this.contractedAxes || contracted.some((d) => d === null)) {
      throw new LayerError(
        `EinsumDense "${this.name}": expected known trailing ${this.contractedAxes} axis/axes after the batch, received ${fmtShape(shape)}`,
      );
    }
    const { kernelInitializer, kernelRegularizer, kernelConstraint, biasInitializer, biasRegularizer, biasConstraint } =
      this;
    this.kernel = this.addWeight('kernel', [...(contracted as number[]), ...this.outputShape], {
      initializer: kernelInitializer,
      regularizer: kernelRegularizer,
      constraint: kernelConstraint,
    });
    if (this.useBias)
      this.bias = this.addWeight('bias', this.outputShape, {
        initializer: biasInitializer,
        regularizer: biasRegularizer,
        constraint: biasConstraint,
      });
    this.built = true;
  }

  override call(x: Tensor): Tensor {
    const leading = x.shape.slice(0, -this.contractedAxes);
    const inner = this.kernel.shape.slice(0, this.contractedAxes).reduce((a, b) => a * b, 1);
    const outer = this.outputShape.reduce((a, b) => a * b, 1);
    let y = matmul(reshape(x, [-1, inner]), reshape(this.kernel, [inner, outer]));
    if (this.bias) y = add(y, reshape(this.bias, [outer]));
    return reshape(y, [-1, ...(leading.slice(1) as number[]), ...this.outputShape]);
  }

  override computeOutputShape(inputShape: ShapeOrShapes): Shape {
    return [...(inputShape as Shape).slice(0, -this.contractedAxes), ...this.outputShape];
  }

  override getConfig(): Record<string, unknown> {
    return {
      ...super.getConfig(),
      contractedAxes: this.contractedAxes,
      outputShape: this.outputShape,
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
