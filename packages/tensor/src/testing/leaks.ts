import { memory } from '../memory';

/**
 * Runs `fn` (sync or async) and throws if it leaves more live tensors than it found: the check every
 * test suite uses. Tensors `fn` returns count as leaks unless `allow` says how many may remain.
 */
export async function expectNoLeak(fn: () => unknown, allow = 0): Promise<void> {
  const before = memory().numTensors;
  await fn();
  const after = memory().numTensors;
  if (after - before > allow) {
    throw new Error(
      `expectNoLeak: ${after - before} tensor(s) leaked (live tensors ${before} before, ${after} after; ${allow} allowed)`,
    );
  }
}
