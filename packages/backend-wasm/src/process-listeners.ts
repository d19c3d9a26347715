// Emscripten's Node glue (tfjs-wasm's tf-backend-wasm.node.js) installs, when the wasm module is
// instantiated, `process.on('uncaughtException', ex => { throw ex })` and
// `process.on('unhandledRejection', reason => { throw reason })`. Their presence changes Node's own
// behaviour: an uncaught error is rethrown from inside Emscripten's listener, so Node prints that
// file's source line instead of the user's, exits with code 7 instead of 1, and a user's
// `unhandledRejection` listener no longer stands alone. Strata takes exactly those two out again.

export type ProcessEvent = 'uncaughtException' | 'unhandledRejection';
type Listener = (...args: unknown[]) => void;
type ListenerProcess = {
  listeners(event: ProcessEvent): Listener[];
  removeListener(event: ProcessEvent, listener: Listener): unknown;
};

const EVENTS: readonly ProcessEvent[] = ['uncaughtException', 'unhandledRejection'];

/**
 * Emscripten's rethrowing listeners, known by their source so that nobody else's listener is touched:
 * `function (ex) { if (!(ex instanceof ExitStatus)) { throw ex; } }` and `function (reason) { throw reason; }`,
 * as tfjs-wasm ships them readable (dist/*.node.js, wasm-out/*.js) and minified (dist/*.min.js).
 */
const EMSCRIPTEN_SOURCE: Record<ProcessEvent, RegExp> = {
  uncaughtException: new RegExp(
    String.raw`^function\s*\(([\w$]+)\)\s*\{\s*if\s*\(\s*!\s*\(\s*\1\s+instanceof\s+[\w$]+\s*\)\s*\)` +
      String.raw`\s*(\{\s*)?throw\s+\1\s*;?\s*\}?\s*\}$`,
  ),
  unhandledRejection: /^function\s*\(([\w$]+)\)\s*\{\s*throw\s+\1\s*;?\s*\}$/,
};

/** Whether `listener` is Emscripten's rethrowing listener for `event` (exported for its test). */
export function isEmscriptenListener(event: ProcessEvent, listener: unknown): boolean {
  return typeof listener === 'function' && EMSCRIPTEN_SOURCE[event].test(String(listener));
}

export type ListenerSnapshot = Record<ProcessEvent, Set<Listener>> | null;

function nodeProcess(): ListenerProcess | null {
  const p = (globalThis as { process?: Partial<ListenerProcess> }).process;
  return typeof p?.listeners === 'function' && typeof p.removeListener === 'function' ? (p as ListenerProcess) : null;
}

/** The process's listeners before the wasm module starts (null outside Node). */
export function snapshotListeners(): ListenerSnapshot {
  const p = nodeProcess();
  if (!p) return null;
  return {
    uncaughtException: new Set(p.listeners('uncaughtException')),
    unhandledRejection: new Set(p.listeners('unhandledRejection')),
  };
}

/**
 * Removes the listeners added since `before` that are Emscripten's own rethrowing ones; returns how
 * many it removed. Listeners anyone else added in the meantime stay.
 */
export function removeEmscriptenListeners(before: ListenerSnapshot): number {
  const p = nodeProcess();
  if (!p || !before) return 0;
  let removed = 0;
  for (const event of EVENTS) {
    for (const listener of p.listeners(event)) {
      if (before[event].has(listener) || !isEmscriptenListener(event, listener)) continue;
      p.removeListener(event, listener);
      removed++;
    }
  }
  return removed;
}
