import { engine } from './engine';
import type { Backend, BackendFactory } from './backend';

/**
 * Makes a backend available by name to setBackend(name); the umbrella package registers all three.
 * @example
 * ```ts
 * registerBackend(cpu()); // setBackend('cpu') can start it now
 * ```
 */
export function registerBackend(factory: BackendFactory): void {
  engine.registerBackend(factory);
}

/**
 * Starts (once) and activates a backend: `await setBackend(wasm())` or `await setBackend('wasm')`.
 * @example
 * ```ts
 * await setBackend('wasm'); // or a factory: await setBackend(wasm({ numThreads: 4 }))
 * ```
 */
export function setBackend(backend: string | BackendFactory): Promise<Backend> {
  return engine.setBackend(backend);
}

/**
 * The active backend's name (starting the default one if none is set).
 * @example
 * ```ts
 * getBackend(); // 'cpu'
 * ```
 */
export function getBackend(): string {
  return engine.backendName();
}

/**
 * Resolves when the backend being started is ready.
 * @example
 * ```ts
 * await ready(); // the active backend has started
 * ```
 */
export function ready(): Promise<void> {
  return engine.ready();
}

/**
 * The names of the registered backends, in registration order.
 * @example
 * ```ts
 * registeredBackends(); // ['cpu', 'wasm', 'webgpu'] with the umbrella package
 * ```
 */
export function registeredBackends(): string[] {
  return engine.registeredBackends();
}
