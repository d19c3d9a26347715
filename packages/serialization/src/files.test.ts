import { mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { memory, randomUniform, tensor, tidy, type Tensor } from '@strata/tensor';
import { Dense, Flatten, Lambda, clearSession, type Layer } from '@strata/layers';
import { input } from '@strata/graph';
import { Model, Sequential } from '@strata/models';
import { Adam, RMSprop } from '@strata/training';
import { sequentialModel, useCpu } from './testing/keras-models';
import { loadModel, loadModelWeights, saveModel, saveModelWeights, saveModelWithHooks } from './files';
import { ModelFileError } from './safety/errors';
import { expectSamePredictions } from './testing';

beforeAll(useCpu);

const dir = mkdtempSync(join(tmpdir(), 'strata-files-'));

async function valuesOf(t: Tensor | Tensor[]): Promise<number[]> {
  return Array.from(await (t as Tensor).data());
}

async function predict(model: Layer, x: Tensor): Promise<number[]> {
  const y = tidy(() => (model as Model).predict(x) as Tensor);
  const out = await valuesOf(y);
  y.dispose();
  return out;
}

function mlp(name: string): Sequential {
  clearSession();
  return new Sequential([input({ shape: [3] }), new Dense({ units: 5, activation: 'tanh' }), new Dense({ units: 1 })], {
    name,
  });
}

function copyWeights(from: Layer, to: Layer): void {
  const values = from.getWeights();
  to.setWeights(values);
  for (const v of values) v.dispose();
}

describe('saveModel / loadModel', () => {
  it('.keras by path, and by bytes, Blob and file: URL', async () => {
    const model = sequentialModel();
    const x = randomUniform([2, 6, 6, 2], { seed: 3 });
    const path = join(dir, 'seq.keras');
    await saveModel(model, path);
    const want = await predict(model, x);
    const before = memory().numTensors;
    for (const source of [
      path,
      new Uint8Array(readFileSync(path)),
      new Blob([readFileSync(path)]),
      new URL(`file://${path}`),
    ]) {
      const loaded = await loadModel(source);
      expect(await predict(loaded, x)).toEqual(want);
      loaded.dispose();
    }
    expect(memory().numTensors).toBe(before);
    model.dispose();
    x.dispose();
  });

  it('an http URL, refusing a body larger than the limit while it streams', async () => {
    const model = mlp('served');
    await saveModel(model, join(dir, 'served.keras'));
    const bytes = readFileSync(join(dir, 'served.keras'));
    // /lying declares no length and sends 2 MiB more than the archive.
    const server = createServer((req, res) => {
      if (req.url === '/huge') {
        // Declares 10 MiB, sends 10 bytes and hangs up: the loader must refuse on the declaration.
        res.writeHead(200, { 'content-length': String(10 << 20) });
        res.write(bytes.subarray(0, 10));
        setTimeout(() => res.destroy(), 50);
        return;
      }
      if (req.url === '/lying') res.writeHead(200);
      else res.writeHead(200, { 'content-length': String(bytes.length) });
      res.end(req.url === '/lying' ? Buffer.concat([bytes, Buffer.alloc(2 << 20)]) : bytes);
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    const base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
    try {
      const loaded = await loadModel(new URL(`${base}/m.keras`));
      expect(loaded.name).toBe('served');
      loaded.dispose();
      // The file limit is the weights limit, twice the JSON limit, and 1 MiB: 1051576 bytes here.
      await expect(
        loadModel(new URL(`${base}/lying`), { limits: { maxWeightsBytes: 1000, maxJsonBytes: 1000 } }),
      ).rejects.toThrow(`${base}/lying: ${base}/lying sent more than the limit of 1051576 bytes`);
      await expect(
        loadModel(new URL(`${base}/huge`), { limits: { maxWeightsBytes: 1000, maxJsonBytes: 1000 } }),
      ).rejects.toThrow(`${base}/huge: ${base}/huge is 10485760 bytes, more than the limit of 1051576`);
    } finally {
      server.closeAllConnections();
      server.close();
      model.dispose();
    }
  });

  it('without a file system: to bytes (then a Blob), and uploaded to an http URL', async () => {
    const model = mlp('in_memory');
    const x = tensor([[1, 2, 3]]);
    const bytes = await saveModel(model);
    const fromBlob = await loadModel(new Blob([bytes]));
    await expectSamePredictions(model, fromBlob, x);
    fromBlob.dispose();
    await expect(saveModel(model, undefined, { format: 'tfjs' })).rejects.toThrow(/use tfjsArtifacts\(model\)/);

    const received: Buffer[] = [];
    const server = createServer((req, res) => {
      const chunks: Buffer[] = [];
      req.on('data', (c: Buffer) => chunks.push(c));
      req.on('end', () => {
        if (req.url === '/refuse') return void res.writeHead(507, 'Insufficient Storage').end();
        received.push(Buffer.concat(chunks));
        res.writeHead(201).end();
      });
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    const base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
    try {
      await saveModel(model, `${base}/models/in_memory.keras`);
      const uploaded = await loadModel(new Uint8Array(received[0]));
      await expectSamePredictions(model, uploaded, x);
      uploaded.dispose();
      await expect(saveModel(model, new URL(`${base}/refuse`))).rejects.toThrow(
        `saveModel: ${base}/refuse answered 507 Insufficient Storage to the upload`,
      );
    } finally {
      server.closeAllConnections();
      server.close();
      model.dispose();
      x.dispose();
    }
  });

  it('resolves to a Model, and names a file that holds a lone layer', async () => {
    const model = mlp('typed');
    const loaded = await loadModel(await saveModel(model));
    expect(loaded).toBeInstanceOf(Model);
    expect(loaded.predict).toBeInstanceOf(Function);
    loaded.dispose();
    model.dispose();
    const lone = new Flatten({ name: 'lone' });
    const before = memory().numTensors;
    await expect(loadModel(await saveModel(lone))).rejects.toThrow(
      'the model file holds a Flatten layer, not a model; save a model (Sequential, Functional or a Model subclass)',
    );
    expect(memory().numTensors).toBe(before);
    lone.dispose();
  });

  it('a folder or model.json goes to the TF.js layers format', async () => {
    const model = mlp('tfjs_mlp');
    const x = randomUniform([4, 3], { seed: 4 });
    await saveModel(model, join(dir, 'tfjs_model'));
    expect(readdirSync(join(dir, 'tfjs_model')).sort()).toEqual(['group1-shard1of1.bin', 'model.json']);
    for (const source of [join(dir, 'tfjs_model'), join(dir, 'tfjs_model', 'model.json')]) {
      const loaded = await loadModel(source);
      expect(await predict(loaded, x)).toEqual(await predict(model, x));
      loaded.dispose();
    }
    model.dispose();
    x.dispose();
  });

  it('names files it cannot load', async () => {
    await expect(loadModel(join(dir, 'missing.keras'))).rejects.toThrow(
      `${join(dir, 'missing.keras')}: no file at "${join(dir, 'missing.keras')}"`,
    );
    const m = mlp('weights_only');
    await saveModelWeights(m, join(dir, 'w.weights.h5'));
    await expect(loadModel(new Uint8Array(readFileSync(join(dir, 'w.weights.h5'))))).rejects.toThrow(
      /an HDF5 file without a model: no "model_config" attribute\. It is a weights file; build the model, then load/,
    );
    await expect(loadModel(new TextEncoder().encode('hello'))).rejects.toThrow(
      'the model file is not a .keras archive (it does not start with a zip signature)',
    );
    m.dispose();
  });
});

describe('atomic saves', () => {
  it('a save that fails while writing leaves the old file whole and loadable, and no temporary file', async () => {
    const path = join(dir, 'atomic.keras');
    const old = mlp('old_model');
    const x = randomUniform([2, 3], { seed: 5 });
    await saveModel(old, path);
    const oldBytes = readFileSync(path);
    const replacement = sequentialModel();
    const failing = saveModelWithHooks(
      replacement,
      path,
      {},
      {
        afterChunk: () => {
          throw new Error('disk full');
        },
      },
    );
    await expect(failing).rejects.toThrow(
      `Could not write ${path}: disk full. Any earlier file at that path is unchanged`,
    );
    expect(readFileSync(path).equals(oldBytes)).toBe(true);
    expect(readdirSync(dir).filter((f) => f.endsWith('.tmp'))).toEqual([]);
    const loaded = await loadModel(path);
    expect(loaded.name).toBe('old_model');
    expect(await predict(loaded, x)).toEqual(await predict(old, x));
    for (const m of [loaded, old, replacement]) m.dispose();
    x.dispose();
  });

  it('a TF.js folder: a save failing at any file leaves the old model; one that completes, the new', async () => {
    const folder = join(dir, 'atomic-tfjs');
    const old = mlp('old_model');
    const layers = [input({ shape: [3] }), new Dense({ units: 7 }), new Dense({ units: 1 })];
    const replacement = new Sequential(layers, { name: 'new_model' });
    const x = randomUniform([2, 3], { seed: 6 });
    await saveModel(old, folder);
    expect(readdirSync(folder).sort()).toEqual(['group1-shard1of1.bin', 'model.json']);
    // Fail before each file (the new shard, then model.json) and in the middle of writing each.
    for (const failure of ['before group1-shard1of1.1.bin', 'before model.json', 'chunk 1', 'chunk 2']) {
      let chunks = 0;
      const hooks = {
        beforeFile: (name: string) => {
          if (failure === `before ${name}`) throw new Error('killed');
        },
        afterChunk: () => {
          if (failure === `chunk ${++chunks}`) throw new Error('killed');
        },
      };
      await expect(saveModelWithHooks(replacement, folder, {}, hooks)).rejects.toThrow('killed');
      const loaded = await loadModel(folder);
      expect(loaded.name).toBe('old_model');
      expect(await predict(loaded, x)).toEqual(await predict(old, x));
      loaded.dispose();
    }
    // The new shard goes beside the old one (whose name the current model.json holds), then the old goes.
    await saveModel(replacement, folder);
    expect(readdirSync(folder).sort()).toEqual(['group1-shard1of1.1.bin', 'model.json']);
    const loaded = await loadModel(folder);
    expect(loaded.name).toBe('new_model');
    expect(await predict(loaded, x)).toEqual(await predict(replacement, x));
    await saveModel(old, join(folder, 'model.json'));
    expect(readdirSync(folder).sort()).toEqual(['group1-shard1of1.bin', 'model.json']);
    for (const m of [loaded, old, replacement]) m.dispose();
    x.dispose();
  });

  it('a save that fails before writing (a model that cannot be configured) leaves the old file too', async () => {
    const path = join(dir, 'atomic2.keras');
    const old = mlp('kept');
    await saveModel(old, path);
    const oldBytes = readFileSync(path);
    const unsaveable = new Sequential([input({ shape: [3] }), new Lambda({ function: (t) => t })]);
    await expect(saveModel(unsaveable, path)).rejects.toThrow(
      /its function is not registered, so the layer cannot be saved/,
    );
    expect(readFileSync(path).equals(oldBytes)).toBe(true);
    for (const m of [old, unsaveable]) m.dispose();
  });
});

describe('training resumes where it stopped', () => {
  const data = () => ({ x: randomUniform([16, 3], { seed: 7 }), y: randomUniform([16, 1], { seed: 8 }) });

  it.each([
    ['Adam', () => new Adam({ learningRate: 0.01 })],
    ['RMSprop with momentum', () => new RMSprop({ learningRate: 0.01, momentum: 0.5, centered: true })],
  ])('%s: fit 2 epochs, save, load, fit 2 more = fit 4 epochs', async (_, makeOptimizer) => {
    const { x, y } = data();
    const fitOptions = { epochs: 2, batchSize: 4, shuffle: false, verbose: 0 as const };
    const straight = mlp('straight');
    const resumed = mlp('resumed');
    copyWeights(straight, resumed);
    straight.compile({ optimizer: makeOptimizer(), loss: 'mse', metrics: ['mae'] });
    resumed.compile({ optimizer: makeOptimizer(), loss: 'mse', metrics: ['mae'] });
    await straight.fit(x, y, { ...fitOptions, epochs: 4 });
    await resumed.fit(x, y, fitOptions);
    const path = join(dir, 'resume.keras');
    await saveModel(resumed, path);
    const loaded = await loadModel(path);
    expect(loaded.optimizer?.iterations).toBe(8);
    const history = await loaded.fit(x, y, fitOptions);
    expect(history.history.loss).toHaveLength(2);
    const [a, b] = [
      await Promise.all(straight.weights.map((w) => w.data())),
      await Promise.all(loaded.weights.map((w) => w.data())),
    ];
    a.forEach((w, i) => expect(Array.from(b[i])).toEqual(Array.from(w)));
    for (const t of [straight, resumed, loaded]) t.dispose();
    x.dispose();
    y.dispose();
  });

  it('saveModelWeights / loadModelWeights carry the optimizer state too', async () => {
    const { x, y } = data();
    const fitOptions = { epochs: 1, batchSize: 4, shuffle: false, verbose: 0 as const };
    const a = mlp('a_model');
    const b = mlp('b_model');
    a.compile({ optimizer: new Adam({ learningRate: 0.01 }), loss: 'mse' });
    b.compile({ optimizer: new Adam({ learningRate: 0.01 }), loss: 'mse' });
    await a.fit(x, y, fitOptions);
    const path = join(dir, 'a.weights.h5');
    await saveModelWeights(a, path);
    await loadModelWeights(b, path);
    expect(b.optimizer?.iterations).toBe(4);
    // The control: the same weights without the optimizer's moments train differently.
    const c = mlp('c_model');
    c.compile({ optimizer: new Adam({ learningRate: 0.01 }), loss: 'mse' });
    await loadModelWeights(c, path, { includeOptimizer: false });
    expect(c.optimizer?.iterations).toBe(0);
    await a.fit(x, y, fitOptions);
    await b.fit(x, y, fitOptions);
    await c.fit(x, y, fitOptions);
    const [wa, wb, wc] = await Promise.all(
      [a, b, c].map((m) => Promise.all(m.weights.map(async (w) => Array.from(await w.data())))),
    );
    wa.forEach((w, i) => expect(wb[i]).toEqual(w));
    expect(wc).not.toEqual(wa);
    for (const t of [a, b, c]) t.dispose();
    x.dispose();
    y.dispose();
  });
});

describe('saveModelWeights / loadModelWeights', () => {
  it('round-trips a model, from .weights.h5 or from a .keras archive', async () => {
    const src = sequentialModel();
    const dst = sequentialModel();
    const x = randomUniform([2, 6, 6, 2], { seed: 9 });
    await saveModelWeights(src, join(dir, 's.weights.h5'));
    await saveModel(src, join(dir, 's.keras'));
    for (const file of ['s.weights.h5', 's.keras']) {
      const fresh = sequentialModel();
      await loadModelWeights(fresh, join(dir, file));
      expect(await predict(fresh, x)).toEqual(await predict(src, x));
      fresh.dispose();
    }
    for (const m of [src, dst]) m.dispose();
    x.dispose();
  });

  it('without a path (a browser) gives the bytes of the same file, which load back', async () => {
    const src = sequentialModel();
    const x = randomUniform([2, 6, 6, 2], { seed: 3 });
    const bytes = await saveModelWeights(src);
    await saveModelWeights(src, join(dir, 'bytes.weights.h5'));
    expect(bytes.length).toBe(readFileSync(join(dir, 'bytes.weights.h5')).length);
    const fresh = sequentialModel();
    await loadModelWeights(fresh, bytes);
    expect(await predict(fresh, x)).toEqual(await predict(src, x));
    for (const m of [src, fresh]) m.dispose();
    x.dispose();
  });

  it('refuses weights of another model, leaving the model unchanged', async () => {
    const small = mlp('small');
    await saveModelWeights(small, join(dir, 'small.weights.h5'));
    clearSession();
    const wider = new Sequential(
      [input({ shape: [3] }), new Dense({ units: 6, activation: 'tanh' }), new Dense({ units: 1 })],
      { name: 'wider' },
    );
    const before = await Promise.all(wider.weights.map((w) => w.data()));
    await expect(loadModelWeights(wider, join(dir, 'small.weights.h5'))).rejects.toThrow(
      `${join(dir, 'small.weights.h5')}: weight "kernel" of layer "dense" (Dense) has shape [3,6], but the file holds shape [3,5] at "layers/dense/vars/0". The file was saved from a model with another configuration`,
    );
    const after = await Promise.all(wider.weights.map((w) => w.data()));
    after.forEach((w, i) => expect(Array.from(w)).toEqual(Array.from(before[i])));
    const deeper = new Sequential([
      input({ shape: [3] }),
      new Dense({ units: 5 }),
      new Dense({ units: 5 }),
      new Dense({ units: 1 }),
    ]);
    await expect(loadModelWeights(deeper, join(dir, 'small.weights.h5'))).rejects.toThrow(ModelFileError);
    await expect(saveModelWeights(small, join(dir, 'small.h5'))).rejects.toThrow(
      'saveModelWeights: the file name must end in .weights.h5 (as Keras requires), received',
    );
    writeFileSync(join(dir, 'not.weights.h5'), 'garbage');
    await expect(loadModelWeights(small, join(dir, 'not.weights.h5'))).rejects.toThrow(/is not an HDF5 file/);
    for (const m of [small, wider, deeper]) m.dispose();
  });
});

describe('loading weights into a model that was never built', () => {
  it('says to build it first', async () => {
    const built = mlp('built_one');
    await saveModelWeights(built, join(dir, 'b.weights.h5'));
    clearSession();
    const unbuilt = new Sequential([new Dense({ units: 5, activation: 'tanh' }), new Dense({ units: 1 })], {
      name: 'unbuilt',
    });
    await expect(loadModelWeights(unbuilt, join(dir, 'b.weights.h5'))).rejects.toThrow(
      'layer "dense" (Dense) was never built, so it has no variables yet, but the file holds 2 at "layers/dense/vars". Build the model first (call it on data, or model.build(inputShape)), then load the weights',
    );
    unbuilt.build([null, 3]);
    await loadModelWeights(unbuilt, join(dir, 'b.weights.h5'));
    const x = randomUniform([2, 3], { seed: 11 });
    expect(await predict(unbuilt, x)).toEqual(await predict(built, x));
    for (const t of [built, unbuilt, x]) t.dispose();
  });
});
