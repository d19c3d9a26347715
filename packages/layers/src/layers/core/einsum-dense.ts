import { add, einsum, type Dim, type Shape, type Tensor, type Variable } from '@strata/tensor';
import { fmtShape } from '@strata/tensor/internal';
import { Layer, type LayerArgs, type ShapeOrShapes } from '../../layer';
import { LayerError } from '../../errors';
import { getActivation, serializeActivation, type Activation, type ActivationIdentifier } from '../../activations';
import { weightConfig, weightSettings, type WeightArgs, type WeightSettings } from '../../weight-settings';
import { analyzeEinsumDense, checkEinsumDenseEquation } from './einsum-dense-shapes';

/** EinsumDense's options; `kernel*` and `bias*` initializers default to 'glorotUniform' and 'zeros'. */
export interface EinsumDenseArgs extends LayerArgs, WeightArgs<'kernel' | 'bias'> {
  /** "ab,bc->ac", "...b,bc->...c", "abc,cde->abde": input, kernel, output. */
  equation: string;
  /** The output shape without the batch axis (and without the axes '...' covers); null takes the input's size. */
  outputShape: number | readonly Dim[];
  /** Applied to the output (a name such as `'relu'` or a function). Default: none (linear). */
  activation?: ActivationIdentifier;
  /** The output axes (letters of the equation's output) that get a bias; none by default. */
  biasAxes?: string | null;
}

/**
 * A Dense layer of any rank: `activation(einsum(equation, x, kernel) + bias)`.
 *
 * Input and output: as the equation's first operand and its result; `outputShape` gives the output without the batch
 * axis. Weights: `kernel` (the second operand) and, with `biasAxes`, `bias`.
 *
 * @example
 * ```ts
 * // A Dense layer applied to every step of a sequence: [batch, 10, 16] -> [batch, 10, 64].
 * const layer = new EinsumDense({ equation: 'abc,cd->abd', outputShape: [null, 64], biasAxes: 'd' });
 * layer.apply(ones([2, 10, 16])); // shape [2, 10, 64]
 * ```
 */
export class EinsumDense extends Layer {
  static override className = 'EinsumDense';
  /** The einsum equation (input, kernel -> output). */
  readonly equation: string;
  /** The output shape without the batch axis (and the axes `...` covers); null entries follow the input. */
  readonly partialOutputShape: Dim[];
  /** The activation applied to the output. */
  readonly activation: Activation;
  /** The output axes that get a bias, or null for none. */
  readonly biasAxes: string | null;
  /** The kernel's initializer, regularizer and constraint, as resolved from the options. */
  readonly kernelSettings: WeightSettings;
  /** The bias's initializer, regularizer and constraint. */
  readonly biasSettings: WeightSettings;
  /** The kernel, shaped by the equation's second operand; created by build(). */
  kernel!: Variable;
  /** The bias over `biasAxes`, or null; created by build(). */
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
    this.kernelSettings = weightSettings(args, 'kernel', 'glorotUniform');
    this.biasSettings = weightSettings(args, 'bias', 'zeros');
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
    this.kernel = this.addWeight('kernel', known('kernel', kernelShape), this.kernelSettings);
    if (biasShape) this.bias = this.addWeight('bias', known('bias', biasShape), this.biasSettings);
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
      ...weightConfig({ kernel: this.kernelSettings, bias: this.biasSettings }),
    };
  }
}
