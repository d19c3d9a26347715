import { add, matmul, reshape, type Shape, type Tensor, type Variable } from '@strata/tensor';
import { fmtShape } from '@strata/tensor/internal';
import { Layer, type LayerArgs, type ShapeOrShapes } from '../../layer';
import { LayerError } from '../../errors';
import { weightConfig, type WeightSettings } from '../../weight-settings';

export interface EinsumProjectionArgs extends LayerArgs {
  /** How many trailing input axes are contracted (1: [.., dim]; 2: [.., heads, valueDim]). */
  contractedAxes: number;
  /** The axes each position is projected to: [heads, keyDim], or the attention output's shape. */
  outputShape: number[];
  useBias: boolean;
  /** The attention layer's kernel and bias settings, shared by its four projections. */
  kernelSettings: WeightSettings;
  biasSettings: WeightSettings;
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
  readonly kernelSettings: WeightSettings;
  readonly biasSettings: WeightSettings;
  kernel!: Variable;
  bias: Variable | null = null;

  constructor(args: EinsumProjectionArgs) {
    super(args);
    this.contractedAxes = args.contractedAxes;
    this.outputShape = [...args.outputShape];
    this.useBias = args.useBias;
    this.kernelSettings = args.kernelSettings;
    this.biasSettings = args.biasSettings;
  }

  override build(inputShape: ShapeOrShapes): void {
    const shape = inputShape as Shape;
    const contracted = shape.slice(-this.contractedAxes);
    if (shape.length <= this.contractedAxes || contracted.some((d) => d === null)) {
      throw new LayerError(
        `EinsumDense "${this.name}": expected known trailing ${this.contractedAxes} axis/axes after the batch, received ${fmtShape(shape)}`,
      );
    }
    this.kernel = this.addWeight('kernel', [...(contracted as number[]), ...this.outputShape], this.kernelSettings);
    if (this.useBias) this.bias = this.addWeight('bias', this.outputShape, this.biasSettings);
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
      ...weightConfig({ kernel: this.kernelSettings, bias: this.biasSettings }),
    };
  }
}
