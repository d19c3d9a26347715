// Jest setup, after the framework: a test file that started the wasm backend with threads (Node's
// default is the machine's cores) ends its pool's worker threads when it finishes. Jest loads the
// modules again for every test file, so each file starts a pool of its own, and a live worker keeps
// its module's wasm memory reachable: without this, memory grows by a heap per file.
afterAll(() => {
  const stop = (globalThis as Record<symbol, unknown>)[Symbol.for('strata.stopWasmThreads')];
  if (typeof stop === 'function') stop();
});
