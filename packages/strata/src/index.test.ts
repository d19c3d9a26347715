import { add, reshape, sum } from '@strata/tensor';
import * as strata from './index';

describe('the strata umbrella', () => {
  it('registers cpu, wasm and webgpu, and runs on cpu before any setBackend', async () => {
    expect(strata.registeredBackends()).toEqual(['cpu', 'wasm', 'webgpu']);
    expect(strata.getBackend()).toBe('cpu');
    const y = strata.ops.add(strata.tensor([1, 2, 3]), 1);
    expect(Array.from(await y.data())).toEqual([2, 3, 4]);
    y.dispose();
  });

  it('offers the ops as a namespace, as keras.ops', () => {
    expect(strata.ops.add).toBe(add);
    expect(strata.ops.sum).toBe(sum);
    expect(strata.ops.reshape).toBe(reshape);
  });

  it('switches to wasm by name, and back to cpu', async () => {
    await strata.setBackend('wasm');
    expect(strata.getBackend()).toBe('wasm');
    const x = strata.tensor([
      [1, 2],
      [3, 4],
    ]);
    const total = strata.ops.sum(x);
    expect(Array.from(await total.data())).toEqual([10]);
    strata.dispose([x, total]);
    await strata.setBackend('cpu');
    expect(strata.getBackend()).toBe('cpu');
  });

  it('names the registered backends when asked for one that is not', async () => {
    await expect(strata.setBackend('tpu')).rejects.toThrow(
      "no backend named 'tpu' is registered (registered: cpu, wasm, webgpu)",
    );
  });
});
