import type { OpDef, SymbolicTensorLike, TensorSpec } from '../op';
import type { Dim } from '../shape';
import type { DType } from '../dtype';
import type { Tensor } from '../tensor';

/**
 * A stand-in for @strata/graph's symbolic tensor, for tests below the graph: it records nothing and
 * only runs each op's shape rule, so an op or a layer's call() can be checked on unknown dimensions.
 */
export class ShapeOnlyTensor implements SymbolicTensorLike {
  readonly symbolic = true as const;
  constructor(
    readonly shape: Dim[],
    readonly dtype: DType = 'float32',
  ) {}
  applyOp(def: OpDef<any>, inputs: readonly TensorSpec[], attrs: unknown): unknown {
    const out = def.infer(inputs, attrs);
    return (Array.isArray(out) ? out : [out]).map((s) => new ShapeOnlyTensor([...s.shape], s.dtype));
  }
}

/** A shape-only stand-in typed as a Tensor, to pass to ops and layers. */
export function symbolicOf(shape: Dim[], dtype: DType = 'float32'): Tensor {
  return new ShapeOnlyTensor(shape, dtype) as unknown as Tensor;
}

/** The shape an op or layer gave a shape-only stand-in. */
export function shapeOf(t: unknown): Dim[] {
  return (t as ShapeOnlyTensor).shape;
}
