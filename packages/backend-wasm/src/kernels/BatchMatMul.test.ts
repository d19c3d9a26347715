import { setBackend, tensor, reshape, matmul, dispose, tidy } from '@strata/tensor';
import { wasm } from '../index';

beforeAll(async () => {
  await setBackend(wasm());
});

test('a matmul on a reshaped view of an earlier matmul operand gives the right values', async () => {
  // b's buffer first multiplied as [2,3], then (same buffer) as [3,2]: tfjs-wasm alone reuses the stale operator.
  const b = tensor([1, 2, 3, 4, 5, 6], [2, 3]);
  const first = tidy(() => matmul(tensor([[1, 1]]), b));
  expect(await first.array()).toEqual([[5, 7, 9]]);
  const view = reshape(b, [3, 2]);
  const second = tidy(() => matmul(tensor([[1, 0, 1]]), view));
  expect(await second.array()).toEqual([[6, 8]]);
  const third = tidy(() => matmul(tensor([[0, 1]]), b));
  expect(await third.array()).toEqual([[4, 5, 6]]);
  dispose([b, view, first, second, third]);
});
