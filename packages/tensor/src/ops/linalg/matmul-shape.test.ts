import { matmulOp } from './matmul';
import { matmulShape } from './matmul-shape';

const plain = { transposeA: false, transposeB: false };

describe('matmul shape rule', () => {
  it('keeps unknown dimensions unknown', () => {
    expect(matmulShape('matmul', [null, 3, 4], [4, 5], plain)).toEqual([null, 3, 5]);
    expect(matmulShape('matmul', [null, 4], [4, null], plain)).toEqual([null, null]);
  });

  it('does not check an unknown inner dimension', () => {
    expect(matmulShape('matmul', [2, null], [7, 5], plain)).toEqual([2, 5]);
  });

  it('broadcasts unknown batch dimensions', () => {
    expect(matmulShape('matmul', [null, 1, 2, 3], [4, 3, 5], plain)).toEqual([null, 4, 2, 5]);
    expect(matmulShape('matmul', [null, 2, 3], [1, 3, 5], plain)).toEqual([null, 2, 5]);
  });

  it('applies transposes and drops vector axes', () => {
    expect(matmulShape('matmul', [null, 4, 3], [5, 4], { transposeA: true, transposeB: true })).toEqual([null, 3, 5]);
    expect(matmulShape('matmul', [3], [null, 3, 2], plain)).toEqual([null, 2]);
    expect(matmulShape('matmul', [3], [3], plain)).toEqual([]);
  });

  it('promotes dtypes, counting bool as int32', () => {
    expect(
      matmulOp.infer(
        [
          { shape: [2, 2], dtype: 'bool' },
          { shape: [2, 2], dtype: 'bool' },
        ],
        plain,
      ),
    ).toEqual({ shape: [2, 2], dtype: 'int32' });
    expect(
      matmulOp.infer(
        [
          { shape: [2, 2], dtype: 'int32' },
          { shape: [2, 2], dtype: 'float32' },
        ],
        plain,
      ),
    ).toEqual({ shape: [2, 2], dtype: 'float32' });
  });

  it('still rejects known mismatches', () => {
    expect(() => matmulShape('matmul', [null, 2, 3], [null, 4, 5], plain)).toThrow(
      'matmul: inner dimensions differ: a.shape=[null,2,3], b.shape=[null,4,5]',
    );
  });
});
