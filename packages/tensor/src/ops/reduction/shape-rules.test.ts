import { argMaxOp } from './arg-max';
import { cumsumOp } from './cumsum';
import { logSumExpOp } from './log-sum-exp';
import { maxOp } from './max';
import { meanOp } from './mean';
import { sumOp } from './sum';

describe('reduction shape rules', () => {
  it('keep unknown dimensions unknown', () => {
    expect(sumOp.infer([{ shape: [null, 3, 4], dtype: 'float32' }], { axis: [2], keepDims: false })).toEqual({
      shape: [null, 3],
      dtype: 'float32',
    });
    expect(maxOp.infer([{ shape: [null, 3], dtype: 'int32' }], { axis: [0], keepDims: true })).toEqual({
      shape: [1, 3],
      dtype: 'int32',
    });
    expect(logSumExpOp.infer([{ shape: [null, null], dtype: 'int32' }], { axis: [1], keepDims: false })).toEqual({
      shape: [null],
      dtype: 'float32',
    });
    expect(
      cumsumOp.infer([{ shape: [null, 2], dtype: 'bool' }], { axis: 0, exclusive: false, reverse: false }),
    ).toEqual({ shape: [null, 2], dtype: 'int32' });
  });

  it('give the NumPy dtypes', () => {
    expect(sumOp.infer([{ shape: [2], dtype: 'bool' }], { axis: [0], keepDims: false })).toEqual({
      shape: [],
      dtype: 'int32',
    });
    expect(meanOp.infer([{ shape: [2], dtype: 'int32' }], { axis: [0], keepDims: false })).toEqual({
      shape: [],
      dtype: 'float32',
    });
  });

  it('accept an unknown argMax axis, reject a known empty one', () => {
    expect(argMaxOp.infer([{ shape: [4, null], dtype: 'float32' }], { axis: 1, keepDims: false })).toEqual({
      shape: [4],
      dtype: 'int32',
    });
    expect(() => argMaxOp.infer([{ shape: [null, 0], dtype: 'float32' }], { axis: 1, keepDims: false })).toThrow(
      'argMax: cannot take the argMax of an empty axis: x.shape=[null,0], axis 1 has size 0',
    );
  });
});
