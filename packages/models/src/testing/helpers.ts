// Helpers for the models package's tests (workspace-only: '@strata/models/testing' is not published).
import { mul, type Tensor } from '@strata/tensor';
import { Layer } from '@strata/layers';

export async function values(t: unknown): Promise<number[]> {
  return Array.from(await (t as Tensor).data());
}

export async function expectClose(a: unknown, b: unknown, digits = 5): Promise<void> {
  const [x, y] = [await values(a), await values(b)];
  expect(x.length).toBe(y.length);
  x.forEach((v, i) => expect(v).toBeCloseTo(y[i], digits));
}

// Marks zeros as padding, as Embedding({maskZero}) does: graph's test layer, shared.
export { ZeroMasker } from '@strata/graph/testing';

/** Records the values of the mask each call receives (null for none). */
export class MaskReader extends Layer {
  static override className = 'MaskReader';
  masks: (number[] | null)[] = [];
  override supportsMasking = true;
  override call(x: Tensor, options: { mask?: unknown } = {}): Tensor {
    const mask = options.mask as Tensor | null | undefined;
    this.masks.push(mask && !(mask as { symbolic?: boolean }).symbolic ? Array.from(mask.dataSync()) : null);
    return mul(x, 1);
  }
}

/** Collects what a summary prints. */
export function captured(): { lines: string[]; printFn: (line: string) => void } {
  const lines: string[] = [];
  return { lines, printFn: (line: string) => lines.push(line) };
}
