import { add, memory, mul, setBackend, tensor, tidy, type Tensor } from '@strata/tensor';
import type { Backend } from '@strata/tensor/internal';
import { cpu } from '@strata/backend-cpu';
import { wasm } from './index';

/** The backend a tensor's data lives on now (an internal detail these tests exist to check). */
const home = (t: Tensor) => t.live('test').backend.name;

describe('tensors survive setBackend between cpu and wasm', () => {
  let cpuBackend: Backend;
  let wasmBackend: Backend;
  beforeAll(async () => {
    cpuBackend = await setBackend(cpu());
    wasmBackend = await setBackend(wasm());
  });

  for (const [from, to] of [
    ['cpu', 'wasm'],
    ['wasm', 'cpu'],
  ] as const) {
    it(`a ${from} tensor is copied to ${to} on its first use there, never handed over`, async () => {
      const [source, target] = from === 'cpu' ? [cpuBackend, wasmBackend] : [wasmBackend, cpuBackend];
      await setBackend(from === 'cpu' ? cpu() : wasm());
      const a = tensor([1, 2, 3], [3]);
      const idOnSource = a.live('test').dataId;
      const [sourceIds, targetIds] = [source.tf.numDataIds(), target.tf.numDataIds()];

      await setBackend(to === 'cpu' ? cpu() : wasm());
      expect(home(a)).toBe(from); // switching moves nothing by itself
      const b = add(a, 10);
      expect([home(a), home(b)]).toEqual([to, to]);
      const idOnTarget = a.live('test').dataId;
      expect(idOnTarget).not.toBe(idOnSource);
      // The source freed its copy; the target holds a's copy and b, under ids it made itself.
      expect(source.tf.numDataIds()).toBe(sourceIds - 1);
      expect(target.tf.numDataIds()).toBe(targetIds + 2);
      expect(Array.from(target.tf.readSync(idOnTarget) as Float32Array)).toEqual([1, 2, 3]);
      expect(Array.from(await b.data())).toEqual([11, 12, 13]);
      expect(Array.from(a.dataSync())).toEqual([1, 2, 3]);
      a.dispose();
      b.dispose();
    });
  }

  it('an op mixing a cpu and a wasm tensor runs on the active backend', async () => {
    await setBackend(cpu());
    const onCpu = tensor([1, 2], [2]);
    await setBackend(wasm());
    const onWasm = tensor([3, 4], [2]);
    await setBackend(cpu());
    const product = mul(onCpu, onWasm);
    expect([home(onCpu), home(onWasm), home(product)]).toEqual(['cpu', 'cpu', 'cpu']);
    expect(Array.from(product.dataSync())).toEqual([3, 8]);
    for (const t of [onCpu, onWasm, product]) t.dispose();
  });

  it('memory() stays balanced per backend over many switches', async () => {
    await setBackend(cpu());
    const before = memory();
    const tfIds = [cpuBackend.tf.numDataIds(), wasmBackend.tf.numDataIds()];
    let x = tensor([1, 2, 3, 4], [2, 2]);
    for (let step = 0; step < 6; step++) {
      await setBackend(step % 2 === 0 ? wasm() : cpu());
      const next = tidy(() => add(mul(x, 2), 1));
      x.dispose();
      x = next;
      const now = memory();
      expect(now.numTensors).toBe(before.numTensors + 1);
      expect(
        now.backends[step % 2 === 0 ? 'wasm' : 'cpu'].numBytes -
          (before.backends[step % 2 === 0 ? 'wasm' : 'cpu']?.numBytes ?? 0),
      ).toBe(16);
    }
    expect(Array.from(x.dataSync())).toEqual([127, 191, 255, 319]);
    x.dispose();
    const after = memory();
    expect(after.numTensors).toBe(before.numTensors);
    expect(after.numBytes).toBe(before.numBytes);
    for (const name of ['cpu', 'wasm']) {
      expect(after.backends[name]?.numTensors ?? 0).toBe(before.backends[name]?.numTensors ?? 0);
      expect(after.backends[name]?.numBytes ?? 0).toBe(before.backends[name]?.numBytes ?? 0);
    }
    expect([cpuBackend.tf.numDataIds(), wasmBackend.tf.numDataIds()]).toEqual(tfIds);
  });
});
