import type { DType, Shape } from '@strata/tensor';
import { fmtShape } from '@strata/tensor/internal';
import { LayerError } from './errors';

/**
 * What a layer accepts, checked on every call (eager or symbolic), as Keras's InputSpec:
 * rank limits, fixed sizes on given axes (negative axes count from the end), dtype.
 */
export interface InputSpec {
  /** The exact rank the input must have. */
  ndim?: number;
  /** The smallest rank allowed. */
  minNdim?: number;
  /** The largest rank allowed. */
  maxNdim?: number;
  /** Sizes the input must have on given axes (`{[-1]: 16}`: the last axis is 16). */
  axes?: Record<number, number>;
  /** The dtype the input must have. */
  dtype?: DType;
  /** Full shape, null where anything goes. */
  shape?: Shape;
  /** Allow the last axis to be anything (set by layers that only fix the rank). */
  allowLastAxisSqueeze?: boolean;
}

/**
 * Throws Keras's message naming the layer, the spec and the received shape.
 *
 * @example
 * ```ts
 * assertInputCompatible('dense', { minNdim: 2 }, [{ shape: [3], dtype: 'float32' }]); // throws: rank 1 < 2
 * ```
 */
export function assertInputCompatible(
  layerName: string,
  specs: InputSpec | readonly (InputSpec | null)[] | null,
  inputs: readonly { shape: Shape; dtype: DType }[],
): void {
  if (!specs) return;
  const list = Array.isArray(specs) ? specs : [specs as InputSpec];
  if (Array.isArray(specs) && list.length !== inputs.length) {
    throw new LayerError(
      `Layer "${layerName}" expects ${list.length} input(s), but it received ${inputs.length} input tensor(s)`,
    );
  }
  list.forEach((spec, i) => {
    if (!spec) return;
    const x = inputs[i];
    const rank = x.shape.length;
    const bad = (what: string) =>
      new LayerError(
        `Input ${i} of layer "${layerName}" is incompatible: ${what}, received shape ${fmtShape(x.shape)}`,
      );
    if (spec.ndim !== undefined && rank !== spec.ndim) throw bad(`expected ndim=${spec.ndim}, found ndim=${rank}`);
    if (spec.minNdim !== undefined && rank < spec.minNdim)
      throw bad(`expected min_ndim=${spec.minNdim}, found ndim=${rank}`);
    if (spec.maxNdim !== undefined && rank > spec.maxNdim)
      throw bad(`expected max_ndim=${spec.maxNdim}, found ndim=${rank}`);
    if (spec.dtype !== undefined && x.dtype !== spec.dtype)
      throw bad(`expected dtype=${spec.dtype}, found dtype=${x.dtype}`);
    for (const [key, value] of Object.entries(spec.axes ?? {})) {
      const axis = Number(key) < 0 ? rank + Number(key) : Number(key);
      const got = x.shape[axis];
      if (got !== null && got !== undefined && got !== value) throw bad(`expected axis ${key} to have value ${value}`);
    }
    if (spec.shape) {
      if (spec.shape.length !== rank) throw bad(`expected shape=${fmtShape(spec.shape)}`);
      spec.shape.forEach((d: number | null, axis: number) => {
        const got = x.shape[axis];
        if (d !== null && got !== null && d !== got) throw bad(`expected shape=${fmtShape(spec.shape!)}`);
      });
    }
  });
}
