import type { TensorInfo } from '../../backend';
import type { Scratch } from '../../kernels/scratch';
import type { Pair } from './geometry';

/*
 * TensorFlow.js's backprop kernels ignore dilations (and its conv gradients refuse them). A dilated
 * filter is an ordinary filter with (dilation - 1) zeros between its taps, so the gradients of a
 * dilated convolution are the undilated backprops with that zero-filled filter: the input gradient
 * takes the expanded filter, the filter gradient is the expanded filter's gradient at the taps.
 */

/** The filter size a dilation spreads `size` taps over. */
export function effectiveSize(size: number, dilation: number): number {
  return (size - 1) * dilation + 1;
}

/** Inserts zeros between the taps of a [h, w, a, b] filter along axis 0 of `rows`, kept rank <= 4 for every backend. */
function spreadRows(s: Scratch, f: TensorInfo, rows: number, rest: number, dilation: number): TensorInfo {
  const split = s.reshape(f, [rows, 1, rest]);
  const padded = s.run(
    'PadV2',
    { x: split },
    {
      paddings: [
        [0, 0],
        [0, dilation - 1],
        [0, 0],
      ],
      constantValue: 0,
    },
  );
  const flat = s.reshape(padded, [rows * dilation, rest]);
  return s.run('Slice', { x: flat }, { begin: [0, 0], size: [effectiveSize(rows, dilation), rest] });
}

/** The zero-filled filter equivalent to `filter` ([h, w, a, b]) at `dilations`. */
export function dilateFilter(s: Scratch, filter: TensorInfo, dilations: Pair): TensorInfo {
  const [h, w, a, b] = filter.shape;
  const [dh, dw] = dilations;
  let f = filter;
  const effH = effectiveSize(h, dh);
  const effW = effectiveSize(w, dw);
  if (dh > 1) f = spreadRows(s, f, h, w * a * b, dh);
  if (dw > 1) {
    // Spread the columns inside each row: treat [effH, w, a*b] as effH * w rows of a*b values.
    const split = s.reshape(f, [effH, w, 1, a * b]);
    const padded = s.run(
      'PadV2',
      { x: split },
      {
        paddings: [
          [0, 0],
          [0, 0],
          [0, dw - 1],
          [0, 0],
        ],
        constantValue: 0,
      },
    );
    const flat = s.reshape(padded, [effH, w * dw, a * b]);
    f = s.run('Slice', { x: flat }, { begin: [0, 0, 0], size: [effH, effW, a * b] });
  }
  return s.reshape(f, [effH, effW, a, b]);
}

/** The taps of an expanded filter gradient ([effH, effW, a, b]) that a filter at `dilations` has. */
export function filterTaps(s: Scratch, expanded: TensorInfo, dilations: Pair): TensorInfo {
  const [eh, ew, a, b] = expanded.shape;
  return s.run(
    'StridedSlice',
    { x: expanded },
    {
      begin: [0, 0, 0, 0],
      end: [eh, ew, a, b],
      strides: [dilations[0], dilations[1], 1, 1],
      beginMask: 0,
      endMask: 0,
      ellipsisMask: 0,
      newAxisMask: 0,
      shrinkAxisMask: 0,
    },
  );
}
