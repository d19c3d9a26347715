import { setBackend } from '@strata/tensor';
import { tfjsBackend, type Backend } from '@strata/tensor/internal';
import { cpu } from '@strata/backend-cpu';
import { wasm } from '../index';
import { expectSameResult, runKernelOn, type KernelInput } from '../testing/kernel-oracle';

const ids = (fill: number[]): KernelInput => ({ shape: [fill.length], dtype: 'int32', fill });

const cases: { name: string; x: KernelInput; segmentIds: KernelInput; numSegments: number }[] = [
  { name: 'vector', x: { shape: [6] }, segmentIds: ids([0, 1, 0, 2, 1, 0]), numSegments: 3 },
  { name: 'matrix rows, unsorted ids', x: { shape: [5, 3] }, segmentIds: ids([2, 0, 2, 1, 2]), numSegments: 3 },
  { name: 'empty segments are zero', x: { shape: [4, 2] }, segmentIds: ids([1, 1, 4, 1]), numSegments: 6 },
  { name: 'ids out of range are dropped', x: { shape: [4, 2] }, segmentIds: ids([-1, 0, 3, 1]), numSegments: 2 },
  {
    name: 'rank 3 rows (an embedding gradient)',
    x: { shape: [7, 2, 4] },
    segmentIds: ids([3, 0, 3, 3, 9, 0, 1]),
    numSegments: 10,
  },
];

// Supplied on wasm (which lacks it) and cpu (whose own makes a pass over x per segment); the oracle
// is TensorFlow.js's cpu kernel, reached through a backend that supplies nothing.
describe('UnsortedSegmentSum on wasm and cpu (Strata-supplied) against tfjs cpu', () => {
  let wasmBackend: Backend;
  let cpuBackend: Backend;
  let tfjsCpu: Backend;
  beforeAll(async () => {
    cpuBackend = await setBackend(cpu());
    tfjsCpu = tfjsBackend({ name: 'cpu' }).createSync!();
    wasmBackend = await setBackend(wasm());
  });

  for (const c of cases) {
    it(c.name, () => {
      const inputs = { x: c.x, segmentIds: c.segmentIds };
      const attrs = { numSegments: c.numSegments };
      const want = runKernelOn(tfjsCpu, 'UnsortedSegmentSum', inputs, attrs);
      expectSameResult(runKernelOn(wasmBackend, 'UnsortedSegmentSum', inputs, attrs), want);
      expectSameResult(runKernelOn(cpuBackend, 'UnsortedSegmentSum', inputs, attrs), want);
    });
  }

  it('keeps int32 (tfjs cpu turns it into float32; TensorFlow and tfjs-webgpu keep it)', () => {
    const inputs = {
      x: { shape: [4], dtype: 'int32' as const, fill: [2147483647, 1, 5, -3] },
      segmentIds: ids([0, 0, 1, 1]),
    };
    for (const backend of [wasmBackend, cpuBackend]) {
      expect(runKernelOn(backend, 'UnsortedSegmentSum', inputs, { numSegments: 2 })).toEqual({
        shape: [2],
        dtype: 'int32',
        values: [-2147483648, 2],
      });
    }
  });

  it('names the problem when ids do not match the rows of x', () => {
    const inputs = { x: { shape: [4, 2] }, segmentIds: ids([0, 1, 0]) };
    for (const backend of [wasmBackend, cpuBackend]) {
      expect(() => runKernelOn(backend, 'UnsortedSegmentSum', inputs, { numSegments: 2 })).toThrow(
        /segmentIds' shape \[3\] must be a prefix of x's shape \[4,2\]/,
      );
    }
  });

  it('survives the wasm memory growing while it allocates its output', () => {
    const heapBytes = () =>
      (wasmBackend.tf as unknown as { wasm: { HEAPU8: Uint8Array } }).wasm.HEAPU8.buffer.byteLength;
    const rowSize = 1 << 16;
    const x = wasmBackend.tf.write(new Float32Array(2 * rowSize).fill(1.5), [2, rowSize], 'float32');
    const segmentIds = wasmBackend.tf.write(Int32Array.from([3, 3]), [2], 'int32');
    const numSegments = 4 + heapBytes() / (4 * rowSize); // an output larger than the whole heap now
    const before = heapBytes();
    const out = wasmBackend.runKernel(
      'UnsortedSegmentSum',
      {
        x: { dataId: x, shape: [2, rowSize], dtype: 'float32' },
        segmentIds: { dataId: segmentIds, shape: [2], dtype: 'int32' },
      },
      { numSegments },
    );
    const sums = wasmBackend.tf.readSync((out as { dataId: object }).dataId) as Float32Array;
    for (const dataId of [x, segmentIds, (out as { dataId: object }).dataId]) wasmBackend.tf.disposeData(dataId);
    expect(heapBytes()).toBeGreaterThan(before);
    expect([sums[0], sums[3 * rowSize], sums[4 * rowSize - 1], sums[4 * rowSize]]).toEqual([0, 3, 3, 0]);
  });
});
