import type { Backend } from '../../backend';

/**
 * Ways a TensorFlow.js 4.22 kernel is known to go wrong on a backend, measured by running every
 * elementwise kernel on cpu, wasm and webgpu (SwiftShader) against the same inputs:
 * - 'specialValues': wrong result for NaN (or ±Infinity, or outside the domain): wasm's
 *   max(1, NaN) is 1 and relu6(NaN) is 0; webgpu's sigmoid(NaN) is 0, elu(NaN) is Infinity,
 *   asinh(-Infinity) is 89, log1p(-2) is a finite number.
 * - 'intDivByZero': int32 division by zero traps the wasm module (Mod), returns -2^31 (wasm
 *   FloorDiv, webgpu Mod), or goes through a float NaN whose conversion to int32 WGSL leaves undefined.
 * - 'intViaFloat': int32 computed through float32 with rounding error (webgpu pow(5, 3) = 124).
 * - 'boolData': wrong results on bool tensors (wasm's Select picks nothing from bool branches).
 * The ops compose around these (guards.ts). A backend absent from this table gets every guard, so
 * a new backend is correct before it is fast; a backend that supplies a fixed kernel should drop
 * the kernel's entry here.
 */
export type Quirk = 'specialValues' | 'intDivByZero' | 'intViaFloat' | 'boolData';

const KNOWN_QUIRKS: Record<string, Partial<Record<Quirk, readonly string[]>>> = {
  cpu: {},
  wasm: {
    specialValues: ['Maximum', 'Minimum', 'Relu6', 'ClipByValue'],
    intDivByZero: ['Mod', 'FloorDiv'],
    boolData: ['Select'],
  },
  webgpu: {
    specialValues: ['Relu6', 'Sigmoid', 'Softplus', 'Elu', 'Selu', 'Sinh', 'Cosh', 'Asinh', 'Acosh', 'Atanh', 'Log1p'],
    intDivByZero: ['Mod', 'FloorDiv'],
    intViaFloat: ['Pow'],
  },
};

/** Whether `kernelName` on `backend` needs the guard for `quirk` (always, on an unmeasured backend). */
export function hasQuirk(backend: Backend, kernelName: string, quirk: Quirk): boolean {
  const known = KNOWN_QUIRKS[backend.name];
  if (!known) return true;
  return known[quirk]?.includes(kernelName) ?? false;
}
