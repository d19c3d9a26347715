import '@tensorflow/tfjs-backend-cpu';
import { add, matmul, profile, setBackend, tensor, tidy, conv2dBackpropFilter, type Tensor } from './index';
import { composedKernels, tfjsBackend } from './internal';

beforeAll(async () => {
  // tfjs's cpu kernels plus the composed ones, whose inner kernels the profile lists as nested.
  await setBackend(tfjsBackend({ name: 'cpu', kernels: composedKernels }));
});

describe('profile', () => {
  it('counts each kernel, its output bytes, and what the function left allocated', async () => {
    const a = tensor([
      [1, 2],
      [3, 4],
    ]);
    const p = await profile(() => {
      const kept = tidy(() => add(matmul(a, a), 1));
      return kept;
    });
    const byName = Object.fromEntries(p.kernels.map((k) => [k.name, k]));
    expect(byName.BatchMatMul.calls).toBe(1);
    expect(byName.Add.calls).toBe(1);
    expect(byName.Add.bytes).toBe(16); // one [2,2] float32 result
    expect(p.newTensors).toBe(1); // the returned tensor; the matmul's was freed by tidy
    expect(p.newBytes).toBe(16);
    expect(p.peakBytes).toBeGreaterThanOrEqual(32);
    expect(Array.from((p.result as Tensor).dataSync())).toEqual([8, 11, 16, 23]);
    expect(String(p)).toMatch(/BatchMatMul[\s\S]*wall [\d.]+ ms/);
    (p.result as Tensor).dispose();
    a.dispose();
  });

  it('lists the kernels a composed kernel runs as nested, and awaits async functions', async () => {
    const x = tensor(new Float32Array(2 * 5 * 5 * 1).fill(1), [2, 5, 5, 1]);
    const dy = tensor(new Float32Array(2 * 3 * 3 * 2).fill(1), [2, 3, 3, 2]);
    const p = await profile(async () => {
      await Promise.resolve();
      conv2dBackpropFilter(x, dy, [3, 3, 1, 2]).dispose();
    });
    const outer = p.kernels.find((k) => k.name === 'Conv2DBackpropFilter')!;
    const inner = p.kernels.find((k) => k.name === 'Conv2D')!;
    expect(outer.nested).toBe(false);
    expect(inner.nested).toBe(true);
    expect(outer.totalMs).toBeGreaterThanOrEqual(inner.selfMs);
    expect(p.newTensors).toBe(0);
    x.dispose();
    dy.dispose();
  });

  it('refuses to nest', async () => {
    await expect(profile(() => profile(() => 1))).rejects.toThrow(/cannot nest/);
  });
});
