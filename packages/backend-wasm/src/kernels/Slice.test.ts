import { setBackend } from '@strata/tensor';
import { tfjsBackend, type Backend } from '@strata/tensor/internal';
import { wasm } from '../index';
import { expectSameResult, runKernelOn, type KernelInput } from '../testing/kernel-oracle';

// Slice and Unpack are Strata's on wasm (reading the heap in place); the oracle is TensorFlow.js's
// cpu kernel, reached through a backend that supplies nothing.
const sliceCases: { name: string; x: KernelInput; begin: number[]; size: number[] }[] = [
  { name: 'rows of a matrix (contiguous)', x: { shape: [5, 3] }, begin: [1, 0], size: [3, -1] },
  {
    name: 'one time step of [batch 1, time, features] (contiguous)',
    x: { shape: [1, 6, 4] },
    begin: [0, 2, 0],
    size: [1, 1, 4],
  },
  { name: "columns of a matrix (strided: tfjs-wasm's)", x: { shape: [4, 5] }, begin: [0, 1], size: [-1, 2] },
  {
    name: 'a time step of [batch 3, time, features] (strided)',
    x: { shape: [3, 4, 2] },
    begin: [0, 1, 0],
    size: [3, 1, 2],
  },
  { name: 'int32', x: { shape: [6], dtype: 'int32', fill: [5, -4, 3, 2147483647, 0, 1] }, begin: [2], size: [3] },
  { name: 'bool', x: { shape: [2, 3], dtype: 'bool', fill: [1, 0, 1, 0, 0, 1] }, begin: [1, 0], size: [1, 3] },
];

describe('Slice and Unpack on wasm (Strata-supplied) against tfjs cpu', () => {
  let wasmBackend: Backend;
  let tfjsCpu: Backend;
  beforeAll(async () => {
    tfjsCpu = tfjsBackend({ name: 'cpu' }).createSync!();
    wasmBackend = await setBackend(wasm());
  });

  for (const c of sliceCases) {
    it(`Slice: ${c.name}`, () => {
      const attrs = { begin: c.begin, size: c.size };
      expectSameResult(
        runKernelOn(wasmBackend, 'Slice', { x: c.x }, attrs),
        runKernelOn(tfjsCpu, 'Slice', { x: c.x }, attrs),
      );
    });
  }

  for (const [axis, shape] of [
    [0, [4, 3, 2]],
    [1, [2, 3, 2]],
    [0, [3]],
  ] as const) {
    it(`Unpack axis ${axis} of [${shape}], every output`, () => {
      for (let output = 0; output < (shape[axis] as number); output++) {
        const inputs = { value: { shape: [...shape] } };
        expectSameResult(
          runKernelOn(wasmBackend, 'Unpack', inputs, { axis }, undefined, output),
          runKernelOn(tfjsCpu, 'Unpack', inputs, { axis }, undefined, output),
        );
      }
    });
  }

  it('survives the wasm memory growing while it allocates its output', () => {
    const heapBytes = () =>
      (wasmBackend.tf as unknown as { wasm: { HEAPU8: Uint8Array } }).wasm.HEAPU8.buffer.byteLength;
    const before = heapBytes();
    const rows = 2 + Math.ceil(before / (4 * 4096)); // a tensor larger than the heap now: allocating it grows memory
    const values = new Float32Array(rows * 4096).map((_, i) => i % 977);
    const x = wasmBackend.tf.write(values, [rows, 4096], 'float32');
    const out = wasmBackend.runKernel(
      'Slice',
      { x: { dataId: x, shape: [rows, 4096], dtype: 'float32' } },
      { begin: [rows - 1, 0], size: [1, 4096] },
    ) as { dataId: object };
    const got = wasmBackend.tf.readSync(out.dataId) as Float32Array;
    for (const dataId of [x, out.dataId]) wasmBackend.tf.disposeData(dataId);
    expect(heapBytes()).toBeGreaterThan(before);
    expect(Array.from(got.subarray(0, 3))).toEqual(
      Array.from(values.subarray((rows - 1) * 4096, (rows - 1) * 4096 + 3)),
    );
  });
});
