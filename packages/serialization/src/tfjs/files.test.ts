// Folders on disk, shards, and files that are broken on purpose: each error names the problem.
import { mkdtempSync, readFileSync, writeFileSync, rmSync, readdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { setBackend, randomNormal, dispose, memory } from '@strata/tensor';
import { cpu } from '@strata/backend-cpu';
import { Dense } from '@strata/layers';
import { input } from '@strata/graph';
import { Sequential, type Model } from '@strata/models';
import { loadTfjs, saveTfjs } from './io';
import { shard } from './weights';
import { modelFromJSON } from '../config/model-json';
import { expectSamePredictions } from '../testing';

let dir: string;
beforeAll(async () => {
  await setBackend(cpu());
  dir = mkdtempSync(join(tmpdir(), 'strata-tfjs-'));
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const mlp = () =>
  new Sequential([
    input({ shape: [4] }),
    new Dense({ units: 5, activation: 'relu', name: 'f_hidden' }),
    new Dense({ units: 2, name: 'f_out' }),
  ]);

async function saved(name: string): Promise<string> {
  const m = mlp();
  const at = join(dir, name);
  await saveTfjs(m, at);
  m.dispose();
  return at;
}

function editJSON(at: string, edit: (json: Record<string, any>) => void): void {
  const file = join(at, 'model.json');
  const json = JSON.parse(readFileSync(file, 'utf8'));
  edit(json);
  writeFileSync(file, JSON.stringify(json));
}

describe('TF.js layers files', () => {
  it('saves model.json and group1-shard1of1.bin in a folder and loads them back (folder or model.json path)', async () => {
    const m = mlp();
    const at = join(dir, 'roundtrip');
    const { files, modelJSON } = await saveTfjs(m, `file://${at}`);
    expect(readdirSync(at).sort()).toEqual(['group1-shard1of1.bin', 'model.json']);
    expect(files).toHaveLength(2);
    expect(modelJSON.weightsManifest[0].weights.map((w) => w.name)).toEqual([
      'f_hidden/kernel',
      'f_hidden/bias',
      'f_out/kernel',
      'f_out/bias',
    ]);
    expect((modelJSON.modelTopology as { class_name: string }).class_name).toBe('Sequential');
    const before = memory().numTensors;
    for (const source of [at, join(at, 'model.json')]) {
      const back = (await loadTfjs(source)) as Model;
      const x = randomNormal([3, 4], { seed: 1 });
      await expectSamePredictions(m, back, x);
      x.dispose();
      back.dispose();
    }
    expect(memory().numTensors).toBe(before);
    m.dispose();
  });

  it('splits weights into 4 MiB shards named as tfjs names them', () => {
    const { paths, shards } = shard(new ArrayBuffer(9 * 1024 * 1024));
    expect(paths).toEqual(['group1-shard1of3.bin', 'group1-shard2of3.bin', 'group1-shard3of3.bin']);
    expect(shards.map((s) => s.byteLength)).toEqual([4194304, 4194304, 1048576]);
  });

  it('rejects malformed JSON, naming it', async () => {
    const at = await saved('malformed');
    writeFileSync(join(at, 'model.json'), '{"modelTopology": {"class_name": "Sequential",');
    await expect(loadTfjs(at)).rejects.toThrow(/model\.json is not valid JSON .*starts with/);
    expect(() => modelFromJSON('not json')).toThrow(/modelFromJSON is not valid JSON/);
    expect(() => modelFromJSON('[1, 2]')).toThrow(/expected a config object/);
  });

  it('rejects an unknown class, saying how to register it', async () => {
    const at = await saved('unknown');
    editJSON(at, (j) => (j.modelTopology.config.layers[1].class_name = 'MyFancyLayer'));
    await expect(loadTfjs(at)).rejects.toThrow(
      /Unknown layer class "MyFancyLayer".*registerSerializable\(MyFancyLayer\).*customObjects: \{MyFancyLayer\}/,
    );
  });

  it('rejects a weight count that does not match the model', async () => {
    const at = await saved('count');
    editJSON(at, (j) => j.weightsManifest[0].weights.pop());
    await expect(loadTfjs(at)).rejects.toThrow(
      /the weight files hold 148 bytes, but the manifest's 3 weights need 140/,
    );
    // Consistent files of another architecture: one weight fewer than the model.
    const bin = join(at, 'group1-shard1of1.bin');
    writeFileSync(bin, readFileSync(bin).subarray(0, 140));
    await expect(loadTfjs(at)).rejects.toThrow(
      /model "\w+" has 4 weights, but the file holds 3 and lacks f_out\/bias; the weights belong to another architecture/,
    );
    // One weight too many.
    editJSON(at, (j) =>
      j.weightsManifest[0].weights.push(
        { name: 'f_out/bias', shape: [2], dtype: 'float32' },
        { name: 'stray/w', shape: [1], dtype: 'float32' },
      ),
    );
    writeFileSync(bin, Buffer.concat([readFileSync(bin), Buffer.alloc(12)]));
    await expect(loadTfjs(at)).rejects.toThrow(
      /the file holds 5 weights, but model "\w+" has 4; stray\/w belong to no layer of it/,
    );
  });

  it('rejects weights whose shape disagrees with the config, leaving no tensors behind', async () => {
    const at = await saved('shape');
    // The config now says 6 hidden units; the file still holds 5.
    editJSON(at, (j) => (j.modelTopology.config.layers[0].config.units = 6));
    const before = memory().numTensors;
    await expect(loadTfjs(at)).rejects.toThrow(
      /weight "f_hidden\/kernel" has shape \[4,5\] in the file, but the model's f_hidden\/kernel has shape \[4,6\]/,
    );
    expect(memory().numTensors).toBe(before);
  });

  it('refuses absurdly nested configs with an error, not a stack overflow', () => {
    let deep: unknown = {};
    for (let i = 0; i < 100000; i++) deep = { a: deep };
    expect(() => modelFromJSON({ class_name: 'Sequential', config: deep as object })).toThrow(
      /nested more than 256 levels deep/,
    );
  });

  it('rejects truncated weight files and manifests that point outside the folder', async () => {
    const at = await saved('truncated');
    const bin = join(at, 'group1-shard1of1.bin');
    writeFileSync(bin, readFileSync(bin).subarray(0, 40));
    await expect(loadTfjs(at)).rejects.toThrow(
      /hold 40 bytes, but the manifest's 4 weights need 148; the files are truncated/,
    );
    editJSON(at, (j) => (j.weightsManifest[0].paths = ['../../etc/passwd']));
    await expect(loadTfjs(at)).rejects.toThrow(/outside its folder; refusing to read it/);
  });

  it('refuses to write what tfjs-layers could not load, saying why', async () => {
    const x = input({ shape: [3] });
    const { Functional } = await import('@strata/models');
    const { add } = await import('@strata/tensor');
    const y = add(new Dense({ units: 3 }).apply(x) as never, 1) as never;
    const m = new Functional({ inputs: x, outputs: y });
    await expect(saveTfjs(m, { save: async () => undefined })).rejects.toThrow(
      /call 0 of "add" takes .*not only symbolic tensors|raw op add/,
    );
    m.dispose();
    dispose([]);
  });
});
