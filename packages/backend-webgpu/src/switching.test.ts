import { add, memory, mul, setBackend, tensor, tidy, type Tensor } from '@strata/tensor';
import type { Backend } from '@strata/tensor/internal';
import { cpu } from '@strata/backend-cpu';
import { wasm } from '@strata/backend-wasm';
import { describeWithWebGPU } from './testing/available';
import { webgpu } from './index';

/** The backend a tensor's data lives on now (an internal detail these tests exist to check). */
const home = (t: Tensor) => t.live('test').backend.name;

describeWithWebGPU('tensors survive setBackend to and from webgpu', () => {
  let gpu: Backend;
  beforeAll(async () => {
    gpu = await setBackend(webgpu());
  });

  for (const [name, factory] of [
    ['cpu', cpu],
    ['wasm', wasm],
  ] as const) {
    it(`a ${name} tensor is copied to webgpu on its first use there, never handed over`, async () => {
      const source = await setBackend(factory());
      const a = tensor([1, 2, 3], [3]);
      const idOnSource = a.live('test').dataId;
      const [sourceIds, gpuIds] = [source.tf.numDataIds(), gpu.tf.numDataIds()];
      await setBackend(webgpu());
      const b = add(a, 10);
      expect([home(a), home(b)]).toEqual(['webgpu', 'webgpu']);
      expect(a.live('test').dataId).not.toBe(idOnSource);
      expect(source.tf.numDataIds()).toBe(sourceIds - 1);
      expect(gpu.tf.numDataIds()).toBe(gpuIds + 2);
      expect(Array.from(await b.data())).toEqual([11, 12, 13]);
      expect(Array.from(await a.data())).toEqual([1, 2, 3]);
      a.dispose();
      b.dispose();
    });
  }

  it('a webgpu tensor used on a backend that needs it synchronously says how to move it (Node reads webgpu asynchronously only)', async () => {
    await setBackend(webgpu());
    const onGpu = mul(tensor([1, 2], [2]), 3);
    await setBackend(cpu());
    if (gpu.canReadSync) {
      expect(Array.from(add(onGpu, 1).dataSync())).toEqual([4, 7]);
    } else {
      expect(() => add(onGpu, 1)).toThrow(
        /lives on backend 'webgpu', which cannot be read synchronously.*await t\.data\(\)/,
      );
      const values = await onGpu.data();
      expect(Array.from(add(tensor(values, [2]), 1).dataSync())).toEqual([4, 7]);
    }
    expect(home(onGpu)).toBe(gpu.canReadSync ? 'cpu' : 'webgpu');
    onGpu.dispose();
  });

  it('memory() stays balanced per backend', async () => {
    await setBackend(cpu());
    const before = memory();
    const gpuIds = gpu.tf.numDataIds();
    let x = tensor([1, 2, 3, 4], [2, 2]);
    await setBackend(webgpu());
    for (let step = 0; step < 5; step++) {
      const next = tidy(() => add(mul(x, 2), 1));
      x.dispose();
      x = next;
      expect(memory().numTensors).toBe(before.numTensors + 1);
      expect(memory().backends.webgpu.numTensors).toBe((before.backends.webgpu?.numTensors ?? 0) + 1);
    }
    expect(Array.from(await x.data())).toEqual([63, 95, 127, 159]);
    x.dispose();
    const after = memory();
    expect([after.numTensors, after.numBytes]).toEqual([before.numTensors, before.numBytes]);
    for (const name of ['cpu', 'webgpu'])
      expect(after.backends[name]?.numBytes ?? 0).toBe(before.backends[name]?.numBytes ?? 0);
    expect(gpu.tf.numDataIds()).toBe(gpuIds);
  });
});
