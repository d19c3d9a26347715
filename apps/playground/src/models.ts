import * as strata from 'strata';
import { Sequential, input, type Model, layers, initializers } from 'strata';
import { DEFAULT_CODE } from './default-code';
import type { ModelKind } from './protocol';

const { Conv2D, Dense, Flatten, MaxPooling2D } = layers;
const { GlorotUniform } = initializers;

/** The built-in models, seeded so that a run is the same every time; 'code' runs the user's code. */
export function buildModel(kind: ModelKind, inputShape: number[], classes: number, code = DEFAULT_CODE): Model {
  let layer = 0;
  const init = () => new GlorotUniform({ seed: 1000 + layer++ });
  if (kind === 'code') {
    // The page's own user typing code for their own page, run in the worker: the point of the editor.
    const made = new Function('strata', 'inputShape', 'classes', code)(strata, inputShape, classes) as unknown;
    if (!(made instanceof strata.Model)) {
      throw new Error(`the model code must return a Model (e.g. new Sequential([...])), it returned ${String(made)}`);
    }
    return made;
  }
  if (kind === 'cnn') {
    if (inputShape.length !== 3)
      throw new Error(`the CNN needs images ([h, w, c]); this dataset's inputs are [${inputShape}]: pick the MLP`);
    return new Sequential(
      [
        input({ shape: inputShape }),
        new Conv2D({ filters: 8, kernelSize: 3, activation: 'relu', kernelInitializer: init() }),
        new MaxPooling2D({ poolSize: 2 }),
        new Conv2D({ filters: 16, kernelSize: 3, activation: 'relu', kernelInitializer: init() }),
        new MaxPooling2D({ poolSize: 2 }),
        new Flatten(),
        new Dense({ units: classes, activation: 'softmax', kernelInitializer: init() }),
      ],
      { name: 'cnn' },
    );
  }
  return new Sequential(
    [
      input({ shape: inputShape }),
      ...(inputShape.length > 1 ? [new Flatten()] : []),
      new Dense({ units: 64, activation: 'relu', kernelInitializer: init() }),
      new Dense({ units: classes, activation: 'softmax', kernelInitializer: init() }),
    ],
    { name: 'mlp' },
  );
}
