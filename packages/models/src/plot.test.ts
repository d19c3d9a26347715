import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { setBackend, add, type Tensor } from '@strata/tensor';
import { cpu } from '@strata/backend-cpu';
import { Concatenate, Dense } from '@strata/layers';
import { input } from '@strata/graph';
import { Functional, Model, Sequential, modelToDot, plotModel } from './index';

beforeAll(async () => {
  await setBackend(cpu());
});

/** The boxes of a DOT text by id (their bold title), and its edges as title pairs. */
function parseDot(dot: string): { titles: string[]; edges: string[] } {
  const title = new Map<string, string>();
  for (const m of dot.matchAll(/^\s*(n\d+) \[label=<.*?<b>(.*?)<\/b>/gm)) title.set(m[1], m[2]);
  const edges = [...dot.matchAll(/^\s*(n\d+) -> (n\d+);/gm)].map((m) => `${title.get(m[1])} -> ${title.get(m[2])}`);
  return { titles: [...title.values()], edges };
}

function dag() {
  const a = input({ shape: [4], name: 'p_a' });
  const b = input({ shape: [2], name: 'p_b' });
  const shared = new Dense({ units: 2, name: 'p_shared' });
  const joined = new Concatenate({ name: 'p_join' }).apply([shared.apply(a), b]);
  const y = add(new Dense({ units: 1, name: 'p_out' }).apply(joined) as unknown as Tensor, 1);
  return new Functional({ inputs: [a, b], outputs: y, name: 'plotted' });
}

describe('modelToDot', () => {
  it('draws one box per layer and op, and an edge per tensor', () => {
    const m = dag();
    const dot = modelToDot(m);
    expect(dot.startsWith('digraph "plotted" {')).toBe(true);
    expect(dot).toContain('rankdir="TB"');
    const { titles, edges } = parseDot(dot);
    expect(titles).toEqual(['p_a', 'p_b', 'p_shared', 'p_join', 'p_out', 'add']);
    expect(edges).toEqual([
      'p_a -> p_shared',
      'p_shared -> p_join',
      'p_b -> p_join',
      'p_join -> p_out',
      'p_out -> add',
    ]);
    expect(dot).not.toContain('Output shape');
    m.dispose();
  });

  it('shows shapes, dtypes, activations and trainability when asked', () => {
    const m = new Sequential([input({ shape: [3] }), new Dense({ units: 2, activation: 'relu', name: 'shown' })]);
    const dot = modelToDot(m, {
      showShapes: true,
      showDtype: true,
      showLayerActivations: true,
      showTrainable: true,
      rankdir: 'LR',
    });
    expect(dot).toContain('rankdir="LR"');
    for (const text of [
      'Input shape</td><td align="left">(None, 3)',
      'Output shape</td><td align="left">(None, 2)',
      'Output dtype</td><td align="left">float32',
      'Activation</td><td align="left">relu',
      'Trainable</td><td align="left">yes',
    ]) {
      expect(dot).toContain(text);
    }
    expect(modelToDot(m, { showLayerNames: false })).toContain('<b>Dense</b>');
    m.dispose();
  });

  it('draws a nested model as a cluster of its own layers when expandNested is set', () => {
    const x = input({ shape: [4], name: 'n_in' });
    const inner = new Sequential(
      [input({ shape: [4], name: 'inner_in' }), new Dense({ units: 3, name: 'inner_dense' })],
      { name: 'inner' },
    );
    const m = new Functional({
      inputs: x,
      outputs: new Dense({ units: 1, name: 'n_out' }).apply(inner.apply(x)),
      name: 'nested_plot',
    });
    expect(parseDot(modelToDot(m)).edges).toEqual(['n_in -> inner', 'inner -> n_out']);
    const expanded = modelToDot(m, { expandNested: true });
    expect(expanded).toMatch(/subgraph cluster_\d+ \{/);
    expect(parseDot(expanded).edges).toEqual(['inner_in -> inner_dense', 'n_in -> inner_in', 'inner_dense -> n_out']);
    m.dispose();
  });
});

describe('modelToDot on subclassed and deeply nested models', () => {
  class Towers extends Model {
    left = new Dense({ units: 3, name: 't_left' });
    right = new Dense({ units: 3, name: 't_right' });
    head = new Dense({ units: 1, name: 't_head' });
    override call(x: Tensor): Tensor {
      return this.head.apply(add(this.left.apply(x), this.right.apply(x)));
    }
  }

  it('draws a subclassed model from its trace: real boxes and edges, not one box', () => {
    const m = new Towers({ name: 'towers' });
    m.build([null, 4]);
    const { titles, edges } = parseDot(modelToDot(m, { showShapes: true }));
    expect(titles).toEqual(['towers_input', 't_left', 't_right', 'add', 't_head']);
    expect(edges).toEqual([
      'towers_input -> t_left',
      'towers_input -> t_right',
      't_left -> add',
      't_right -> add',
      'add -> t_head',
    ]);
    m.dispose();
  });

  it('draws models nested two deep as clusters inside clusters', () => {
    // Functional ⊃ Sequential ⊃ Functional, and Functional ⊃ subclassed model.
    const core = input({ shape: [4], name: 'core_in' });
    const coreModel = new Functional({
      inputs: core,
      outputs: new Dense({ units: 4, name: 'core_dense' }).apply(core),
      name: 'core',
    });
    const middle = new Sequential(
      [input({ shape: [4], name: 'middle_in' }), coreModel, new Dense({ units: 2, name: 'middle_dense' })],
      { name: 'middle' },
    );
    const towers = new Towers({ name: 'side' });
    const x = input({ shape: [4], name: 'outer_in' });
    const joined = new Concatenate({ name: 'outer_join' }).apply([middle.apply(x), towers.apply(x)]);
    const m = new Functional({ inputs: x, outputs: joined, name: 'outer' });
    const dot = modelToDot(m, { expandNested: true });
    // A cluster per nested model, the core one inside the middle one.
    const clusters = [...dot.matchAll(/^(\s*)subgraph cluster_\d+ \{\n\s*label=<<b>(\w+)<\/b>/gm)].map(
      (c) => `${c[1].length}:${c[2]}`,
    );
    expect(clusters).toEqual(['2:middle', '4:core', '2:side']);
    const { edges } = parseDot(dot);
    for (const e of [
      'outer_in -> middle_in',
      'middle_in -> core_in',
      'core_in -> core_dense',
      'core_dense -> middle_dense',
      'middle_dense -> outer_join',
    ])
      expect(edges).toContain(e);
    for (const e of ['outer_in -> side_input', 'side_input -> t_left', 't_head -> outer_join'])
      expect(edges).toContain(e);
    // Collapsed, each nested model is one box.
    expect(parseDot(modelToDot(m)).edges).toEqual([
      'outer_in -> middle',
      'outer_in -> side',
      'middle -> outer_join',
      'side -> outer_join',
    ]);
    m.dispose();
  });
});

describe('plotModel', () => {
  it('renders SVG with Graphviz (WebAssembly)', async () => {
    const m = dag();
    const svg = await plotModel(m, { showShapes: true });
    expect(svg).toContain('<svg');
    for (const name of ['p_a', 'p_shared', 'p_join', 'add']) expect(svg).toContain(name);
    m.dispose();
  });

  it('renders PNG, and writes files in the format their extension names', async () => {
    const m = dag();
    const dir = mkdtempSync(join(tmpdir(), 'strata-plot-'));
    try {
      const png = await plotModel(m, { format: 'png', dpi: 72 });
      expect(Array.from(png.slice(0, 8))).toEqual([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);
      await plotModel(m, { to: join(dir, 'model.png') });
      expect(readFileSync(join(dir, 'model.png')).subarray(1, 4).toString()).toBe('PNG');
      await plotModel(m, { toFile: join(dir, 'model.dot') });
      expect(readFileSync(join(dir, 'model.dot'), 'utf8')).toBe(modelToDot(m));
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
    await expect(plotModel(m, { format: 'gif' as never })).rejects.toThrow(
      `plotModel: format must be 'dot', 'svg' or 'png', received "gif"`,
    );
    await expect(plotModel(m, { format: 'png', dpi: 0 })).rejects.toThrow(
      'plotModel: dpi must be a positive number, received 0',
    );
    m.dispose();
  });
});
