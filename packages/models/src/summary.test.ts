import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import * as tfl from '@tensorflow/tfjs-layers';
import * as tfc from '@tensorflow/tfjs-core';
import '@tensorflow/tfjs-backend-cpu';
import { setBackend } from '@strata/tensor';
import { cpu } from '@strata/backend-cpu';
import {
  Add,
  BatchNormalization,
  Concatenate,
  Conv2D,
  Dense,
  Dropout,
  Embedding,
  Flatten,
  GlobalAveragePooling2D,
  LSTM,
  LayerNormalization,
  MaxPooling2D,
  SeparableConv2D,
  SimpleRNN,
} from '@strata/layers';
import { input, type SymbolicTensor } from '@strata/graph';
import { Functional, Sequential, type Model } from './index';
import { readableSize, summaryLines } from './summary';
import { captured } from './testing';

beforeAll(async () => {
  await tfc.setBackend('cpu');
  await setBackend(cpu());
});

/** The three totals a summary prints, as numbers. */
function totals(lines: readonly string[]): number[] {
  return ['Total params: ', 'Trainable params: ', 'Non-trainable params: '].map((label) => {
    const line = lines.find((l) => l.trim().startsWith(label));
    if (!line) throw new Error(`no "${label}" line in:\n${lines.join('\n')}`);
    return Number(line.trim().slice(label.length).split(' ')[0].replace(/,/g, ''));
  });
}

/** `Output Shape` and `Param #` of each row of a Strata summary (wide enough not to wrap), InputLayer rows left out. */
function rows(lines: readonly string[]): { shape: string; params: number }[] {
  return lines
    .filter((l) => l.startsWith('│') && !l.includes('(InputLayer)'))
    .map((l) => l.split('│').map((c) => c.trim()))
    .map(([, , shape, params]) => ({ shape, params: Number(params.replace(/,/g, '')) }));
}

/** tfjs-layers' output shape written as Keras 3 (and Strata) print it: `(None, 64)`, a list for several. */
function tfjsShape(layer: tfl.layers.Layer): string {
  const one = (s: (number | null)[]) => `(${s.map((d) => (d === null ? 'None' : String(d))).join(', ')})`;
  const shape = layer.outputShape as (number | null)[] | (number | null)[][];
  return Array.isArray(shape[0])
    ? `[${(shape as (number | null)[][]).map(one).join(', ')}]`
    : one(shape as (number | null)[]);
}

/** Totals, and per layer (in order) the output shape and parameter count, against tfjs-layers' own. */
function compareWithTfjs(strata: Model, tfjs: tfl.LayersModel, order: 'same' | 'byShape' = 'same'): void {
  const ours = captured();
  strata.summary({ printFn: ours.printFn, lineLength: 200 });
  const theirs: string[] = [];
  tfjs.summary(undefined, undefined, (line: string) => theirs.push(line));
  expect(totals(ours.lines)).toEqual(totals(theirs));
  const tfjsLayers = tfjs.layers.filter((l) => l.getClassName() !== 'InputLayer');
  const want = tfjsLayers.map((l) => ({ shape: tfjsShape(l), params: l.countParams() }));
  const got = rows(ours.lines);
  // tfjs lists a DAG's layers by depth, Strata in the order they were called: compare as sets then.
  const sorted = (xs: { shape: string; params: number }[]) =>
    order === 'same' ? xs : xs.map((r) => `${r.shape} ${r.params}`).sort();
  expect(sorted(got)).toEqual(sorted(want));
  strata.dispose();
  tfjs.dispose();
}

describe('summary output shapes and parameter counts agree with tfjs-layers for the same architecture', () => {
  it('an MLP', () => {
    const ours = new Sequential([
      input({ shape: [784] }),
      new Dense({ units: 64, activation: 'relu' }),
      new Dense({ units: 10 }),
    ]);
    const theirs = tfl.sequential({
      layers: [tfl.layers.dense({ inputShape: [784], units: 64, activation: 'relu' }), tfl.layers.dense({ units: 10 })],
    });
    compareWithTfjs(ours, theirs);
  });

  it('a CNN with pooling, dropout and batch normalization (non-trainable statistics)', () => {
    const ours = new Sequential([
      input({ shape: [28, 28, 1] }),
      new Conv2D({ filters: 8, kernelSize: 3, activation: 'relu' }),
      new BatchNormalization(),
      new MaxPooling2D({ poolSize: 2 }),
      new SeparableConv2D({ filters: 16, kernelSize: 3, padding: 'same' }),
      new Flatten(),
      new Dropout({ rate: 0.5 }),
      new Dense({ units: 10, activation: 'softmax' }),
    ]);
    const theirs = tfl.sequential({
      layers: [
        tfl.layers.conv2d({ inputShape: [28, 28, 1], filters: 8, kernelSize: 3, activation: 'relu' }),
        tfl.layers.batchNormalization(),
        tfl.layers.maxPooling2d({ poolSize: 2 }),
        tfl.layers.separableConv2d({ filters: 16, kernelSize: 3, padding: 'same' }),
        tfl.layers.flatten(),
        tfl.layers.dropout({ rate: 0.5 }),
        tfl.layers.dense({ units: 10, activation: 'softmax' }),
      ],
    });
    compareWithTfjs(ours, theirs);
  });

  it('recurrent layers over embeddings, with layer normalization', () => {
    const ours = new Sequential([
      input({ shape: [12] }),
      new Embedding({ inputDim: 100, outputDim: 8 }),
      new LSTM({ units: 16, returnSequences: true }),
      new SimpleRNN({ units: 4 }),
      new LayerNormalization(),
      new Dense({ units: 1 }),
    ]);
    const theirs = tfl.sequential({
      layers: [
        tfl.layers.embedding({ inputShape: [12], inputDim: 100, outputDim: 8 }),
        tfl.layers.lstm({ units: 16, returnSequences: true, recurrentInitializer: 'glorotUniform' }),
        tfl.layers.simpleRNN({ units: 4, recurrentInitializer: 'glorotUniform' }),
        tfl.layers.layerNormalization(),
        tfl.layers.dense({ units: 1 }),
      ],
    });
    compareWithTfjs(ours, theirs);
  });

  it('a DAG with two inputs, a shared layer and two outputs', () => {
    const a = input({ shape: [6] });
    const b = input({ shape: [6] });
    const shared = new Dense({ units: 5, activation: 'relu' });
    const joined = new Concatenate().apply([shared.apply(a), shared.apply(b)]);
    const ours = new Functional({
      inputs: [a, b],
      outputs: [new Dense({ units: 1 }).apply(joined), new Dense({ units: 3 }).apply(joined)],
    });
    const ta = tfl.input({ shape: [6] });
    const tb = tfl.input({ shape: [6] });
    const tshared = tfl.layers.dense({ units: 5, activation: 'relu' });
    const tjoined = tfl.layers
      .concatenate()
      .apply([tshared.apply(ta), tshared.apply(tb)] as tfl.SymbolicTensor[]) as tfl.SymbolicTensor;
    const theirs = tfl.model({
      inputs: [ta, tb],
      outputs: [
        tfl.layers.dense({ units: 1 }).apply(tjoined) as tfl.SymbolicTensor,
        tfl.layers.dense({ units: 3 }).apply(tjoined) as tfl.SymbolicTensor,
      ],
    });
    compareWithTfjs(ours, theirs);
  });
});

describe('the same for an Inception-ResNet-style DAG', () => {
  it('three convolution branches concatenated, projected, added to the input', () => {
    const block = (x: SymbolicTensor) => {
      const conv = (filters: number, k: number, from: SymbolicTensor) =>
        new Conv2D({ filters, kernelSize: k, padding: 'same', activation: 'relu' }).apply(from);
      const mixed = new Concatenate().apply([
        conv(4, 1, x),
        conv(4, 3, conv(4, 1, x)),
        conv(4, 3, conv(6, 3, conv(4, 1, x))),
      ]) as SymbolicTensor;
      return new Add().apply([x, new Conv2D({ filters: 8, kernelSize: 1 }).apply(mixed)]) as SymbolicTensor;
    };
    const tBlock = (x: tfl.SymbolicTensor) => {
      const conv = (filters: number, k: number, from: tfl.SymbolicTensor) =>
        tfl.layers
          .conv2d({ filters, kernelSize: k, padding: 'same', activation: 'relu' })
          .apply(from) as tfl.SymbolicTensor;
      const mixed = tfl.layers
        .concatenate()
        .apply([conv(4, 1, x), conv(4, 3, conv(4, 1, x)), conv(4, 3, conv(6, 3, conv(4, 1, x)))]) as tfl.SymbolicTensor;
      return tfl.layers
        .add()
        .apply([
          x,
          tfl.layers.conv2d({ filters: 8, kernelSize: 1 }).apply(mixed) as tfl.SymbolicTensor,
        ]) as tfl.SymbolicTensor;
    };
    const image = input({ shape: [12, 12, 3] });
    const stem = new Conv2D({ filters: 8, kernelSize: 3, strides: 2, padding: 'same' }).apply(image) as SymbolicTensor;
    const ours = new Functional({
      inputs: image,
      outputs: new Dense({ units: 5 }).apply(new GlobalAveragePooling2D().apply(block(block(stem)))),
    });
    const tImage = tfl.input({ shape: [12, 12, 3] });
    const tStem = tfl.layers
      .conv2d({ filters: 8, kernelSize: 3, strides: 2, padding: 'same' })
      .apply(tImage) as tfl.SymbolicTensor;
    const theirs = tfl.model({
      inputs: tImage,
      outputs: tfl.layers
        .dense({ units: 5 })
        .apply(tfl.layers.globalAveragePooling2d({}).apply(tBlock(tBlock(tStem)))) as tfl.SymbolicTensor,
    });
    compareWithTfjs(ours, theirs, 'byShape');
  });
});

/** Keras 3's own summaries of the same models (summary_oracle.py wrote them). */
const keras: Record<string, string> = JSON.parse(readFileSync(join(__dirname, 'summary-keras.json'), 'utf8')).summaries;

describe("the table, in Keras 3's format (character for character against Keras's own)", () => {
  it('a stack: no "Connected to", no input row', () => {
    const m = new Sequential(
      [
        input({ shape: [784] }),
        new Dense({ units: 64, activation: 'relu', name: 'hidden' }),
        new Dense({ units: 10, name: 'logits' }),
      ],
      { name: 'mnist_mlp' },
    );
    expect(m.summary({ printFn: () => {}, lineLength: 76 })).toBe(keras['mnist_mlp@76']);
    m.dispose();
  });

  it('a DAG: input rows and "Connected to" in Keras notation, a shared layer once with both calls', () => {
    const a = input({ shape: [3], name: 'query' });
    const b = input({ shape: [3], name: 'doc' });
    const enc = new Dense({ units: 2, name: 'encoder' });
    const joined = new Concatenate({ name: 'pair' }).apply([enc.apply(a), enc.apply(b)]);
    const m = new Functional({
      inputs: [a, b],
      outputs: new Dense({ units: 1, name: 'match' }).apply(joined),
      name: 'siamese',
    });
    const print = captured();
    m.summary({ printFn: print.printFn, lineLength: 120, showTrainable: true });
    expect(print.lines.join('\n')).toBe(keras['siamese@120+trainable']);
    m.dispose();
  });

  it('"Connected to" wraps at the separators, never inside a name, and cuts what cannot fit as Keras', () => {
    const a = input({ shape: [6], name: 'question_tokens', dtype: 'int32' });
    const b = input({ shape: [6], name: 'answer_tokens', dtype: 'int32' });
    const ea = new Embedding({ inputDim: 50, outputDim: 8, name: 'embedding' }).apply(a);
    const eb = new Embedding({ inputDim: 50, outputDim: 8, name: 'embedding_1' }).apply(b);
    const c = new Concatenate({ name: 'concatenate' }).apply([ea, eb]) as SymbolicTensor;
    const s = new Add({ name: 'add' }).apply([ea, eb]) as SymbolicTensor;
    const joined = new Concatenate({ name: 'concatenate_1' }).apply([c, s, ea]);
    const m = new Functional({
      inputs: [a, b],
      outputs: new Dense({ units: 4, name: 'dense' }).apply(joined),
      name: 'two_towers',
    });
    for (const lineLength of [108, 80, 64]) {
      expect(m.summary({ printFn: () => {}, lineLength })).toBe(keras[`two_towers@${lineLength}`]);
    }
    m.dispose();
  });

  it('lists the layers of nested models under them when asked', () => {
    const x = input({ shape: [4], name: 'outer_in' });
    const inner = new Sequential([input({ shape: [4] }), new Dense({ units: 2, name: 'inner_dense' })], {
      name: 'inner_stack',
    });
    const m = new Functional({
      inputs: x,
      outputs: new Dense({ units: 1, name: 'outer_dense' }).apply(inner.apply(x)),
      name: 'nesting',
    });
    const names = (expand: boolean) =>
      summaryLines(m, { expandNested: expand, lineLength: 80 })
        .filter((l) => l.startsWith('│'))
        .map((l) => l.split('│')[1].trim())
        .filter((s) => s);
    expect(names(false)).toEqual(['outer_in (InputLayer)', 'inner_stack (Sequential)', 'outer_dense (Dense)']);
    expect(names(true)).toEqual([
      'outer_in (InputLayer)',
      'inner_stack (Sequential)',
      '└ inner_dense (Dense)',
      'outer_dense (Dense)',
    ]);
    m.dispose();
  });

  it('sizes memory as Keras does, and checks its options', () => {
    expect([readableSize(0), readableSize(1023), readableSize(203_560), readableSize(5 * 1024 ** 3)]).toEqual([
      '0.00 B',
      '1023.00 B',
      '198.79 KB',
      '5.00 GB',
    ]);
    const m = new Sequential([input({ shape: [2] }), new Dense({ units: 1 })]);
    expect(() => m.summary({ positions: [0.5, 1], printFn: () => {} })).toThrow(
      'summary: positions must give 3 column ends (Layer (type), Output Shape, Param #), received 2',
    );
    expect(() => m.summary({ lineLength: 10, printFn: () => {} })).toThrow(
      'summary: lineLength 10 with positions [0.45, 0.8, 1] leaves a column narrower than 4 characters',
    );
    m.dispose();
  });
});
