// Test helpers of @strata/training: the backend every test starts, and small readers.
import { setBackend, type Tensor } from '@strata/tensor';
import { cpu } from '@strata/backend-cpu';

/** Starts the cpu backend (call from beforeAll). */
export async function useCpu(): Promise<void> {
  await setBackend(cpu());
}

/** A tensor's values as a plain array. */
export function values(t: Tensor): number[] {
  return Array.from(t.dataSync());
}

/** Expects two arrays to agree element-wise to a relative-or-absolute tolerance. */
export function expectClose(got: ArrayLike<number>, want: ArrayLike<number>, tol = 1e-5): void {
  expect(got.length).toBe(want.length);
  for (let i = 0; i < want.length; i++) {
    const err = Math.abs(got[i] - want[i]);
    if (!(err <= tol * Math.max(1, Math.abs(want[i])))) {
      throw new Error(
        `element ${i}: got ${got[i]}, want ${want[i]} (|error| ${err} > tolerance ${tol})\n got:  ${Array.from(got).slice(0, 8).join(', ')}\n want: ${Array.from(want).slice(0, 8).join(', ')}`,
      );
    }
  }
}
