// Shape rules on symbolic tensors, whose dimensions may be unknown (null): the op functions must
// normalise their arguments without knowing sizes, and each rule must keep what is known.
import type { DType } from '../../dtype';
import type { OpDef, SymbolicTensorLike, TensorSpec } from '../../op';
import type { Dim } from '../../shape';
import * as ops from '../index';

/** A symbolic tensor whose "recording" is just the op's shape rule (runOp expects a list of outputs). */
function sym(shape: Dim[], dtype: DType = 'float32'): SymbolicTensorLike {
  return {
    symbolic: true,
    shape,
    dtype,
    applyOp: (def: OpDef<unknown>, inputs: readonly TensorSpec[], attrs: unknown) => [def.infer(inputs, attrs)].flat(),
  };
}
const shapeOf = (spec: unknown) => (spec as TensorSpec).shape;
const shapesOf = (specs: unknown) => (specs as TensorSpec[]).map((s) => s.shape);

describe('shape rules with unknown dimensions', () => {
  it('transpose, expandDims, squeeze, reshape, cast, clone, reverse', () => {
    expect(shapeOf(ops.transpose(sym([null, 3, 4])))).toEqual([4, 3, null]);
    expect(shapeOf(ops.expandDims(sym([null, 2]), -1))).toEqual([null, 2, 1]);
    expect(shapeOf(ops.squeeze(sym([null, 1]), 1))).toEqual([null]);
    expect(shapeOf(ops.squeeze(sym([null, 3]), 0))).toEqual([3]);
    expect(() => ops.squeeze(sym([null, 1]))).toThrow(
      /^squeeze: x has unknown dimensions \(shape \[null,1\]\); pass axis so that the rank of the result is known$/,
    );
    expect(shapeOf(ops.reshape(sym([null, 4]), [-1, 2]))).toEqual([null, 2]);
    expect((ops.cast(sym([null]), 'int32') as unknown as TensorSpec).dtype).toBe('int32');
    expect(shapeOf(ops.clone(sym([null, 2])))).toEqual([null, 2]);
    expect(shapeOf(ops.reverse(sym([null, 2]), 0))).toEqual([null, 2]);
  });

  it('concat, stack, unstack, split', () => {
    expect(shapeOf(ops.concat([sym([null, 2]), sym([null, 3])], 1))).toEqual([null, 5]);
    expect(shapeOf(ops.concat([sym([null, 2]), sym([3, null])], 0))).toEqual([null, 2]);
    expect(shapeOf(ops.concat([sym([2, 2]), sym([3, null])], 0))).toEqual([5, 2]);
    expect(() => ops.concat([sym([null, 2]), sym([4, 3])], 0)).toThrow(
      /^concat: inputs 0 and 1 differ on axis 1: shapes \[null,2\] and \[4,3\]/,
    );
    expect(shapeOf(ops.stack([sym([null, 2]), sym([3, null])], 1))).toEqual([3, 2, 2]);
    expect(shapesOf(ops.unstack(sym([null, 3]), 1))).toEqual([[null], [null], [null]]);
    expect(() => ops.unstack(sym([null, 3]))).toThrow(
      /^unstack: axis 0 of x \(shape \[null,3\]\) has unknown size, so the number of outputs is unknown$/,
    );
    expect(shapesOf(ops.split(sym([2, null]), 2, 1))).toEqual([
      [2, null],
      [2, null],
    ]);
    expect(shapesOf(ops.split(sym([2, null]), [1, -1], -1))).toEqual([
      [2, 1],
      [2, null],
    ]);
    expect(shapesOf(ops.split(sym([4, null]), [1, 3]))).toEqual([
      [1, null],
      [3, null],
    ]);
  });

  it('slice and stridedSlice', () => {
    expect(shapeOf(ops.slice(sym([null, 5]), [1, 1], [-1, 2]))).toEqual([null, 2]);
    expect(shapeOf(ops.slice(sym([null]), [2], [3]))).toEqual([3]);
    expect(shapeOf(ops.stridedSlice(sym([null, 6]), [0, 1], [0, 5], [1, 2], { beginMask: 1, endMask: 1 }))).toEqual([
      null,
      2,
    ]);
    expect(
      shapeOf(
        ops.stridedSlice(sym([null, 6]), [0, 0], [1, 0], [1, 1], { shrinkAxisMask: 1, endMask: 2, newAxisMask: 0 }),
      ),
    ).toEqual([6]);
    // Entries after the ellipsis bind to the last axes; a new axis consumes none.
    expect(
      shapeOf(
        ops.stridedSlice(sym([null, 6, 2]), [0, 1, 0], [0, 0, 0], [1, -1, 1], {
          ellipsisMask: 1,
          endMask: 2,
          newAxisMask: 4,
        }),
      ),
    ).toEqual([null, 6, 2, 1]);
  });

  it('gather, gatherND, scatterND, oneHot', () => {
    expect(shapeOf(ops.gather(sym([null, 4]), sym([null], 'int32'), 1))).toEqual([null, null]);
    expect(shapeOf(ops.gather(sym([null, 3, 4]), sym([2, 5], 'int32'), 1, 1))).toEqual([2, 5, 4]);
    expect(shapeOf(ops.gatherND(sym([null, 3, 2]), sym([5, 2], 'int32')))).toEqual([5, 2]);
    expect(() => ops.gatherND(sym([3, 2]), sym([5, null], 'int32'))).toThrow(
      /^gatherND: the last axis of indices \(shape \[5,null\]\) must have a known size$/,
    );
    expect(shapeOf(ops.scatterND(sym([null, 1], 'int32'), sym([null, 3]), [4, 3]))).toEqual([4, 3]);
    expect(() => ops.scatterND(sym([null, 1], 'int32'), sym([null, 2]), [4, 3])).toThrow(
      /^scatterND: updates must have shape indices.shape\[:-1\] \+ shape\[1:\] = \[null,3\], received \[null,2\]$/,
    );
    expect(shapeOf(ops.oneHot(sym([null], 'int32'), 3))).toEqual([null, 3]);
  });

  it('tile, pad, broadcastTo', () => {
    expect(shapeOf(ops.tile(sym([null, 2]), [3, 2]))).toEqual([null, 4]);
    expect(shapeOf(ops.tile(sym([null, 2]), [0, 1]))).toEqual([0, 2]);
    expect(
      shapeOf(
        ops.pad(
          sym([null, 2]),
          [
            [1, 1],
            [0, 1],
          ],
          { mode: 'reflect' },
        ),
      ),
    ).toEqual([null, 3]);
    expect(shapeOf(ops.broadcastTo(sym([null, 1]), [4, 3]))).toEqual([4, 3]);
    expect(() => ops.broadcastTo(sym([null, 2]), [4, 3])).toThrow(
      /^broadcastTo: x of shape \[null,2\] cannot be broadcast to \[4,3\]/,
    );
  });
});
