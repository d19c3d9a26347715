import { fmtShape, opError } from '../../errors';
import type { Dim, Shape } from '../../shape';

/** The attributes of {@link matmul}. */
export interface MatmulAttrs {
  /** Whether a's last two axes are swapped. */
  transposeA: boolean;
  /** Whether b's last two axes are swapped. */
  transposeB: boolean;
}

/** How one operand enters a matrix product: its batch axes and (rows, columns) after any transpose. */
export interface MatrixView {
  batch: Dim[];
  rows: Dim;
  cols: Dim;
}

/**
 * A vector is a one-row `a` or a one-column `b`, as NumPy's matmul reads it; the transpose flags
 * have no effect on it (a vector has no matrix transpose).
 */
export function matrixView(shape: Shape, operand: 'a' | 'b', transpose: boolean): MatrixView {
  const r = shape.length;
  if (r === 1) return operand === 'a' ? { batch: [], rows: 1, cols: shape[0] } : { batch: [], rows: shape[0], cols: 1 };
  const [rows, cols] = transpose ? [shape[r - 1], shape[r - 2]] : [shape[r - 2], shape[r - 1]];
  return { batch: shape.slice(0, r - 2), rows, cols };
}

function flagsText({ transposeA, transposeB }: MatmulAttrs): string {
  return (transposeA ? ', transposeA=true' : '') + (transposeB ? ', transposeB=true' : '');
}

/** NumPy broadcasting of the batch axes, with an error that shows both full shapes. */
export function broadcastBatch(op: string, a: Shape, b: Shape, batchA: readonly Dim[], batchB: readonly Dim[]): Dim[] {
  const rank = Math.max(batchA.length, batchB.length);
  const pad = (s: readonly Dim[]): Dim[] => [...Array<Dim>(rank - s.length).fill(1), ...s];
  const [pa, pb] = [pad(batchA), pad(batchB)];
  return pa.map((da, i) => {
    const db = pb[i];
    if (da === 1 || da === db) return db;
    if (db === 1) return da;
    if (da === null || db === null) return da ?? db;
    throw opError(
      op,
      `batch dimensions cannot be broadcast together: a.shape=${fmtShape(a)}, b.shape=${fmtShape(b)} ` +
        `(batch ${fmtShape(batchA)} vs ${fmtShape(batchB)}; each batch axis must be equal, or 1 in one of them)`,
    );
  });
}

/**
 * The shape of matmul(a, b): broadcast batch, then a's rows and b's columns (none for a vector).
 * @internal
 */
export function matmulShape(op: string, a: Shape, b: Shape, attrs: MatmulAttrs): Dim[] {
  if (a.length === 0 || b.length === 0) {
    throw opError(
      op,
      `operands must have rank >= 1, received a scalar: a.shape=${fmtShape(a)}, b.shape=${fmtShape(b)}; to scale a tensor use mul(a, b)`,
    );
  }
  const va = matrixView(a, 'a', attrs.transposeA);
  const vb = matrixView(b, 'b', attrs.transposeB);
  if (va.cols !== null && vb.rows !== null && va.cols !== vb.rows) {
    throw opError(
      op,
      `inner dimensions differ: a.shape=${fmtShape(a)}, b.shape=${fmtShape(b)}${flagsText(attrs)} (a gives ${va.cols} columns, b gives ${vb.rows} rows)`,
    );
  }
  const batch = broadcastBatch(op, a, b, va.batch, vb.batch);
  return [...batch, ...(a.length === 1 ? [] : [va.rows]), ...(b.length === 1 ? [] : [vb.cols])];
}
