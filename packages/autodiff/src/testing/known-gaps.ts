/**
 * Gradient cases a backend is known to fail for a reason outside this package, each with that
 * reason; the table runner skips them and shows the reason in the test title. Keep this short and
 * true: remove an entry as soon as its cause is fixed.
 */
export const GRADIENT_KNOWN_GAPS: readonly { backend: string; case: RegExp; reason: string }[] = [];

export function gradientKnownGap(backend: string, caseName: string): string | null {
  return GRADIENT_KNOWN_GAPS.find((g) => g.backend === backend && g.case.test(caseName))?.reason ?? null;
}
