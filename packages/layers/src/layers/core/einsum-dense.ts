import { add, einsum, type Dim, type Shape, type Tensor, type Variable } from '@strata/tensor';
import { fmtShape } from '@strata/tensor/internal';
import { Layer, type LayerArgs, type ShapeOrShapes } from '../../layer';
import { LayerError } from '../../errors';
import { getActivation, serializeActivation, type Activation, type ActivationIdentifier } from '../../activations';
import { getInitializer, type Initializer, type InitializerIdentifier } from '../../initializers';
import { getRegularizer, type Regularizer, type RegularizerIdentifier } from '../../regularizers';
import { getConstraint, type Constraint, type ConstraintIdentifier } from '../../constraints';
import { serialize } from '../../serializable';
import { analyzeEinsumDense, checkEinsumDenseEquation } from './einsum-dense-shapes';

export interface EinsumDenseArgs extends LayerArgs {
  /** "ab,bc->ac", "...b,bc->...c", "abc,cde->abde": input, kernel, output. */
  equation: string;
  /** The output shape without the batch axis (and without the axes '...' covers); null takes the input's size. */
  outputShape: number | readonly Dim[];
  activation?: ActivationIdentifier;
  /** The output axes (letters of the equation's output) that get a bias; none by default. */
  biasAxes?: string | null;
  kernelInitializer?: InitializerIdentifier;
  biasInitializer?: InitializerIdentifier;
  kernelRegularizer?: RegularizerIdentifier | null;
  biasRegularizer?: RegularizerIdentifier | null;
  kernelConstraint?: ConstraintIdentifier | null;
  biasConstraint?: ConstraintIdentifier | null;
}

/** A Dense layer of any rank: `activation(einsum(equation, x, kernel) + bias)`. */
export class EinsumDense extends Layer {
  static override className = 'EinsumDense';
  readonly equation: string;
  readonly partialOutputShape: Dim[];
  readonly activation: Activation;
  readonly biasAxes: string | null;
  readonly kernelInitializer: Initializer;
  readonly biasInitializer: Initializer;
  readonly kernelRegularizer: Regularizer | null;
  readonly biasRegularizer: Regularizer | null;
  readonly kernelConstraint: Constraint | null;
  readonly biasConstraint: Constraint | null;
  kernel!: Variable;
  bias: Variable | null = null;

  constructor(args: EinsumDenseArgs) {
    super(args);
    checkEinsumDenseEquation(args?.equation);
    this.equation = args.equation;
    const shape = typeof args.outputShape === 'number' ? [args.outputShape] : args.outputShape;
    if (!Array.isArray(shape) || !shape.every((d) => d === null || (Number.isInteger(d) && d > 0))) {
      throw new LayerError(
        `EinsumDense: outputShape must be a positive integer or a list of positive integers and nulls, received ${JSON.stringify(args.outputShape)}`,
      );
    }
    this.partialOutputShape = [...shape];
    if (
      args.biasAxes !== undefined &&
      args.biasAxes !== null &&
      (typeof args.biasAxes !== 'string' || !/^[a-zA-Z]+$/.test(args.biasAxes))
    ) {
      throw new LayerError(
        `EinsumDense: biasAxes must be a string of output axis letters (e.g. "c") or null, received ${JSON.stringify(args.biasAxes)}`,
      );
    }
    if ('loraRank' in (args as object)) throw new LayerError('EinsumDense: loraRank (LoRA) is not supported yet');
    this.biasAxes = args.biasAxes ?? null;
    this.activation = getActivation(args.activation);
    this.kernelInitializer = getInitializer(args.kernelInitializer ?? 'glorotUniform');
    this.biasInitializer = getInitializer(args.biasInitializer ?? 'zeros');
    this.kernelRegularizer = args.kernelRegularizer ? getRegularizer(args.kernelRegularizer) : null;
    this.biasRegularizer = args.biasRegularizer ? getRegularizer(args.biasRegularizer) : null;
    this.kernelConstraint = args.kernelConstraint ? getConstraint(args.kernelConstraint) : null;
    this.biasConstraint = args.biasConstraint ? getConstraint(args.biasConstraint) : null;
  }

  override build(inputShape: ShapeOrShapes): void {
    const { kernelShape, biasShape } = analyzeEinsumDense(
      this.equation,
      this.biasAxes,
      inputShape as Shape,
      this.partialOutputShape,
    );
    const known = (what: string, s: Dim[]): number[] => {
      if (s.some((d) => d === null)) {
        throw new LayerError(
          `Layer "${this.name}": the ${what} shape ${fmtShape(s)} depends on an unknown input dimension (input shape ${fmtShape(inputShape as Shape)}); give that axis a fixed size`,
        );
      }
      return s as number[];
    };
    this.kernel = this.addWeight('kernel', known('kernel', kernelShape), {
      initializer: this.kernelInitializer,
      regularizer: this.kernelRegularizer,
      constraint: this.kernelConstraint,
    });
    if (biasShape) {
      this.bias = this.addWeight('bias', known('bias', biasShape), {
        initializer: this.biasInitializer,
        regularizer: this.biasRegularizer,
        constraint: this.biasConstraint,
      });
    }
    this.built = true;
  }

  override call(x: Tensor): Tensor {
    const y = einsum(this.equation, x, this.kernel);
    return this.activation(this.bias ? add(y, this.bias) : y);
  }

  override computeOutputShape(inputShape: ShapeOrShapes): Shape {
    return analyzeEinsumDense(this.equation, this.biasAxes, inputShape as Shape, this.partialOutputShape).outputShape;
  }

  override getConfig(): Record<string, unknown> {
    return {
      ...super.getConfig(),
      outputShape: [...this.partialOutputShape],
      equation: this.equation,
      activation: serializeActivation(this.activation),
      biasAxes: this.biasAxes,
      kernelInitializer: serialize(this.kernelInitializer),
      biasInitializer: serialize(this.biasInitializer),
      kernelRegularizer: this.kernelRegularizer ? serialize(this.kernelRegularizer) : null,
      biasRegularizer: this.biasRegularizer ? serialize(this.biasRegularizer) : null,
      kernelConstraint: this.kernelConstraint ? serialize(this.kernelConstraint) : null,
      biasConstraint: this.biasConstraint ? serialize(this.biasConstraint) : null,
    };
  }
}
