// Out-of-range indices (see indices.ts): an error where the backend reads synchronously, zeros (gather)
// or dropped updates (scatter) where it cannot. The second behaviour is WebGPU's; here it runs on the
// cpu kernels through a backend that declares it cannot read synchronously.
import '@tensorflow/tfjs-backend-cpu';
import { tfjsBackend, type Backend, type BackendFactory } from '../../backend';
import { setBackend } from '../../backends';
import { tensor } from '../../convert';
import { engine } from '../../engine';
import { memory } from '../../memory';
import type { Tensor } from '../../tensor';
import { gather } from './gather';
import { gatherND } from './gather-nd';
import { scatterND } from './scatter-nd';

// firstUse: tfjs-backend-cpu's "use tfjs-node" banner is noise here.
const cpu = tfjsBackend({
  name: 'cpu',
  configure: (tf) => void ((tf as unknown as { firstUse: boolean }).firstUse = false),
});
const cpuWithoutSyncReads: BackendFactory = {
  name: 'cpu-without-sync-reads',
  create: async (): Promise<Backend> => ({
    ...(await cpu.create()),
    name: 'cpu-without-sync-reads',
    canReadSync: false,
  }),
};
// Browser WebGPU: a synchronous read exists but is a GPU round trip, so guarding must not use it.
const cpuLikeBrowserWebgpu: BackendFactory = {
  name: 'cpu-like-browser-webgpu',
  create: async (): Promise<Backend> => ({
    ...(await cpu.create()),
    name: 'cpu-like-browser-webgpu',
    dataOnHost: false,
  }),
};

/** Runs `fn` on fresh inputs and checks that neither Strata tensors nor backend buffers leak. */
async function values(fn: () => Tensor, inputs: Tensor[]): Promise<number[]> {
  const tensorsBefore = memory().numTensors - inputs.length;
  const buffersBefore = engine.backend().tf.numDataIds();
  try {
    const out = fn();
    const data = Array.from(await out.data());
    out.dispose();
    return data;
  } finally {
    inputs.forEach((t) => t.dispose());
    expect(memory().numTensors).toBe(tensorsBefore);
    expect(engine.backend().tf.numDataIds()).toBe(buffersBefore - inputs.length);
  }
}

describe('out-of-range indices where the backend reads synchronously', () => {
  beforeAll(() => setBackend(cpu));

  it('gather names the index, its position and the range', () => {
    const x = tensor([
      [1, 2],
      [3, 4],
      [5, 6],
    ]);
    expect(() =>
      gather(x, [
        [0, 1],
        [3, 0],
      ]),
    ).toThrow(
      /^gather: indices\[1,0\] is 3, out of range for axis 0 of x \(shape \[3,2\]\): each index must be in 0\.\.2$/,
    );
    expect(() => gather(x, [-1], 1)).toThrow(
      /^gather: indices\[0\] is -1, out of range for axis 1 of x \(shape \[3,2\]\): each index must be in 0\.\.1$/,
    );
    x.dispose();
    expect(memory().numTensors).toBe(0);
  });

  it('gatherND checks each component, not only the flat offset', () => {
    // [0,5] has flat offset 5 < 9, which tfjs's own check lets through.
    const x = tensor([
      [1, 2, 3],
      [4, 5, 6],
      [7, 8, 9],
    ]);
    expect(() =>
      gatherND(x, [
        [1, 1],
        [0, 5],
      ]),
    ).toThrow(
      /^gatherND: indices\[1\] is \[0,5\], out of range for x \(shape \[3,3\]\): each index must be in 0\.\.2, 0\.\.2$/,
    );
    x.dispose();
  });

  it('scatterND refuses rows outside the output', () => {
    const updates = tensor([1, 2]);
    expect(() => scatterND([[0], [4]], updates, [4])).toThrow(
      /^scatterND: indices\[1\] is \[4\], out of range for an output of shape \[4\]: each index must be in 0\.\.3$/,
    );
    updates.dispose();
    expect(memory().numTensors).toBe(0);
  });
});

describe('out-of-range indices where a synchronous read exists but the data is not in host memory', () => {
  beforeAll(() => setBackend(cpuLikeBrowserWebgpu));

  it('gather masks on the device instead of reading the indices back to check them', async () => {
    // An error would mean the indices were read back; zeros mean they were masked by kernels.
    const x = tensor([1, 2, 3]);
    const i = tensor([2, 5, 0], [3], 'int32');
    expect(await values(() => gather(x, i), [x, i])).toEqual([3, 0, 1]);
  });
});

describe('out-of-range indices where the backend cannot read synchronously', () => {
  beforeAll(() => setBackend(cpuWithoutSyncReads));

  it('gather gives zeros for out-of-range indices, even where x holds NaN', async () => {
    const x = tensor([
      [NaN, 2],
      [3, 4],
      [5, 6],
    ]);
    const i = tensor([2, 3, -1, 1], [4], 'int32');
    expect(await values(() => gather(x, i), [x, i])).toEqual([5, 6, 0, 0, 0, 0, 3, 4]);
  });

  it('gather places the zeros right with batch axes and trailing axes', async () => {
    const x = tensor([
      [
        [1, 2],
        [3, 4],
      ],
      [
        [5, 6],
        [7, 8],
      ],
    ]);
    const i = tensor(
      [
        [1, 9],
        [-2, 0],
      ],
      [2, 2],
      'int32',
    );
    // batchDims 1, axis 1: out[b, j, :] = x[b, i[b, j], :]
    expect(await values(() => gather(x, i, 1, 1), [x, i])).toEqual([3, 4, 0, 0, 0, 0, 5, 6]);
  });

  it('gather of int32 and bool', async () => {
    const xi = tensor([7, 8, 9], [3], 'int32');
    const ii = tensor([5, 0], [2], 'int32');
    expect(await values(() => gather(xi, ii), [xi, ii])).toEqual([0, 7]);
    const xb = tensor([true, false]);
    const ib = tensor([0, 2], [2], 'int32');
    expect(await values(() => gather(xb, ib), [xb, ib])).toEqual([1, 0]);
  });

  it('gatherND gives zero slices for out-of-range rows', async () => {
    const x = tensor([
      [1, 2],
      [3, 4],
      [5, 6],
    ]);
    const i = tensor([[2], [3], [0]], [3, 1], 'int32');
    expect(await values(() => gatherND(x, i), [x, i])).toEqual([5, 6, 0, 0, 1, 2]);
    const y = tensor([
      [1, 2],
      [3, 4],
    ]);
    const j = tensor(
      [
        [1, 0],
        [0, 2],
      ],
      [2, 2],
      'int32',
    );
    expect(await values(() => gatherND(y, j), [y, j])).toEqual([3, 0]);
  });

  it('scatterND drops updates to out-of-range rows, infinities included', async () => {
    const i = tensor([[1], [7], [-1], [1]], [4, 1], 'int32');
    const u = tensor([
      [1, 2],
      [Infinity, 5],
      [6, 7],
      [10, 20],
    ]);
    expect(await values(() => scatterND(i, u, [3, 2]), [i, u])).toEqual([0, 0, 11, 22, 0, 0]);
    const ib = tensor([[0], [5]], [2, 1], 'int32');
    const ub = tensor([true, true]);
    expect(await values(() => scatterND(ib, ub, [2]), [ib, ub])).toEqual([1, 0]);
  });
});
