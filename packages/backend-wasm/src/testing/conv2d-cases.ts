// Test-only: the convolutions both Conv2D gradient tests run (their dy is the forward output's shape).
import type { ConvCase } from './conv-shapes';

export const conv2dCases: ConvCase[] = [
  { name: '1x1 filter, valid', x: [2, 4, 4, 3], filter: [1, 1, 3, 2], strides: 1, pad: 'valid' },
  { name: '3x3, same', x: [2, 5, 5, 3], filter: [3, 3, 3, 4], strides: 1, pad: 'same' },
  { name: '3x3, valid', x: [1, 6, 5, 2], filter: [3, 3, 2, 3], strides: 1, pad: 'valid' },
  { name: '3x3, stride 2, same (uneven padding)', x: [2, 6, 6, 2], filter: [3, 3, 2, 3], strides: 2, pad: 'same' },
  { name: '3x3, stride 2, valid (last row unused)', x: [2, 7, 8, 2], filter: [3, 3, 2, 2], strides: 2, pad: 'valid' },
  { name: '2x4 filter, strides [2,1], same', x: [3, 7, 6, 2], filter: [2, 4, 2, 3], strides: [2, 1], pad: 'same' },
  { name: '5x5 filter on 5x5 input, valid', x: [2, 5, 5, 1], filter: [5, 5, 1, 2], strides: 1, pad: 'valid' },
  { name: 'explicit pad 1', x: [1, 5, 4, 2], filter: [3, 3, 2, 2], strides: 2, pad: 1 },
  {
    name: 'explicit uneven padding',
    x: [2, 5, 6, 2],
    filter: [3, 2, 2, 3],
    strides: [1, 2],
    pad: [
      [0, 0],
      [2, 0],
      [1, 3],
      [0, 0],
    ],
  },
  {
    name: 'explicit pad 1, ceil rounding',
    x: [1, 6, 6, 2],
    filter: [3, 3, 2, 2],
    strides: 2,
    pad: 1,
    dimRoundingMode: 'ceil',
  },
  { name: 'odd sizes, batch 1, channels 1', x: [1, 7, 5, 1], filter: [3, 3, 1, 1], strides: 1, pad: 'same' },
  { name: 'stride 3 wider than the filter', x: [2, 8, 7, 2], filter: [2, 2, 2, 3], strides: 3, pad: 'valid' },
  { name: 'many channels (as a CNN layer)', x: [1, 9, 9, 16], filter: [3, 3, 16, 24], strides: 1, pad: 'valid' },
];

/** `s` (NHWC) in the test's layout. */
export const inLayout = (s: readonly number[], dataFormat: 'NHWC' | 'NCHW'): number[] =>
  dataFormat === 'NHWC' ? [...s] : [s[0], s[3], s[1], s[2]];
