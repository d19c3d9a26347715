import { tidy, type Variable } from '@strata/tensor';
import { TrainingError } from '../errors';
import { readWeightsFile, storedToTensor, toStored, writeWeightsFile } from './weights-file';

/**
 * Writes variables' values to a Strata weights file (Node): what ModelCheckpoint({saveWeightsOnly}) writes.
 *
 * @example
 * ```ts
 * await saveWeights('model.weights.bin', model.weights);
 * await loadWeights('model.weights.bin', otherModelOfTheSameShape.weights);
 * ```
 */
export async function saveWeights(path: string, variables: readonly Variable[]): Promise<void> {
  await writeWeightsFile(path, { meta: {}, arrays: await toStored(variables.map((v) => [v.name, v] as const)) });
}

/**
 * Reads a Strata weights file into variables, in order, checking count and shapes.
 *
 * @example
 * ```ts
 * await loadWeights('model.weights.bin', model.weights);
 * ```
 */
export async function loadWeights(path: string, variables: readonly Variable[]): Promise<void> {
  const file = await readWeightsFile(path);
  if (file.arrays.length !== variables.length) {
    throw new TrainingError(
      `loadWeights: ${path} holds ${file.arrays.length} arrays but ${variables.length} variables were given; load it into the model it was saved from`,
    );
  }
  tidy(() => variables.forEach((v, i) => v.assign(storedToTensor(file.arrays[i], v.shape, 'loadWeights'))));
}
