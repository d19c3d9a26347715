import type { TensorSpec } from '../../op';
import { einsumOp } from './einsum';
import { parseEinsum } from './einsum-equation';

const infer = (equation: string, a: (number | null)[], b: (number | null)[]) =>
  einsumOp.infer(
    [
      { shape: a, dtype: 'float32' },
      { shape: b, dtype: 'float32' },
    ],
    parseEinsum(equation, a.length, b.length),
  ) as TensorSpec;

describe('einsum equations', () => {
  it('names the axes under "..." right-aligned, as NumPy broadcasts them', () => {
    expect(parseEinsum('...ij,jk->...ik', 4, 2)).toEqual({
      a: ['.0', '.1', 'i', 'j'],
      b: ['j', 'k'],
      out: ['.0', '.1', 'i', 'k'],
    });
    expect(parseEinsum('...ij,...jk->...ik', 3, 4)).toEqual({
      a: ['.1', 'i', 'j'],
      b: ['.0', '.1', 'j', 'k'],
      out: ['.0', '.1', 'i', 'k'],
    });
    expect(parseEinsum('ab...,bc->ac...', 4, 2)).toEqual({
      a: ['a', 'b', '.0', '.1'],
      b: ['b', 'c'],
      out: ['a', 'c', '.0', '.1'],
    });
  });

  it('gives the implicit output: broadcast axes, then the labels used once, sorted', () => {
    expect(parseEinsum('ba,ca', 2, 2).out).toEqual(['b', 'c']);
    expect(parseEinsum('...j,jk', 3, 2).out).toEqual(['.0', '.1', 'k']);
  });
});

describe('einsum shape rule with unknown dimensions', () => {
  it('keeps unknown batch and sequence sizes (EinsumDense, attention)', () => {
    expect(infer('abc,cde->abde', [null, null, 16], [16, 2, 8])).toEqual({
      shape: [null, null, 2, 8],
      dtype: 'float32',
    });
    expect(infer('aecd,abcd->acbe', [null, null, 2, 8], [null, 5, 2, 8])).toEqual({
      shape: [null, 2, 5, null],
      dtype: 'float32',
    });
    expect(infer('...b,bc->...c', [null, 7, 4], [4, 3])).toEqual({ shape: [null, 7, 3], dtype: 'float32' });
  });

  it('lets an unknown size agree with anything, but a broadcasting 1 leaves it unknown', () => {
    expect(infer('ij,jk->ik', [2, null], [3, 4]).shape).toEqual([2, 4]);
    expect(infer('bij,bjk->bik', [null, 2, 3], [1, 3, 4]).shape).toEqual([null, 2, 4]);
    expect(infer('bij,bjk->bik', [null, 2, 3], [5, 3, 4]).shape).toEqual([5, 2, 4]);
  });

  it('still checks what is known', () => {
    expect(() => infer('abc,cd->abd', [null, null, 3], [4, 5])).toThrow(/label 'c' has size 3 in a and 4 in b/);
    expect(() => infer('bij,bjk->bik', [2, 2, 3], [3, 3, 4])).toThrow(
      /label 'b' has size 2 in a and 3 in b .*sizes must be equal, or 1 in one operand/,
    );
  });
});
