// The Keras guide's ticket classifier (title, body and tags in; priority and department out), with
// inputs and outputs given as records of named tensors: its parameter counts against tfjs-layers,
// calls and predictions by name, and compile/fit with a loss per named output.
import * as tfl from '@tensorflow/tfjs-layers';
import * as tfc from '@tensorflow/tfjs-core';
import '@tensorflow/tfjs-backend-cpu';
import { setBackend, dispose, memory, randomUniform, tidy, type Tensor } from '@strata/tensor';
import { cpu } from '@strata/backend-cpu';
import { expectNoLeak } from '@strata/tensor/testing';
import { Concatenate, Dense, Embedding, LSTM } from '@strata/layers';
import { input, type SymbolicTensor } from '@strata/graph';
import { Functional, Sequential } from './index';
import { expectClose } from './testing';

beforeAll(async () => {
  await tfc.setBackend('cpu');
  await setBackend(cpu());
});

const S = (x: unknown) => x as SymbolicTensor;
const VOCAB = 100;
const TAGS = 12;
const DEPARTMENTS = 4;

function ticketClassifier(): Functional {
  const title = input({ shape: [null], dtype: 'int32', name: 'title' });
  const body = input({ shape: [null], dtype: 'int32', name: 'body' });
  const tags = input({ shape: [TAGS], name: 'tags' });
  const titleFeatures = new LSTM({ units: 16 }).apply(new Embedding({ inputDim: VOCAB, outputDim: 8 }).apply(title));
  const bodyFeatures = new LSTM({ units: 4 }).apply(new Embedding({ inputDim: VOCAB, outputDim: 8 }).apply(body));
  const features = S(new Concatenate().apply([titleFeatures, bodyFeatures, tags]));
  return new Functional({
    inputs: { title, body, tags },
    outputs: {
      priority: new Dense({ units: 1, name: 'priority_score' }).apply(features),
      department: new Dense({ units: DEPARTMENTS, name: 'department_logits' }).apply(features),
    },
    name: 'ticket_classifier',
  });
}

function tfjsTicketClassifier(): tfl.LayersModel {
  const title = tfl.input({ shape: [null], dtype: 'int32' });
  const body = tfl.input({ shape: [null], dtype: 'int32' });
  const tags = tfl.input({ shape: [TAGS] });
  const t = tfl.layers
    .lstm({ units: 16 })
    .apply(tfl.layers.embedding({ inputDim: VOCAB, outputDim: 8 }).apply(title)) as tfl.SymbolicTensor;
  const b = tfl.layers
    .lstm({ units: 4 })
    .apply(tfl.layers.embedding({ inputDim: VOCAB, outputDim: 8 }).apply(body)) as tfl.SymbolicTensor;
  const f = tfl.layers.concatenate().apply([t, b, tags]) as tfl.SymbolicTensor;
  return tfl.model({
    inputs: [title, body, tags],
    outputs: [
      tfl.layers.dense({ units: 1 }).apply(f) as tfl.SymbolicTensor,
      tfl.layers.dense({ units: DEPARTMENTS }).apply(f) as tfl.SymbolicTensor,
    ],
  });
}

function data(n: number): { title: Tensor; body: Tensor; tags: Tensor; priority: Tensor; department: Tensor } {
  return tidy(() => ({
    title: randomUniform([n, 5], { minval: 0, maxval: VOCAB, dtype: 'int32', seed: 1 }),
    body: randomUniform([n, 7], { minval: 0, maxval: VOCAB, dtype: 'int32', seed: 2 }),
    tags: randomUniform([n, TAGS], { seed: 3 }),
    priority: randomUniform([n, 1], { seed: 4 }),
    department: randomUniform([n], { minval: 0, maxval: DEPARTMENTS, dtype: 'int32', seed: 5 }),
  }));
}

describe('a Functional with named inputs and outputs: the ticket classifier', () => {
  it('has the parameters tfjs-layers counts for the same architecture', () => {
    const ours = ticketClassifier();
    const theirs = tfjsTicketClassifier();
    expect(ours.countParams()).toBe(theirs.countParams());
    // tfjs orders layers by depth, Strata in the order they were called: compare per class.
    const perLayer = (pairs: [string, number][]) => pairs.map(([cls, n]) => `${cls} ${n}`).sort();
    expect(
      perLayer(
        ours.layers
          .filter((l) => !['title', 'body', 'tags'].includes(l.name))
          .map((l) => [l.constructor.name, l.countParams()]),
      ),
    ).toEqual(
      perLayer(
        theirs.layers.filter((l) => l.getClassName() !== 'InputLayer').map((l) => [l.getClassName(), l.countParams()]),
      ),
    );
    expect(ours.inputNames).toEqual(['title', 'body', 'tags']);
    expect(ours.outputNames).toEqual(['priority', 'department']);
    ours.dispose();
    theirs.dispose();
  });

  it('takes its inputs by name or in order, and names its outputs, with no leaks', async () => {
    const m = ticketClassifier();
    const d = data(6);
    await expectNoLeak(async () => {
      const named = m.apply({ tags: d.tags, title: d.title, body: d.body }) as unknown as Record<string, Tensor>;
      expect(Object.keys(named)).toEqual(['priority', 'department']);
      expect([named.priority.shape, named.department.shape]).toEqual([
        [6, 1],
        [6, DEPARTMENTS],
      ]);
      const ordered = m.apply([d.title, d.body, d.tags]) as unknown as Record<string, Tensor>;
      await expectClose(ordered.department, named.department);
      const predicted = m.predict({ title: d.title, body: d.body, tags: d.tags }, { batchSize: 4 }) as Record<
        string,
        Tensor
      >;
      expect(Object.keys(predicted)).toEqual(['priority', 'department']);
      await expectClose(predicted.priority, named.priority);
      dispose([named, ordered, predicted]);
    });
    expect(() => m.predict({ title: d.title, body: d.body })).toThrow(
      'predict: model "ticket_classifier" has inputs "title", "body", "tags"; received keys "title", "body" (missing tags)',
    );
    dispose(d);
    m.dispose();
  });

  it('nests as a layer, its outputs still named', () => {
    const inner = ticketClassifier();
    const title = input({ shape: [5], dtype: 'int32' });
    const body = input({ shape: [7], dtype: 'int32' });
    const tags = input({ shape: [TAGS] });
    const out = inner.apply({ title, body, tags } as never) as unknown as Record<string, SymbolicTensor>;
    expect(out.department.shape).toEqual([null, DEPARTMENTS]);
    const outer = new Functional({ inputs: [title, body, tags], outputs: out.department, name: 'department_only' });
    expect(outer.outputs[0].shape).toEqual([null, DEPARTMENTS]);
    outer.dispose();
  });

  it('trains with compile/fit, a loss per named output, and leaves nothing behind', async () => {
    const start = memory().numTensors;
    const m = ticketClassifier();
    const d = data(8);
    m.compile({
      optimizer: 'adam',
      loss: {
        priority: 'mse',
        department: { className: 'SparseCategoricalCrossentropy', config: { fromLogits: true } },
      },
      lossWeights: { priority: 1, department: 0.5 },
    });
    const history = await m.fit(
      { title: d.title, body: d.body, tags: d.tags },
      { priority: d.priority, department: d.department },
      { epochs: 3, batchSize: 8, verbose: 0 },
    );
    expect(Object.keys(history.history).sort()).toEqual(['department_loss', 'loss', 'priority_loss']);
    const loss = history.history.loss as number[];
    expect(loss[2]).toBeLessThan(loss[0]);
    dispose(d);
    m.dispose(); // the weights, and the optimizer's state
    expect(memory().numTensors).toBe(start);
  });

  it('refuses an empty record', () => {
    const x = input({ shape: [2] });
    expect(() => new Functional({ inputs: {}, outputs: x, name: 'empty_in' })).toThrow(
      'Functional "empty_in": inputs is an empty record; give at least one named tensor',
    );
  });
});

it('a model with named outputs cannot be a layer of a Sequential, and says why', () => {
  const x = input({ shape: [TAGS] });
  const single = new Functional({
    inputs: x,
    outputs: { a: new Dense({ units: 2 }).apply(x), b: new Dense({ units: 3 }).apply(x) },
    name: 'two_named',
  });
  expect(() => new Sequential([input({ shape: [TAGS] }), single], { name: 'stack_of_named' })).toThrow(
    'Sequential "stack_of_named": layer "two_named" has named outputs (a, b); every layer of a Sequential model must have one. Use a Functional model for layers with several outputs',
  );
  single.dispose();
});
