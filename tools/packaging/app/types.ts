// Type-checked by tsc against the published .d.ts files (module: nodenext, as a Node user compiles),
// with skipLibCheck off, so the declarations themselves are checked too.
import {
  layers,
  losses,
  Sequential,
  input,
  loadModel,
  saveModel,
  setBackend,
  tensor,
  type Tensor,
  type SaveModelOptions,
} from 'strata';
import { wasm } from '@strata/backend-wasm';

export async function firstHour(): Promise<number[]> {
  await setBackend(wasm());
  const model = new Sequential([
    input({ shape: [2] }),
    new layers.Dense({ units: 3, activation: 'relu' }),
    new layers.Dense({ units: 1 }),
  ]);
  model.compile({ optimizer: 'adam', loss: 'mse' });
  const x: Tensor = tensor([
    [0, 1],
    [1, 0],
  ]);
  await model.fit(x, tensor([[1], [0]]), { epochs: 1, verbose: 0 });
  const options: SaveModelOptions = { format: 'keras' };
  await saveModel(model, 'model.keras', options);
  const bytes: Uint8Array = await saveModel(model);
  const again = await loadModel(bytes);
  return Array.from(await (again.predict(x) as Tensor).data());
}

// Namespace members are types where they are classes or types (the bundled .d.ts keeps them so).
const dense: layers.Dense = new layers.Dense({ units: 2 } satisfies layers.DenseArgs);
const loss: losses.Loss = new losses.BinaryCrossentropy({ fromLogits: true });
export const typed = [dense, loss];

// The types are real, not `any`: each of these must be an error.
// @ts-expect-error units must be a number
new layers.Dense({ units: 'three' });
// @ts-expect-error no such export
import('strata').then((m) => m.notAnExport);
// @ts-expect-error internals are not in the umbrella's API
import('strata').then((m) => m.engine);
// @ts-expect-error the testing helpers are not published
import('@strata/tensor/testing');
