import { type ShapeOnlyTensor, symbolicOf as sym, shapeOf } from '../../testing/symbolic';
import * as st from '../../index';

describe('fused ops on symbolic tensors (what a traced Dense or Conv2D records)', () => {
  it('keeps an unknown batch', () => {
    expect(
      shapeOf(st.fusedMatmul({ a: sym([null, 784]), b: sym([784, 512]), bias: sym([512]), activation: 'relu' })),
    ).toEqual([null, 512]);
    expect(shapeOf(st.fusedMatmul({ a: sym([null, null, 8]), b: sym([8, 4]) }))).toEqual([null, null, 4]);
    expect(
      shapeOf(
        st.fusedConv2d({ x: sym([null, 28, 28, 1]), filter: sym([3, 3, 1, 32]), bias: sym([32]), activation: 'relu' }),
      ),
    ).toEqual([null, 26, 26, 32]);
    expect(
      shapeOf(
        st.fusedDepthwiseConv2d({
          x: sym([null, 8, 8, 3]),
          filter: sym([3, 3, 3, 2]),
          bias: sym([6]),
          padding: 'same',
        }),
      ),
    ).toEqual([null, 8, 8, 6]);
  });

  it('checks the bias against the output channels', () => {
    expect(() => st.fusedMatmul({ a: sym([null, 4]), b: sym([4, 3]), bias: sym([4]) })).toThrow(
      'fusedMatmul: bias must have shape [3] (one value per output channel), received bias.shape=[4] for an output of shape [null,3]',
    );
    expect(() => st.fusedConv2d({ x: sym([null, 5, 5, 2]), filter: sym([3, 3, 2, 4]), bias: sym([1, 4]) })).toThrow(
      'fusedConv2d: bias must have shape [4]',
    );
  });

  it('produces float32 from int32 operands', () => {
    const y = st.fusedMatmul({ a: sym([2, 3], 'int32'), b: sym([3, 2], 'int32') }) as unknown as ShapeOnlyTensor;
    expect(y.dtype).toBe('float32');
  });
});
