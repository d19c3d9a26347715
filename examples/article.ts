// `npx tsx examples/article.ts`: the symbolic-API examples of the article Strata grew from
// (docs/symbolic-api.md and docs/imperative-api.md quote them next to their Keras originals), run on
// small random data so they are known to work. The imperative examples have programs of their own:
// image-captioning.ts (a subclassed model) and gan.ts (a custom training loop).
import { dispose, randomNormal, randomUniform, setBackend, type Tensor } from '@strata/tensor';
import { cpu } from '@strata/backend-cpu';
import { Conv2D, Dense, Dropout, Embedding, Flatten, LSTM, MaxPooling2D, Concatenate } from '@strata/layers';
import { input, type SymbolicTensor } from '@strata/graph';
import { Functional, Sequential } from '@strata/models';

/** The article's first example: a stack of layers, trained with the built-in loop. */
export async function sequentialExample(xTrain: Tensor, yTrain: Tensor, epochs = 5): Promise<Sequential> {
  const model = new Sequential([
    new Flatten({ inputShape: [28, 28] }),
    new Dense({ units: 512, activation: 'relu' }),
    new Dropout({ rate: 0.2 }),
    new Dense({ units: 10, activation: 'softmax' }),
  ]);
  model.compile({ optimizer: 'adam', loss: 'sparse_categorical_crossentropy', metrics: ['accuracy'] });
  await model.fit(xTrain, yTrain, { epochs, verbose: 0 });
  return model;
}

/** The Keras guide's ticket classifier: three inputs, two outputs, all named. */
export function ticketClassifier({ numWords = 10000, numTags = 12, numDepartments = 4 } = {}): Functional {
  const title = input({ shape: [null], dtype: 'int32', name: 'title' }); // a sequence of word ids of any length
  const body = input({ shape: [null], dtype: 'int32', name: 'body' });
  const tags = input({ shape: [numTags], name: 'tags' }); // binary vectors
  const titleFeatures = new LSTM({ units: 128 }).apply(
    new Embedding({ inputDim: numWords, outputDim: 64 }).apply(title),
  );
  const bodyFeatures = new LSTM({ units: 32 }).apply(new Embedding({ inputDim: numWords, outputDim: 64 }).apply(body));
  const x = new Concatenate().apply([titleFeatures, bodyFeatures, tags]) as SymbolicTensor;
  const priority = new Dense({ units: 1, name: 'priority' }).apply(x);
  const department = new Dense({ units: numDepartments, name: 'department' }).apply(x);
  return new Functional({ inputs: { title, body, tags }, outputs: { priority, department } });
}

/** A small VGG-like base: what feature extraction cuts from. */
export function vggLike(): Sequential {
  return new Sequential(
    [
      input({ shape: [16, 16, 3] }),
      new Conv2D({ filters: 8, kernelSize: 3, padding: 'same', activation: 'relu', name: 'block1_conv' }),
      new MaxPooling2D({ poolSize: 2, name: 'block1_pool' }),
      new Conv2D({ filters: 16, kernelSize: 3, padding: 'same', activation: 'relu', name: 'block2_conv' }),
      new MaxPooling2D({ poolSize: 2, name: 'block2_pool' }),
      new Flatten({ name: 'flatten' }),
      new Dense({ units: 10, activation: 'softmax', name: 'predictions' }),
    ],
    { name: 'vgg_like' },
  );
}

/** Feature extraction: a model whose outputs are every layer's output of another. */
export function featureExtractor(base: Sequential): Functional {
  const featuresList = base.layers.map((layer) => base.outputOf(layer.name));
  return new Functional({ inputs: base.inputs, outputs: featuresList });
}

export async function main({
  samples = 32,
  epochs = 5,
  log = console.log,
}: {
  samples?: number;
  epochs?: number;
  log?: (line: string) => void;
} = {}) {
  await setBackend(cpu());

  const xTrain = randomUniform([samples, 28, 28], { seed: 1 });
  const yTrain = randomUniform([samples], { minval: 0, maxval: 10, dtype: 'int32', seed: 2 });
  const sequential = await sequentialExample(xTrain, yTrain, epochs);
  sequential.summary({ printFn: log });

  const tickets = ticketClassifier({ numWords: 100 });
  const ticket = {
    title: randomUniform([4, 6], { minval: 0, maxval: 100, dtype: 'int32', seed: 3 }),
    body: randomUniform([4, 9], { minval: 0, maxval: 100, dtype: 'int32', seed: 4 }),
    tags: randomUniform([4, 12], { seed: 5 }),
  };
  const predicted = tickets.predict(ticket) as { priority: Tensor; department: Tensor };
  log(`ticket classifier: priority ${predicted.priority.shape}, department ${predicted.department.shape}`);

  const base = vggLike();
  const extractor = featureExtractor(base);
  const images = randomNormal([2, 16, 16, 3], { seed: 6 });
  const features = extractor.predict(images) as Tensor[];
  log(`feature extractor: ${features.map((f) => `[${f.shape}]`).join(' ')}`);

  dispose([xTrain, yTrain, ticket, predicted, images, features]);
  return { sequential, tickets, base, extractor, featureShapes: features.map((f) => f.shape) };
}

if (process.argv[1]?.endsWith('article.ts')) {
  main().then((r) => [r.sequential, r.tickets, r.extractor, r.base].forEach((m) => m.dispose()));
}
