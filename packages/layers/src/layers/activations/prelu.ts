import { mul, neg, relu, sub, type Shape, type Tensor, type Variable } from '@strata/tensor';
import { fmtShape } from '@strata/tensor/internal';
import { Layer, type LayerArgs, type ShapeOrShapes } from '../../layer';
import { LayerError } from '../../errors';
import { getInitializer, type Initializer, type InitializerIdentifier } from '../../initializers';
import { getRegularizer, type Regularizer, type RegularizerIdentifier } from '../../regularizers';
import { getConstraint, type Constraint, type ConstraintIdentifier } from '../../constraints';
import { serialize } from '../../serializable';

export interface PReLUArgs extends LayerArgs {
  /** Default 'zeros': the layer starts as a plain relu. */
  alphaInitializer?: InitializerIdentifier;
  alphaRegularizer?: RegularizerIdentifier | null;
  alphaConstraint?: ConstraintIdentifier | null;
  /** Axes (1 = the first after the batch) along which one alpha is shared, e.g. [1, 2] for images: one per channel. */
  sharedAxes?: number | readonly number[] | null;
}

/** Parametric ReLU: x for x >= 0, alpha * x below, with alpha learned per position (or shared along axes). */
export class PReLU extends Layer {
  static override className = 'PReLU';
  readonly alphaInitializer: Initializer;
  readonly alphaRegularizer: Regularizer | null;
  readonly alphaConstraint: Constraint | null;
  readonly sharedAxes: number[] | null;
  alpha!: Variable;

  constructor(args: PReLUArgs = {}) {
    super(args);
    this.alphaInitializer = getInitializer(args.alphaInitializer ?? 'zeros');
    this.alphaRegularizer = args.alphaRegularizer ? getRegularizer(args.alphaRegularizer) : null;
    this.alphaConstraint = args.alphaConstraint ? getConstraint(args.alphaConstraint) : null;
    const axes =
      args.sharedAxes === undefined || args.sharedAxes === null
        ? null
        : typeof args.sharedAxes === 'number'
          ? [args.sharedAxes]
          : args.sharedAxes;
    if (axes !== null && !(Array.isArray(axes) && axes.every((a) => Number.isInteger(a) && a >= 1))) {
      throw new LayerError(
        `PReLU: sharedAxes must be an axis or a list of axes >= 1 (axis 0 is the batch), received ${JSON.stringify(args.sharedAxes)}`,
      );
    }
    this.sharedAxes = axes ? [...axes] : null;
    this.supportsMasking = true;
  }

  override build(inputShape: ShapeOrShapes): void {
    const shape = inputShape as Shape;
    const shared = new Set(this.sharedAxes ?? []);
    for (const a of shared) {
      if (a >= shape.length)
        throw new LayerError(
          `Layer "${this.name}": sharedAxes ${JSON.stringify(this.sharedAxes)} name axis ${a}, but the input ${fmtShape(shape)} has axes 1 to ${shape.length - 1} after the batch`,
        );
    }
    const paramShape = shape.slice(1).map((d, i) => {
      if (shared.has(i + 1)) return 1;
      if (d === null)
        throw new LayerError(
          `Layer "${this.name}": axis ${i + 1} of the input ${fmtShape(shape)} is unknown, so it needs its own alpha size; give it a fixed size or list it in sharedAxes`,
        );
      return d;
    });
    this.alpha = this.addWeight('alpha', paramShape, {
      initializer: this.alphaInitializer,
      regularizer: this.alphaRegularizer,
      constraint: this.alphaConstraint,
    });
    const axes: Record<number, number> = {};
    paramShape.forEach((d, i) => {
      if (!shared.has(i + 1)) axes[i + 1] = d;
    });
    this.inputSpec = { ndim: shape.length, axes };
    this.built = true;
  }

  override call(x: Tensor): Tensor {
    return sub(relu(x), mul(this.alpha, relu(neg(x))));
  }

  override computeOutputShape(inputShape: ShapeOrShapes): ShapeOrShapes {
    return inputShape;
  }

  override getConfig(): Record<string, unknown> {
    return {
      ...super.getConfig(),
      alphaInitializer: serialize(this.alphaInitializer),
      alphaRegularizer: this.alphaRegularizer ? serialize(this.alphaRegularizer) : null,
      alphaConstraint: this.alphaConstraint ? serialize(this.alphaConstraint) : null,
      sharedAxes: this.sharedAxes ? [...this.sharedAxes] : null,
    };
  }
}
