import { toTensor, type OpInput } from '../../convert';
import type { DType } from '../../dtype';
import { opError } from '../../errors';
import { composed } from '../../kernels/scratch';
import { defineOp, runOp, type OpDef } from '../../op';
import { normalizeAxes, type Dim } from '../../shape';
import type { Tensor } from '../../tensor';

/** The attributes every axis reduction records: normalised axes, and whether reduced axes stay as 1. */
export interface ReduceAttrs {
  /** The axes to reduce, non-negative and sorted. */
  axis: number[];
  /** Whether reduced axes stay, with size 1. */
  keepDims: boolean;
}

/**
 * The axes a reduction runs over, sorted and non-negative (all if omitted); a scalar has none.
 * @internal
 */
export function reductionAxes(op: string, axis: number | readonly number[] | undefined | null, rank: number): number[] {
  const axes = normalizeAxes(op, axis, rank);
  // A scalar's axis 0 passes normalizeAxes, yet leaves nothing to reduce.
  return rank === 0 ? [] : axes;
}

/**
 * The shape a reduction over `axes` leaves.
 * @internal
 */
export function reducedShape(shape: readonly Dim[], axes: readonly number[], keepDims: boolean): Dim[] {
  return keepDims ? shape.map((d, i) => (axes.includes(i) ? 1 : d)) : shape.filter((_, i) => !axes.includes(i));
}

/** How one reduction maps onto its tfjs kernel. */
export interface ReductionOptions {
  /** The tfjs-core kernel that computes it ('Sum', 'Max', ...). */
  kernelName: string;
  /** tfjs names the axes attribute `reductionIndices` for Max, `axis` elsewhere. */
  axisAttr?: string;
  /** The dtype the kernel is given (tfjs kernels disagree across backends on bool and int inputs). */
  compute: (input: DType) => DType;
  /** The dtype of the result. */
  result: (input: DType) => DType;
  /** The result of reducing nothing (the operation's identity), for the output's dtype. */
  identity: (output: DType) => number;
}

/**
 * The definition of a reduction over `axis` that one tfjs kernel computes.
 * @internal
 */
export function reductionDef(name: string, options: ReductionOptions): OpDef<ReduceAttrs> {
  return defineOp<ReduceAttrs>({
    name,
    infer: ([x], { axis, keepDims }) => ({
      shape: reducedShape(x.shape, axis, keepDims),
      dtype: options.result(x.dtype),
    }),
    kernel: (ctx, [x], { axis }, [out]) =>
      composed(ctx, (s) => {
        const input = s.cast(x, options.compute(x.dtype));
        // No axes: nothing to reduce. keepDims is applied by the op's shape rule: the data are the same either way.
        const reduced =
          axis.length === 0
            ? input
            : s.run(options.kernelName, { x: input }, { [options.axisAttr ?? 'axis']: [...axis], keepDims: false });
        return s.cast(reduced, out.dtype);
      }),
    empty: (_inputs, _attrs, [out]) => [options.identity(out.dtype)],
  });
}

/** Runs `validate`; if it throws, frees the temporaries made from JS values first (runOp frees them otherwise). */
export function validating<T>(temps: readonly Tensor[], validate: () => T): T {
  try {
    return validate();
  } catch (e) {
    for (const t of temps) t.dispose();
    throw e;
  }
}

/** Checks that keepDims is a boolean. */
export function checkKeepDims(op: string, keepDims: unknown): boolean {
  if (typeof keepDims !== 'boolean') throw opError(op, `keepDims must be a boolean, received ${String(keepDims)}`);
  return keepDims;
}

/** Calls a reduction op on a tensor-like argument. */
export function callReduction(
  def: OpDef<ReduceAttrs>,
  x: OpInput,
  axis: number | readonly number[] | undefined | null,
  keepDims: unknown,
): Tensor {
  const temps: Tensor[] = [];
  const t = toTensor(x, def.name, 'x', temps);
  const attrs = validating(temps, () => ({
    axis: reductionAxes(def.name, axis, t.shape.length),
    keepDims: checkKeepDims(def.name, keepDims),
  }));
  return runOp(def, [t], attrs, temps);
}

/** bool becomes int32 (sums count trues, as NumPy); other dtypes are kept. */
export const boolAsInt = (d: DType): DType => (d === 'bool' ? 'int32' : d);
