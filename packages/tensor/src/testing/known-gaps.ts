/**
 * Conformance cases a backend is known to fail, each with the reason. The runner skips them and
 * names the reason in the test title; keep this list short and true. A TensorFlow.js kernel that is
 * wrong on one backend is fixed there when it can be (backend-wasm replaces MaxPoolGrad and the cast
 * to bool), and an op that fails everywhere is a bug for its author: neither belongs here.
 */
export const KNOWN_GAPS: readonly { backend: string; case: RegExp; reason: string }[] = [];

export function knownGap(backend: string, caseName: string): string | null {
  return KNOWN_GAPS.find((g) => g.backend === backend && g.case.test(caseName))?.reason ?? null;
}
