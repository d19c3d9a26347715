import {
  setBackend,
  add,
  dispose,
  memory,
  mul,
  randomNormal,
  sub,
  sum,
  tensor,
  tidy,
  type Tensor,
} from '@strata/tensor';
import { cpu } from '@strata/backend-cpu';
import { GradientTape } from '@strata/autodiff';
import { Dense, Layer } from '@strata/layers';
import { maskOf } from '@strata/layers/internal';
import { expectNoLeak } from '@strata/tensor/testing';
import { SymbolicTensor, input } from './index';
import { Graph, execute, holdGraph, holdersOf, placeholder, releaseGraph } from './internal';
import { Probe, TwoWays, ZeroMasker } from './testing';

const T = (x: unknown) => x as Tensor;

beforeAll(async () => {
  await setBackend(cpu());
});

async function values(t: unknown): Promise<number[]> {
  return Array.from(await (t as Tensor).data());
}

describe('execute', () => {
  it('computes what the same calls compute eagerly, and leaks nothing', async () => {
    const x = input({ shape: [3] });
    const d1 = new Dense({ units: 4, activation: 'relu' });
    const d2 = new Dense({ units: 2 });
    const h = d1.apply(x);
    const y = sub(T(d2.apply(h)), T(sum(T(h), -1, true)));
    const graph = new Graph(x, y);
    const xs = randomNormal([5, 3], { seed: 1 });
    await expectNoLeak(async () => {
      const [got] = execute(graph, [xs]);
      const want = tidy(() => {
        const hh = d1.apply(xs);
        return sub(d2.apply(hh), sum(hh, -1, true));
      });
      const [a, b] = [await values(got), await values(want)];
      a.forEach((v, i) => expect(v).toBeCloseTo(b[i], 5));
      got.dispose();
      want.dispose();
    });
    xs.dispose();
    for (const n of graph.nodes) n.disposeConstants();
    d1.dispose();
    d2.dispose();
  });

  it('frees each intermediate right after its last reader', () => {
    const x = input({ shape: [8] });
    const probes = Array.from({ length: 12 }, () => new Probe());
    let h: SymbolicTensor = x;
    for (const p of probes) h = p.apply(h);
    const graph = new Graph(x, h);
    const xs = randomNormal([4, 8]);
    const [out] = execute(graph, [xs]) as Tensor[];
    const live = probes.map((p) => p.calls[0].live);
    // Each layer finds the caller's input and one intermediate alive, however deep the stack.
    expect(Math.max(...live.slice(1)) - Math.min(...live.slice(1))).toBe(0);
    expect(live[1] - live[0]).toBe(1);
    out.dispose();
    xs.dispose();
  });

  it('keeps a tensor read by several nodes until the last one, and never frees inputs or outputs', async () => {
    const x = input({ shape: [2] });
    const a = new Probe().apply(x);
    const b = T(add(T(a), T(a)));
    const c = T(mul(T(a), T(b)));
    const graph = new Graph(x, [a, c]);
    const xs = tensor([[1, 2]]);
    await expectNoLeak(async () => {
      const [ya, yc] = execute(graph, [xs]) as Tensor[];
      expect(await values(ya)).toEqual([2, 3]);
      expect(await values(yc)).toEqual([8, 18]);
      ya.dispose();
      yc.dispose();
    });
    expect(xs.isDisposed).toBe(false);
    xs.dispose();
    for (const n of graph.nodes) n.disposeConstants();
  });

  it('copes with a layer that returns its input, and frees unused outputs of multi-output layers', async () => {
    const x = input({ shape: [3] });
    const same = new Layer({ name: 'same_tensor' }).apply(x) as SymbolicTensor;
    const [doubled] = new TwoWays().apply(same) as unknown as SymbolicTensor[];
    const again = new Layer({ name: 'same_again' }).apply(doubled) as SymbolicTensor;
    const graph = new Graph(x, again);
    const xs = tensor([[1, 2, 3]]);
    await expectNoLeak(async () => {
      const [y] = execute(graph, [xs]) as Tensor[];
      expect(await values(y)).toEqual([2, 4, 6]);
      y.dispose();
    });
    expect(xs.isDisposed).toBe(false);
    xs.dispose();
  });

  it('passes training to every layer, unless the call was recorded with its own', () => {
    const x = input({ shape: [2] });
    const free = new Probe();
    const pinned = new Probe();
    const graph = new Graph(x, pinned.apply(free.apply(x), { training: true }));
    const xs = tensor([[0, 1]]);
    for (const training of [undefined, false, true]) {
      const [y] = execute(graph, [xs], { training }) as Tensor[];
      y.dispose();
    }
    expect(free.calls.map((c) => c.training)).toEqual([false, false, true]);
    expect(pinned.calls.map((c) => c.training)).toEqual([true, true, true]);
    xs.dispose();
  });

  it('hands each layer the masks of its inputs: set by a layer upstream, or given for a graph input', async () => {
    const x = input({ shape: [3] });
    const reader = new Probe();
    const graph = new Graph(x, reader.apply(new ZeroMasker().apply(x)));
    const xs = tensor([[0, 5, 0]]);
    tidy(() => {
      const [y] = execute(graph, [xs]) as Tensor[];
      expect(reader.calls[0].maskValues).toEqual([0, 1, 0]);
      expect(maskOf(y)).toBeNull();
    });
    const direct = new Probe();
    const g2 = new Graph(x, direct.apply(x));
    tidy(() => {
      const given = tensor([[1, 1, 0]], undefined, 'bool');
      execute(g2, [xs], { masks: [given] });
      expect(direct.calls[0].mask).toBe(given);
    });
    xs.dispose();
  });

  it('on symbolic inputs, records the same calls again (how a nested model is traced)', () => {
    const x = input({ shape: [4] });
    const graph = new Graph(x, new Dense({ units: 3 }).apply(x));
    const [y] = execute(graph, [placeholder({ shape: [7, 4], dtype: 'float32' })]);
    expect(y).toBeInstanceOf(SymbolicTensor);
    expect((y as SymbolicTensor).shape).toEqual([7, 3]);
  });

  it('frees what it computed when a layer fails mid-way', () => {
    class FailsOnData extends Layer {
      static override className = 'FailsOnData';
      override call(x: Tensor): Tensor {
        if (!(x as { symbolic?: boolean }).symbolic) throw new Error('boom');
        return x;
      }
    }
    const x = input({ shape: [2] });
    const a = new Probe().apply(x);
    const graph = new Graph(x, [a, new FailsOnData().apply(new Probe().apply(a))]);
    const xs = tensor([[1, 2]]);
    const before = memory().numTensors;
    expect(() => execute(graph, [xs])).toThrow('boom');
    expect(memory().numTensors).toBe(before);
    xs.dispose();
  });

  it('checks the number of inputs', () => {
    const x = input({ shape: [1], name: 'only_one' });
    const graph = new Graph(x, new Probe().apply(x));
    expect(() => execute(graph, [])).toThrow('the graph has 1 input(s) (only_one), received 0');
  });

  it('is differentiable: a tape around it sees every op', async () => {
    const x = input({ shape: [3] });
    const dense = new Dense({ units: 2, activation: 'tanh' });
    const graph = new Graph(x, T(mul(T(dense.apply(x)), 3)));
    const xs = randomNormal([4, 3], { seed: 7 });
    const grads = (run: () => Tensor) => {
      const tape = new GradientTape();
      const loss = tape.record(() => tidy(() => sum(run())));
      const g = tape.gradient(loss, dense.trainableWeights) as Tensor[];
      loss.dispose();
      return g;
    };
    const viaGraph = grads(() => execute(graph, [xs])[0] as Tensor);
    const eager = grads(() => mul(dense.apply(xs), 3));
    for (let i = 0; i < 2; i++) {
      const [a, b] = [await values(viaGraph[i]), await values(eager[i])];
      a.forEach((v, k) => expect(v).toBeCloseTo(b[k], 5));
    }
    for (const g of [...viaGraph, ...eager]) g.dispose();
    xs.dispose();
  });
});

describe('holding graphs', () => {
  it('frees layers and constants when the last holder releases them', () => {
    const before = memory().numTensors;
    const x = input({ shape: [2] });
    const dense = new Dense({ units: 2 });
    const g1 = new Graph(x, T(add(T(dense.apply(x)), 1)));
    const g2 = new Graph(x, g1.outputs[0]);
    holdGraph(g1);
    holdGraph(g2);
    expect(holdersOf(dense)).toBe(2);
    releaseGraph(g1);
    expect(dense.kernel.isDisposed).toBe(false);
    releaseGraph(g2);
    expect(holdersOf(dense)).toBe(0);
    expect(dense.kernel.isDisposed).toBe(true);
    expect(memory().numTensors).toBe(before);
  });
});

describe('deep graphs', () => {
  it('build and run a chain of thousands of op nodes', async () => {
    const x = input({ shape: [2] });
    let h = x as unknown as Tensor;
    for (let i = 0; i < 5000; i++) h = add(h, 1);
    const graph = new Graph(x, h);
    expect(graph.nodes.length).toBe(5000);
    const xs = tensor([[0, 1]]);
    const [y] = execute(graph, [xs]) as Tensor[];
    expect(await values(y)).toEqual([5000, 5001]);
    dispose([xs, y]);
    releaseGraph(graph);
  });
});
