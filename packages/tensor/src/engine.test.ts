import * as v8 from 'node:v8';
import * as vm from 'node:vm';
import {
  setBackend,
  tensor,
  scalar,
  add,
  mul,
  exp,
  tidy,
  keep,
  dispose,
  memory,
  variable,
  zeros,
  ones,
  equal,
  cast,
  type Tensor,
  Variable,
} from './index';
import { retain } from './internal';
import { testCpuBackend } from './testing/test-backend';
import { expectNoLeak } from './testing';

beforeAll(async () => {
  await setBackend(testCpuBackend());
});

test('tidy frees what the function made, except what it returns', async () => {
  const before = memory().numTensors;
  const out = tidy(() => {
    const a = tensor([1, 2, 3]);
    const b = mul(a, 2);
    return { result: add(b, 1), other: [exp(a)] };
  });
  expect(memory().numTensors).toBe(before + 2);
  expect(await out.result.array()).toEqual([3, 5, 7]);
  dispose(out);
  expect(memory().numTensors).toBe(before);
});

test('nested tidy hands returned tensors to the outer scope', async () => {
  await expectNoLeak(() =>
    tidy(() => {
      const inner = tidy(() => add(tensor([1]), 1));
      expect(inner.isDisposed).toBe(false);
      return undefined;
    }),
  );
});

test('keep exempts a tensor from tidy; an error inside tidy still frees', async () => {
  let kept: Tensor | undefined;
  tidy(() => {
    kept = keep(tensor([1, 2]));
    tensor([3]);
  });
  expect(kept!.isDisposed).toBe(false);
  kept!.dispose();
  await expectNoLeak(() => {
    expect(() =>
      tidy(() => {
        tensor([1, 2, 3]);
        throw new Error('boom');
      }),
    ).toThrow('boom');
  });
});

test('tidy rejects async functions', () => {
  expect(() => tidy((async () => tensor([1])) as never)).toThrow(/only works with synchronous functions/);
});

test('using a disposed tensor says so', () => {
  const t = tensor([1, 2]);
  t.dispose();
  expect(() => add(t, 1)).toThrow(/was disposed and cannot be used/);
  expect(() => t.dataSync()).toThrow(/was disposed/);
  t.dispose(); // disposing twice is harmless
});

test('Symbol.dispose frees a tensor at the end of a block', () => {
  const before = memory().numTensors;
  {
    const t = tensor([1]);
    t[Symbol.dispose]();
  }
  expect(memory().numTensors).toBe(before);
});

test('memory counts tensors and bytes per backend, shared data once', () => {
  const before = memory();
  const a = zeros([10]);
  const b = retain(a);
  const m = memory();
  expect(m.numTensors).toBe(before.numTensors + 2);
  expect(m.numBytes).toBe(before.numBytes + 40);
  expect(m.backends.cpu.numTensors).toBe(before.backends.cpu.numTensors + 2);
  a.dispose();
  expect(b.dataSync()).toEqual(new Float32Array(10));
  b.dispose();
  expect(memory().numBytes).toBe(before.numBytes);
});

test('memory counts the bytes of data a kernel hands back under another dtype once, and releases the same', () => {
  // tfjs's Cast from bool to float32 returns its input's data id: 4 bool bytes, now read as 4 floats.
  const before = memory().numBytes;
  const a = tensor([1, 2, 3, 4]);
  const asBool = equal(a, a);
  const asFloat = cast(asBool, 'float32');
  expect(memory().numBytes).toBe(before + 16 + 4);
  asBool.dispose();
  asFloat.dispose();
  a.dispose();
  expect(memory().numBytes).toBe(before); // was before - 12: the float32 size released, the bool size counted
});

test('variables: assign replaces the value; shape and dtype are checked', async () => {
  await expectNoLeak(async () => {
    const v = tidy(() => variable(ones([2]), { name: 'w' }));
    expect(v).toBeInstanceOf(Variable);
    expect(v.trainable).toBe(true);
    tidy(() => v.assign(tensor([3, 4])));
    expect(await v.array()).toEqual([3, 4]);
    const y = add(v, 1);
    expect(await y.array()).toEqual([4, 5]);
    expect(() => tidy(() => v.assign(tensor([1, 2, 3])))).toThrow(
      /variable 'w' has shape \[2\] and dtype float32, received shape \[3\]/,
    );
    tidy(() => v.assign(mul(v, 2)));
    expect(await v.array()).toEqual([6, 8]);
    dispose([v, y]);
  });
});

test('a variable is not freed by tidy', () => {
  const v = tidy(() => variable(tensor([1])));
  tidy(() => add(v, 1));
  expect(v.isDisposed).toBe(false);
  v.dispose();
});

test('tensor() checks its input', () => {
  expect(() => tensor([[1, 2], [3]])).toThrow(/not rectangular/);
  expect(() => tensor([1, 2, 3], [2, 2])).toThrow(/shape \[2,2\] holds 4 values but 3 were given/);
  expect(() => tensor('x' as never)).toThrow(
    /values must be numbers, booleans, \(nested\) arrays of them or a typed array, received string/,
  );
});

test('toString prints like NumPy', () => {
  const t = tensor([
    [1, 2],
    [3, 4.5],
  ]);
  expect(t.toString()).toBe('Tensor(shape=[2,2], dtype=float32)\n[[ 1.,  2.],\n [ 3., 4.5]]');
  expect(scalar(3, 'int32').toString()).toBe('Tensor(shape=[], dtype=int32)\n3');
  expect(tensor([true, false]).toString()).toBe('Tensor(shape=[2], dtype=bool)\n[ true, false]');
  dispose([t]);
});

test('a tensor dropped without dispose is reclaimed by garbage collection', async () => {
  v8.setFlagsFromString('--expose-gc');
  const gc = vm.runInNewContext('gc') as () => void;
  const settle = async () => {
    for (let i = 0; i < 5; i++) {
      gc();
      await new Promise((r) => setTimeout(r, 10));
    }
  };
  await settle(); // let earlier tests' dropped tensors go first
  const before = memory().numTensors;
  (() => {
    for (let i = 0; i < 50; i++) tensor([i, i + 1]);
  })();
  expect(memory().numTensors).toBe(before + 50);
  for (let i = 0; i < 20 && memory().numTensors > before; i++) {
    gc();
    await new Promise((r) => setTimeout(r, 10));
  }
  expect(memory().numTensors).toBe(before);
});
