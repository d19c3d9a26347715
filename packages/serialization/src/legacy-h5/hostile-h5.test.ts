// Legacy .h5 model files go through the checks .keras archives do: code-carrying layers refused in
// safe mode, sizes bounded before anything is built, weights checked before any is assigned. Each
// case is the Keras 2 fixture small_compiled.h5 with one thing changed (through h5wasm).
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { memory, StrataError } from '@strata/tensor';
import { useCpu } from '../testing/keras-models';
import { loadH5wasm } from '../h5/h5wasm-loader';
import { loadModel } from '../files';

beforeAll(useCpu);

const fixture = new Uint8Array(readFileSync(join(__dirname, '..', '..', 'fixtures', 'keras2', 'small_compiled.h5')));

type H5File = {
  get(path: string): unknown;
  delete_attribute(n: string): number;
  create_attribute(n: string, v: unknown): void;
};
let counter = 0;
/** The fixture with `change` applied to the open file. */
async function mutated(change: (file: H5File) => void): Promise<Uint8Array> {
  const h5 = await loadH5wasm();
  const name = `/hostile_legacy_${++counter}.h5`;
  h5.FS!.writeFile(name, fixture);
  const file = new h5.File(name, 'a');
  change(file as unknown as H5File);
  file.close();
  const bytes = h5.FS!.readFile(name);
  h5.FS!.unlink(name);
  return bytes;
}

function setAttr(target: H5File, name: string, value: unknown): void {
  target.delete_attribute(name);
  target.create_attribute(name, value);
}

JSON.parse(new TextDecoder().decode(fixture).match(/\{"class_name": "Functional".*?\}\]\]\}\}/s)?.[0] ?? 'null');

async function refused(bytes: Uint8Array, pattern: RegExp, options = {}): Promise<void> {
  const before = memory().numTensors;
  const load = loadModel(bytes, options);
  await expect(load).rejects.toThrow(StrataError);
  await expect(loadModel(bytes, options)).rejects.toThrow(pattern);
  expect(memory().numTensors).toBe(before);
}

it('the fixture itself loads (the baseline every case changes)', async () => {
  const model = await loadModel(fixture);
  model.dispose();
});

it('refuses a Lambda layer carrying Python bytecode, and one naming no registered function in safe mode', async () => {
  const withLambda = (fn: unknown) =>
    mutated((f) => {
      const c = JSON.parse((f as unknown as { attrs: Record<string, { value: string }> }).attrs.model_config.value);
      const flatten = c.config.layers.find((l: { name: string }) => l.name === 'flatten');
      flatten.class_name = 'Lambda';
      flatten.config = { name: 'flatten', function: fn, output_shape: null, arguments: {} };
      setAttr(f, 'model_config', JSON.stringify(c));
    });
  await refused(await withLambda(['4wEAAAAAAAAA', null, null]), /safe mode refuses this Lambda layer/);
  await refused(
    await withLambda({ class_name: '__lambda__', config: { code: '4wEAAAAA' } }),
    /__lambda__|bytecode|code/i,
  );
});

it('refuses sizes over the limits before building anything', async () => {
  const huge = await mutated((f) => {
    const attrs = (f as unknown as { attrs: Record<string, { value: string }> }).attrs;
    setAttr(f, 'model_config', attrs.model_config.value.replace('"units": 4', `"units": ${2 ** 40}`));
  });
  await refused(huge, /more than the limit of 16777216 per dimension.*units/);
  await refused(fixture, /model_config.*more than the limit of 100/, { limits: { maxJsonBytes: 100 } });
});

it('refuses broken configs and weights that do not fit, naming what is wrong', async () => {
  await refused(
    await mutated((f) => setAttr(f, 'model_config', '{"class_name": ')),
    /"model_config" is not valid JSON/,
  );
  // dense_a's group names dense_b's bias as its kernel: a shape that does not fit.
  const swapped = await mutated((f) =>
    setAttr(f.get('model_weights/dense_a') as H5File, 'weight_names', ['dense_a/bias:0', 'dense_a/bias:0']),
  );
  await refused(swapped, /"kernel" of layer #2 .* has shape \[108,4\], but the file holds shape \[4\]/);
  const outside = await mutated((f) =>
    setAttr(f.get('model_weights/conv') as H5File, 'weight_names', ['/optimizer_weights/iteration:0', 'conv/bias:0']),
  );
  await refused(outside, /is not a path inside the layer's group/);
  const missing = await mutated((f) =>
    setAttr(f.get('model_weights/conv') as H5File, 'weight_names', ['conv/nothing:0', 'conv/bias:0']),
  );
  await refused(missing, /names "conv\/nothing:0", but no dataset is at "model_weights\/conv\/conv\/nothing:0"/);
  const noWeights = await mutated((f) => setAttr(f.get('model_weights') as H5File, 'layer_names', ['image', 'conv']));
  await refused(noWeights, /the file holds weights for 1 layers, model "small" has 4 layers with weights/);
});
