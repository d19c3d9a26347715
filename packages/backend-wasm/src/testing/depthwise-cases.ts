// Test-only: the depthwise convolutions both depthwise gradient tests run.
import type { ConvCase } from './conv-shapes';

export const depthwiseCases: ConvCase[] = [
  { name: '1x1 filter, multiplier 1', x: [2, 4, 4, 3], filter: [1, 1, 3, 1], strides: 1, pad: 'valid' },
  { name: '3x3, same', x: [2, 5, 5, 3], filter: [3, 3, 3, 1], strides: 1, pad: 'same' },
  { name: '3x3, valid, multiplier 2', x: [1, 6, 5, 2], filter: [3, 3, 2, 2], strides: 1, pad: 'valid' },
  {
    name: '3x3, stride 2, same (uneven padding), multiplier 3',
    x: [2, 6, 6, 2],
    filter: [3, 3, 2, 3],
    strides: 2,
    pad: 'same',
  },
  { name: '3x3, stride 2, valid (last row unused)', x: [2, 7, 8, 2], filter: [3, 3, 2, 1], strides: 2, pad: 'valid' },
  { name: '2x4 filter, strides [2,1], same', x: [3, 7, 6, 2], filter: [2, 4, 2, 2], strides: [2, 1], pad: 'same' },
  {
    name: 'explicit uneven padding',
    x: [2, 5, 6, 2],
    filter: [3, 2, 2, 2],
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
    filter: [3, 3, 2, 1],
    strides: 2,
    pad: 1,
    dimRoundingMode: 'ceil',
  },
  { name: 'dilations 2, same', x: [2, 7, 7, 2], filter: [3, 3, 2, 2], strides: 1, pad: 'same', dilations: 2 },
  {
    name: 'dilations [2,3], valid',
    x: [1, 8, 9, 3],
    filter: [2, 3, 3, 1],
    strides: 1,
    pad: 'valid',
    dilations: [2, 3],
  },
  { name: 'dilations 2, stride 2, same', x: [2, 9, 9, 2], filter: [3, 3, 2, 2], strides: 2, pad: 'same', dilations: 2 },
];

/** [dh, dw] of a case. */
export function dilationsOf(c: ConvCase): [number, number] {
  const d = c.dilations ?? 1;
  return typeof d === 'number' ? [d, d] : d;
}
