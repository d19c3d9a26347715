import { setBackend, tensor, memory } from '@strata/tensor';
import { wasm } from './index';

describe('wasm()', () => {
  it('starts in Node with no setWasmPaths: tfjs-wasm finds its binary beside its own files', async () => {
    const backend = await setBackend(wasm());
    expect(backend.name).toBe('wasm');
    expect(backend.explicitTransposeMatmul).toBe(true);
    expect(backend.canReadSync).toBe(true);
    // Declared here, read by the ops' guards: wasm's Mod traps on a zero divisor.
    expect(backend.quirks?.intDivByZero).toContain('Mod');
    const t = tensor([1, 2, 3], [3]);
    expect(Array.from(t.dataSync())).toEqual([1, 2, 3]);
    t.dispose();
    expect(memory().backends.wasm.numTensors).toBe(0);
  });

  it('has the kernels tfjs-wasm lacks', async () => {
    const backend = await setBackend(wasm());
    for (const k of [
      'Conv2DBackpropFilter',
      'DepthwiseConv2dNativeBackpropFilter',
      'DepthwiseConv2dNativeBackpropInput',
      'UnsortedSegmentSum',
    ]) {
      expect(backend.hasKernel(k)).toBe(true);
    }
  });

  it('refuses a thread count that is not a positive integer', async () => {
    const factory = wasm({ numThreads: 0 });
    // Created directly: setBackend would hand back the wasm backend already started in this process.
    await expect(factory.create()).rejects.toThrow(/numThreads\}\): expected a positive integer, received 0/);
  });
});
