import { memory, randomUniform, tensor, tidy, type Tensor } from '@strata/tensor';
import type { Layer } from '@strata/layers';
import type { Model } from '@strata/models';
import { listZip, extractZipEntry } from '../zip/zip';
import { functionalModel, sequentialModel, useCpu } from '../testing/keras-models';
import { decodeKerasArchive, encodeKerasArchive } from './archive';

beforeAll(useCpu);

async function predictions(model: Layer, x: Tensor | Tensor[]): Promise<number[]> {
  const y = tidy(() => (model as Model).predict(x) as Tensor);
  const out = Array.from(await y.data());
  y.dispose();
  return out;
}

describe('.keras archives', () => {
  it('a Sequential round-trips: same weights, same predictions, Keras layout', async () => {
    const model = sequentialModel();
    const x = randomUniform([3, 6, 6, 2], { seed: 1 });
    const before = memory().numTensors;
    const bytes = await encodeKerasArchive(model);
    const entries = listZip(bytes, 'm', 10);
    expect(entries.map((e) => [e.name, e.method])).toEqual([
      ['metadata.json', 0],
      ['config.json', 0],
      ['model.weights.h5', 0],
    ]);
    const config = JSON.parse(new TextDecoder().decode(extractZipEntry(bytes, entries[1], 'm', 1e6)));
    expect(config).toMatchObject({ module: 'keras', class_name: 'Sequential', compile_config: null });
    const metadata = JSON.parse(new TextDecoder().decode(extractZipEntry(bytes, entries[0], 'm', 1e6)));
    expect(metadata.keras_version).toBe('3.15.0');
    expect(metadata.date_saved).toMatch(/^\d{4}-\d\d-\d\d@\d\d:\d\d:\d\d$/);

    const loaded = await decodeKerasArchive(bytes);
    expect(loaded.weights.map((w) => w.shape)).toEqual(model.weights.map((w) => w.shape));
    expect(await predictions(loaded, x)).toEqual(await predictions(model, x));
    loaded.dispose();
    expect(memory().numTensors).toBe(before);
    model.dispose();
    x.dispose();
  });

  it('a Functional with two inputs, LSTM, GRU, Embedding and merges round-trips', async () => {
    const model = functionalModel();
    const tokens = tensor(
      [
        [1, 2, 3, 4, 5],
        [0, 9, 19, 3, 3],
      ],
      [2, 5],
      'int32',
    );
    const seq = randomUniform([2, 5, 4], { seed: 2 });
    const loaded = await decodeKerasArchive(await encodeKerasArchive(model));
    expect(await predictions(loaded, [tokens, seq])).toEqual(await predictions(model, [tokens, seq]));
    for (const m of [loaded, model]) m.dispose();
    tokens.dispose();
    seq.dispose();
  });
});
