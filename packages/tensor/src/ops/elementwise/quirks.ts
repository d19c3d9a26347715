import type { Backend, Quirk } from '../../backend';

/**
 * Whether `kernelName` on `backend` needs the guard for `quirk`: as the backend declares it, and
 * always on a backend that declares no quirks (one never measured).
 */
export function hasQuirk(backend: Backend, kernelName: string, quirk: Quirk): boolean {
  const known = backend.quirks;
  if (!known) return true;
  return known[quirk]?.includes(kernelName) ?? false;
}
