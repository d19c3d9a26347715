// Only @strata/tensor and @strata/backend-wasm installed: ops, a gradient-free fit of a line by
// least squares, and memory accounting, on wasm, with no other Strata package present.
import { add, matmul, memory, registerBackend, setBackend, getBackend, tensor, tidy, transpose } from '@strata/tensor';
import { wasm } from '@strata/backend-wasm';

registerBackend(wasm());
await setBackend('wasm');
const before = memory().numTensors;
// y = 2x + 1 on four points; solve the normal equations by hand for the 2x2 case.
const x = tensor([
  [1, 0],
  [1, 1],
  [1, 2],
  [1, 3],
]);
const y = tensor([[1], [3], [5], [7]]);
const [xtx, xty] = tidy(() => [matmul(transpose(x), x), matmul(transpose(x), y)]);
const a = await xtx.array();
const b = await xty.array();
const det = a[0][0] * a[1][1] - a[0][1] * a[1][0];
const intercept = (a[1][1] * b[0][0] - a[0][1] * b[1][0]) / det;
const slope = (a[0][0] * b[1][0] - a[1][0] * b[0][0]) / det;
const sum = tidy(() => add(tensor([1, 2, 3]), 1));
const result = { backend: getBackend(), slope, intercept, sum: Array.from(sum.dataSync()) };
for (const t of [x, y, xtx, xty, sum]) t.dispose();
result.leaked = memory().numTensors - before;
let testing;
try {
  await import('@strata/tensor/testing');
  testing = 'importable';
} catch (e) {
  testing = e.code;
}
result.testing = testing;
console.log(`RESULT ${JSON.stringify(result)}`);
