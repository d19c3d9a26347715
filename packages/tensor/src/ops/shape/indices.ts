// Out-of-range indices in gather, gatherND and scatterND. Index values live on the device, so checking
// them needs a host read. Strata's rule, the same on every backend that can afford it:
//  - where the data is in host memory (cpu, wasm: `dataOnHost`), the indices are read and an
//    out-of-range one raises an error naming the op, the index and the range;
//  - where it is not (WebGPU), reading would stall the pipeline even where the browser can read
//    synchronously (and in a worker on SwiftShader that read loses the device), so out-of-range rows are made
//    harmless instead: they gather zeros, and scatter updates to them are dropped. Never garbage,
//    never a read or write outside the tensor (WebGPU's own kernels would clamp or wrap).
import type { TensorInfo } from '../../backend';
import { opError, fmtShape } from '../../errors';
import type { Scratch } from '../../kernels/scratch';
import { runAxiswise } from './axiswise';

/** How an op describes its index rows in errors. */
export interface IndexRange {
  op: string;
  /** Exclusive upper bound of each component of an index row (one entry for gather). */
  bounds: readonly number[];
  /** What the bounds are, for the error: "axis 1 of x (shape [2,4])". */
  describe: string;
}

/** Indices made safe to hand to a kernel, and (where they could not be checked) which rows were valid. */
export interface GuardedIndices {
  indices: TensorInfo;
  /** bool, one entry per index row; null where every row was checked and valid. */
  valid: TensorInfo | null;
}

function fmtPosition(flat: number, shape: readonly number[]): string {
  if (shape.length === 0) return '';
  const pos: number[] = new Array(shape.length).fill(0);
  for (let i = shape.length - 1, rest = flat; i >= 0; i--) {
    pos[i] = rest % shape[i];
    rest = Math.floor(rest / shape[i]);
  }
  return `[${pos.join(',')}]`;
}

/**
 * Checks index rows (the last axis of `indices` is a row of `bounds.length` components, or each
 * entry is a row when `rowAxis` is false) or makes them safe; see the file comment.
 */
export function guardIndices(s: Scratch, indices: TensorInfo, range: IndexRange, rowAxis: boolean): GuardedIndices {
  const k = range.bounds.length;
  if (k === 0) return { indices, valid: null };
  if (s.backend.canReadSync && s.backend.dataOnHost) {
    const values = s.backend.tf.readSync(indices.dataId) as ArrayLike<number>;
    const rowShape = rowAxis ? indices.shape.slice(0, -1) : indices.shape;
    for (let row = 0; row * k < values.length; row++) {
      for (let j = 0; j < k; j++) {
        const v = values[row * k + j];
        if (v >= 0 && v < range.bounds[j]) continue;
        const got = rowAxis ? `[${Array.from({ length: k }, (_, c) => values[row * k + c]).join(',')}]` : String(v);
        const allowed = range.bounds.map((b) => `0..${b - 1}`).join(', ');
        throw opError(
          range.op,
          `indices${fmtPosition(row, rowShape)} is ${got}, out of range for ${range.describe}: each index must be in ${allowed}`,
        );
      }
    }
    return { indices, valid: null };
  }
  return maskIndices(s, indices, range.bounds, rowAxis);
}

/** Replaces out-of-range rows by 0 and reports which rows were in range (built from device kernels only). */
function maskIndices(s: Scratch, indices: TensorInfo, bounds: readonly number[], rowAxis: boolean): GuardedIndices {
  const aboveZero = s.run('GreaterEqual', { a: indices, b: s.scalar(0, 'int32') });
  const belowLimit = s.run('Less', { a: indices, b: s.write(bounds, rowAxis ? [bounds.length] : [], 'int32') });
  let valid = s.run('LogicalAnd', { a: aboveZero, b: belowLimit });
  if (rowAxis) valid = s.run('All', { x: valid }, { axis: [indices.shape.length - 1], keepDims: false });
  const validInt = s.cast(valid, 'int32');
  const factor = rowAxis ? s.reshape(validInt, [...validInt.shape, 1]) : validInt;
  return { indices: s.run('Multiply', { a: indices, b: factor }), valid };
}

/**
 * Zeroes the entries of `t` that come from invalid index rows. `validShape` is the shape `valid`
 * broadcasts to `t` with (its axes in place, 1 elsewhere). Select, not a multiply: 0 * NaN is NaN.
 */
export function zeroInvalid(s: Scratch, t: TensorInfo, valid: TensorInfo, validShape: readonly number[]): TensorInfo {
  const reps = t.shape.map((d, i) => (validShape[i] === 1 ? d : 1));
  const condition = runAxiswise(
    s,
    s.reshape(valid, validShape),
    reps.map((r) => r !== 1),
    t.shape,
    (view, axes) => s.run('Tile', { x: view }, { reps: axes.map((a) => (a < 0 ? 1 : reps[a])) }),
  );
  return s.run('Select', { condition, t, e: s.run('ZerosLike', { x: t }) });
}

/** The error for an op that cannot index an axis of size 0 with a non-empty index tensor. */
export function emptyAxisError(op: string, what: string, shape: readonly (number | null)[]): Error {
  return opError(op, `${what} of x (shape ${fmtShape(shape)}) has size 0, so every index is out of range`);
}
