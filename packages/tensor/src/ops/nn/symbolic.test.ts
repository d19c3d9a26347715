import { type ShapeOnlyTensor, symbolicOf as sym, shapeOf } from '../../testing/symbolic';
import * as st from '../../index';

describe('nn shape rules with unknown dimensions', () => {
  it('keeps an unknown batch through convolutions and pooling', () => {
    expect(shapeOf(st.conv2d(sym([null, 8, 8, 3]), sym([3, 3, 3, 16]), { strides: 2, padding: 'same' }))).toEqual([
      null,
      4,
      4,
      16,
    ]);
    expect(shapeOf(st.depthwiseConv2d(sym([null, 8, 8, 3]), sym([3, 3, 3, 2])))).toEqual([null, 6, 6, 6]);
    expect(
      shapeOf(st.separableConv2d(sym([null, 8, 8, 3]), sym([3, 3, 3, 2]), sym([1, 1, 6, 5]), { padding: 'same' })),
    ).toEqual([null, 8, 8, 5]);
    expect(shapeOf(st.maxPool2d(sym([null, 7, 7, 4]), 2))).toEqual([null, 3, 3, 4]);
    expect(shapeOf(st.avgPool1d(sym([null, 9, 4]), 3, { strides: 2, padding: 'same' }))).toEqual([null, 5, 4]);
    expect(
      shapeOf(st.conv2dTranspose(sym([null, 4, 4, 8]), sym([3, 3, 2, 8]), null, { strides: 2, padding: 'same' })),
    ).toEqual([null, 8, 8, 2]);
  });

  it('leaves unknown spatial sizes unknown', () => {
    expect(shapeOf(st.conv1d(sym([null, null, 3]), sym([5, 3, 8]), { padding: 'causal', dilations: 2 }))).toEqual([
      null,
      null,
      8,
    ]);
    expect(shapeOf(st.conv2d(sym([2, null, 6, 3]), sym([3, 3, 3, 4])))).toEqual([2, null, 4, 4]);
    expect(shapeOf(st.resizeBilinear(sym([null, null, null, 3]), [10, 12]))).toEqual([null, 10, 12, 3]);
  });

  it('still checks what is known', () => {
    expect(() => st.conv2d(sym([null, 8, 8, 3]), sym([3, 3, 4, 16]))).toThrow(
      'conv2d: input channels differ: x.shape=[null,8,8,3] has 3 channels, filter.shape=[3,3,4,16] expects 4',
    );
    expect(() => st.softmax(sym([null, 4]), 3)).toThrow(
      'softmax: axis must be an integer in [-2, 1] for x.shape=[null,4], received 3',
    );
  });

  it('infers the other ops', () => {
    expect(shapeOf(st.softmax(sym([null, 10])))).toEqual([null, 10]);
    expect(shapeOf(st.logSoftmax(sym([null, 10]), 0))).toEqual([null, 10]);
    expect(shapeOf(st.batchNorm(sym([null, 5, 4]), sym([4]), sym([4]), sym([4]), sym([4])))).toEqual([null, 5, 4]);
    expect(shapeOf(st.dropout(sym([null, 6]), 0.3, { noiseShape: [null, 1] }))).toEqual([null, 6]);
    const { values, indices } = st.topK(sym([null, 9]), 4);
    expect([shapeOf(values), shapeOf(indices), (indices as unknown as ShapeOnlyTensor).dtype]).toEqual([
      [null, 4],
      [null, 4],
      'int32',
    ]);
    expect(shapeOf(st.unsortedSegmentSum(sym([null, 3]), sym([null], 'int32'), 5))).toEqual([5, 3]);
    expect(
      shapeOf(
        st.conv2dBackpropInput(sym([null, 4, 4, 8]), sym([3, 3, 2, 8]), [null, 8, 8, 2], {
          strides: 2,
          padding: 'same',
        }),
      ),
    ).toEqual([null, 8, 8, 2]);
  });
});
