/**
 * Conformance cases a backend is known to fail, each with the reason. The runner skips them and
 * names the reason in the test title; keep this list short and true.
 */
export const KNOWN_GAPS: readonly { backend: string; case: RegExp; reason: string }[] = [];

export function knownGap(backend: string, caseName: string): string | null {
  return KNOWN_GAPS.find((g) => g.backend === backend && g.case.test(caseName))?.reason ?? null;
}
