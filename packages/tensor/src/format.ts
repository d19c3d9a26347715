import type { DType, TypedArray } from './dtype';
import { sizeOf } from './shape';

const THRESHOLD = 1000; // as NumPy: summarise larger tensors with '...'
const EDGE = 3;

function formatNumber(v: number, dtype: DType, precision: number): string {
  if (dtype === 'bool') return v ? 'true' : 'false';
  if (dtype === 'int32') return String(v);
  if (Number.isNaN(v)) return 'nan';
  if (!Number.isFinite(v)) return v > 0 ? 'inf' : '-inf';
  if (Number.isInteger(v) && Math.abs(v) < 1e16) return `${v}.`;
  const abs = Math.abs(v);
  if (abs !== 0 && (abs < 1e-4 || abs >= 1e16)) return v.toExponential(precision);
  return String(Number(v.toFixed(precision)));
}

/**
 * Prints values as NumPy does: nested brackets, aligned columns, '...' for large tensors.
 * @internal
 */
export function formatTensor(values: TypedArray, shape: readonly number[], dtype: DType, precision = 4): string {
  const summarise = sizeOf(shape) > THRESHOLD;
  const strings = Array.from(values, (v) => formatNumber(v, dtype, precision));
  const width = strings.reduce((w, s) => Math.max(w, s.length), 0);
  const cell = (i: number) => strings[i].padStart(width);
  if (shape.length === 0) return strings[0];
  const strides = shape.map((_, i) => sizeOf(shape.slice(i + 1)));
  const indices = (n: number) =>
    summarise && n > 2 * EDGE
      ? [...Array(EDGE).keys(), -1, ...Array.from({ length: EDGE }, (_, i) => n - EDGE + i)]
      : [...Array(n).keys()];
  const render = (offset: number, axis: number, indent: string): string => {
    const n = shape[axis];
    if (axis === shape.length - 1) {
      return `[${indices(n)
        .map((i) => (i < 0 ? '...' : cell(offset + i)))
        .join(', ')}]`;
    }
    const sep = `,${'\n'.repeat(shape.length - axis - 1)}${indent} `;
    return `[${indices(n)
      .map((i) => (i < 0 ? '...' : render(offset + i * strides[axis], axis + 1, `${indent} `)))
      .join(sep)}]`;
  };
  return render(0, 0, '');
}
