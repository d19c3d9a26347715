import { setBackend, tensor, add, mul, memory, relu } from '@strata/tensor';
import { cpu } from '@strata/backend-cpu';
import { Dense } from '@strata/layers';
import { input, Graph, execute, SymbolicTensor } from './index';

beforeAll(async () => { await setBackend(cpu()); });

test('smoke', async () => {
  const x = input({ shape: [3] });
  const d = new Dense({ units: 2 });
  const h = d.apply(x);
  const y = add(relu(h as any), 1) as unknown as SymbolicTensor;
  console.log(String(x), String(h), String(y));
  const g = new Graph(x, y);
  console.log(g.nodes.map((n) => g.nameOf(n)), g.layers.map((l) => l.name));
  const before = memory().numTensors;
  const xv = tensor([[1, 2, 3]]);
  const [out] = execute(g, [xv]);
  console.log(String(out), memory().numTensors - before);
  expect(() => new Dense({units: 4}).apply(x).shape).not.toThrow();
  expect(() => mul(h as any, input({shape: [5]}) as any)).toThrow();
  try { mul(h as any, input({shape: [5]}) as any) } catch (e) { console.log((e as Error).message) }
  try { d.apply(input({shape: [5]})) } catch (e) { console.log((e as Error).message) }
  try { new Graph(x, add(h as any, input({shape:[2], name: 'other'}) as any)) } catch (e) { console.log((e as Error).message) }
});
