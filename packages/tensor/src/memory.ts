import { engine, collectTensors, type MemoryInfo } from './engine';
import { recordProfile, type Profile } from './profile';
import type { Tensor } from './tensor';

/**
 * Runs `fn` and frees every tensor it created except those it returns (or `keep()`s).
 * @example
 * ```ts
 * const y = tidy(() => add(mul(x, 2), 1)); // the intermediate mul(x, 2) is freed
 * ```
 */
export function tidy<T>(fn: () => T): T {
  return engine.tidy(fn);
}

/**
 * Exempts a tensor from the enclosing tidy().
 * @example
 * ```ts
 * let kept: Tensor;
 * tidy(() => {
 *   kept = keep(add(x, 1)); // survives the tidy
 *   return sum(kept);
 * });
 * ```
 */
export function keep<T extends Tensor>(t: T): T {
  return engine.keep(t);
}

/**
 * Frees a tensor, or every tensor inside arrays, plain objects and Maps.
 * @example
 * ```ts
 * dispose([a, b, { c }]); // every tensor in the structure
 * ```
 */
export function dispose(x: unknown): void {
  for (const t of collectTensors(x, new Set())) t.dispose();
}

/**
 * Live tensors and bytes, in all and per backend.
 * @example
 * ```ts
 * const before = memory().numTensors;
 * add(x, 1).dispose();
 * memory().numTensors === before; // true: nothing leaked
 * ```
 */
export function memory(): MemoryInfo {
  return engine.memory();
}

/**
 * A new handle on `t`'s data (no copy), owned by the caller and outside every tidy().
 * @internal
 */
export function retain<T extends Tensor>(t: T): T {
  return engine.retain(t) as T;
}

/**
 * Makes `dependent` live as long as `owner` (and any other owner): disposed with the last of them, never by a tidy() on its own.
 * @internal
 */
export function attachTo(owner: Tensor, dependent: Tensor): void {
  engine.attach(owner, dependent);
}

/**
 * Runs `fn` (sync or async) and reports every kernel it ran: calls, time and output bytes per kernel,
 * and the tensors and bytes it left allocated and its peak, as TensorFlow.js's `tf.profile`.
 * `console.log(String(await profile(() => step())))` prints the table. Times are exact on backends
 * whose kernels run synchronously (cpu, wasm); on webgpu they are the time to enqueue the work.
 * @example
 * ```ts
 * const info = await profile(() => matmul(a, b));
 * info.kernels.map((k) => k.name); // ['BatchMatMul', 'Reshape']
 * ```
 */
export function profile<T>(fn: () => T | Promise<T>): Promise<Profile<T>> {
  return recordProfile(fn, { bytes: () => engine.memory().numBytes, tensors: () => engine.memory().numTensors });
}
