// The model and data both apps use (Node: app.mjs, browser: web.js): a small CNN as in the root
// README, on a toy problem (is the bright square in the left or the right half?), seeded throughout.
import { Sequential, input, layers, optimizers, tensor } from 'strata';

const { Conv2D, Dense, Flatten, MaxPooling2D } = layers;

const seeded = (seed) => ({ className: 'GlorotUniform', config: { seed } });

export function makeModel() {
  const model = new Sequential([
    input({ shape: [6, 6, 1] }),
    new Conv2D({ filters: 4, kernelSize: 3, activation: 'relu', kernelInitializer: seeded(1) }),
    new MaxPooling2D({ poolSize: 2 }),
    new Flatten(),
    new Dense({ units: 2, activation: 'softmax', kernelInitializer: seeded(2) }),
  ]);
  const optimizer = new optimizers.Adam({ learningRate: 0.03 });
  model.compile({ optimizer, loss: 'sparse_categorical_crossentropy', metrics: ['accuracy'] });
  return model;
}

/** n images 6x6 with a 2x2 bright square at a seeded place; the label is the half it is in. */
export function makeData(n) {
  let s = 12345;
  const next = () => (s = (s * 16807) % 2147483647) / 2147483647;
  const images = [];
  const labels = [];
  for (let i = 0; i < n; i++) {
    const row = Math.floor(next() * 5);
    const col = Math.floor(next() * 5);
    const image = Array.from({ length: 6 }, () => Array.from({ length: 6 }, () => [next() * 0.1]));
    for (const [r, c] of [
      [0, 0],
      [0, 1],
      [1, 0],
      [1, 1],
    ])
      image[row + r][col + c][0] = 1;
    images.push(image);
    labels.push(col + 1 <= 2 ? 0 : 1);
  }
  return { x: tensor(images), y: tensor(labels, [n], 'int32') };
}

/** The predictions of `model` on x, as plain numbers. */
export async function predictions(model, x) {
  const y = model.predict(x);
  const values = Array.from(await y.data());
  y.dispose();
  return values;
}
