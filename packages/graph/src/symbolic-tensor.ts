import { StrataError, type DType, type Dim, type Tensor } from '@strata/tensor';
import { fmtShape, type OpDef, type TensorSpec } from '@strata/tensor/internal';
import type { CallOptions, Layer, LayerInputs } from '@strata/layers';
import type { SymbolicLayerInput } from '@strata/layers/internal';
import type { Node } from './node';
import { recordLayer, recordOp } from './record';

/**
 * A tensor of a graph being defined: a shape (null where unknown, as the batch axis) and a dtype, no
 * values. Ops and layers applied to it record a node and return new symbolic tensors, so a model is
 * written as plain code and checked shape by shape as it is written.
 * @example
 * ```ts
 * const x = input({ shape: [784] });
 * x.shape; // [null, 784]
 * const y = new Dense({ units: 10 }).apply(x) as SymbolicTensor; // records a layer node
 * y.shape; // [null, 10]
 * ```
 */
export class SymbolicTensor implements SymbolicLayerInput {
  /** Marks it as symbolic: ops and layers record themselves instead of computing. */
  readonly symbolic = true as const;
  /** The shape, batch axis first; null where unknown until run time. */
  readonly shape: readonly Dim[];
  /** The element type its values will have. */
  readonly dtype: DType;

  /** @internal made by graph nodes only. */
  constructor(
    spec: TensorSpec,
    /** The node that produces this tensor (an input node for `input()`). */
    readonly node: Node,
    /** Which of the node's outputs this is. */
    readonly index: number,
  ) {
    this.shape = Object.freeze([...spec.shape]);
    this.dtype = spec.dtype;
  }

  /** The number of axes. */
  get rank(): number {
    return this.shape.length;
  }

  /** Its producer's name, with the output index when the producer has several outputs. */
  get name(): string {
    return this.node.outputs.length > 1 ? `${this.node.label}:${this.index}` : this.node.label;
  }

  /** @internal an op received this tensor: record the op (called by runOp in @strata/tensor). */
  applyOp(
    def: OpDef<any>,
    inputs: readonly (Tensor | TensorSpec)[],
    attrs: unknown,
    temporaries: readonly Tensor[] = [],
  ): SymbolicTensor[] {
    return recordOp(def, inputs, attrs, temporaries);
  }

  /** @internal a layer received this tensor: record the call (called by Layer.apply). */
  applyLayer(layer: Layer, inputs: LayerInputs, options: CallOptions): SymbolicTensor | SymbolicTensor[] {
    return recordLayer(layer, inputs, options);
  }

  /** `SymbolicTensor(shape=[null,784], dtype=float32, name=input_layer)`. */
  toString(): string {
    return `SymbolicTensor(shape=${fmtShape(this.shape)}, dtype=${this.dtype}, name=${this.name})`;
  }

  // A symbolic tensor stands for values that do not exist yet: reading one is a mistake worth naming.
  /** Throws: a symbolic tensor has no values (the error says to make a model and predict). */
  data(): never {
    throw noValues(this, 'data()');
  }
  /** Throws, as {@link SymbolicTensor.data}. */
  dataSync(): never {
    throw noValues(this, 'dataSync()');
  }
  /** Throws, as {@link SymbolicTensor.data}. */
  array(): never {
    throw noValues(this, 'array()');
  }
  /** Throws, as {@link SymbolicTensor.data}. */
  arraySync(): never {
    throw noValues(this, 'arraySync()');
  }
  /** Nothing to free: a symbolic tensor holds no memory (its graph's constants belong to the model). */
  dispose(): void {}
}

function noValues(t: SymbolicTensor, what: string): StrataError {
  return new StrataError(
    `${what}: ${t} has no values, it is a placeholder in a graph being defined. ` +
      `Make a model from it (new Functional({inputs, outputs})) and call model.predict(x) or model.apply(x) on real tensors`,
  );
}

/**
 * Whether `x` is a tensor of a graph being defined (rather than a tensor with values).
 * @example
 * ```ts
 * isSymbolicTensor(input({ shape: [3] })); // true
 * isSymbolicTensor(tensor([1, 2, 3])); // false
 * ```
 */
export function isSymbolicTensor(x: unknown): x is SymbolicTensor {
  return x instanceof SymbolicTensor;
}
