// Shape rules with unknown (null) dimensions, as symbolic tensors of a graph under construction
// see them. Values are covered by the conformance table (testing/cases/elementwise.ts).
import type { OpDef, SymbolicTensorLike, TensorSpec } from '../../op';
import type { DType } from '../../dtype';
import type { Dim } from '../../shape';
import * as st from '../../index';

/** A stand-in for @strata/graph's symbolic tensor: records nothing, returns the inferred specs. */
function symbolic(shape: Dim[], dtype: DType = 'float32'): SymbolicTensorLike {
  const applyOp = (def: OpDef<any>, inputs: readonly TensorSpec[], attrs: unknown) => [def.infer(inputs, attrs)].flat();
  return { symbolic: true, shape, dtype, applyOp };
}

const spec = (x: unknown): TensorSpec => x as TensorSpec;

test('unary ops keep unknown dimensions and apply their dtype rule', () => {
  expect(spec(st.exp(symbolic([null, 3], 'int32')))).toEqual({ shape: [null, 3], dtype: 'float32' });
  expect(spec(st.abs(symbolic([null], 'bool')))).toEqual({ shape: [null], dtype: 'int32' });
  expect(spec(st.isNaN(symbolic([2, null])))).toEqual({ shape: [2, null], dtype: 'bool' });
  expect(spec(st.leakyRelu(symbolic([null]), 0.1))).toEqual({ shape: [null], dtype: 'float32' });
});

test('binary ops broadcast unknown dimensions', () => {
  expect(spec(st.maximum(symbolic([null, 3]), symbolic([3])))).toEqual({ shape: [null, 3], dtype: 'float32' });
  expect(spec(st.less(symbolic([null, 1], 'int32'), symbolic([1, 4], 'int32')))).toEqual({
    shape: [null, 4],
    dtype: 'bool',
  });
  expect(spec(st.floorDiv(symbolic([null], 'int32'), symbolic([null], 'int32')))).toEqual({
    shape: [null],
    dtype: 'int32',
  });
  expect(() => st.mod(symbolic([null, 3]), symbolic([4]))).toThrow(
    /^mod: shapes cannot be broadcast together: a.shape=\[null,3\], b.shape=\[4\]/,
  );
});

test('where and clipByValue infer through unknown dimensions', () => {
  expect(spec(st.where(symbolic([null, 1], 'bool'), symbolic([3], 'int32'), symbolic([], 'float32')))).toEqual({
    shape: [null, 3],
    dtype: 'float32',
  });
  expect(() => st.where(symbolic([null], 'int32'), symbolic([null]), symbolic([null]))).toThrow(
    /^where: condition must be bool, received int32 \(condition.shape=\[null\]\)/,
  );
  expect(() => st.where(symbolic([2], 'bool'), symbolic([null, 3]), symbolic([4]))).toThrow(
    /^where: shapes cannot be broadcast together: condition.shape=\[2\], a.shape=\[null,3\], b.shape=\[4\]/,
  );
  expect(spec(st.clipByValue(symbolic([null], 'int32'), 0, 6))).toEqual({ shape: [null], dtype: 'int32' });
  expect(spec(st.clipByValue(symbolic([null], 'int32'), 0, 0.5))).toEqual({ shape: [null], dtype: 'float32' });
});

test('logical ops name the argument that is not bool', () => {
  expect(() => st.logicalOr(symbolic([null], 'bool'), symbolic([null, 2], 'float32'))).toThrow(
    /^logicalOr: b must be bool, received float32 \(b.shape=\[null,2\]\)/,
  );
  expect(spec(st.logicalXor(symbolic([null, 1], 'bool'), symbolic([5], 'bool')))).toEqual({
    shape: [null, 5],
    dtype: 'bool',
  });
});
