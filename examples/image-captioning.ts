// `npx tsx examples/image-captioning.ts`: the article's imperative example, an image-captioning model
// written as a subclass of Model. An encoder (a Sequential CNN: a symbolic model used as a layer of
// an imperative one) turns an image into the first state of an RNN decoder, which reads a caption
// one word at a time and predicts the next. Training feeds the true caption (teacher forcing) in a
// hand-written loop around a gradient tape; captioning runs the decoder word by word in a plain
// TypeScript loop that stops when every caption has ended — control flow no graph describes.
import { argMax, dispose, mean, mul, randomNormal, setBackend, slice, tensor, tidy, type Tensor } from '@strata/tensor';
import { cpu } from '@strata/backend-cpu';
import { GradientTape } from '@strata/autodiff';
import { Conv2D, Dense, Embedding, Flatten, GRU, MaxPooling2D, type CallOptions, type LayerArgs } from '@strata/layers';
import { input } from '@strata/graph';
import { Adam, sparseCategoricalCrossentropy } from '@strata/training';
import { Model, Sequential } from '@strata/models';

/** The words a caption is made of; 0 is padding. */
export const VOCABULARY = ['<pad>', '<start>', '<end>', 'red', 'green', 'blue', 'square', 'left', 'right'] as const;
const word = (w: (typeof VOCABULARY)[number]) => VOCABULARY.indexOf(w);
const COLORS = ['red', 'green', 'blue'] as const;
const SIDES = ['left', 'right'] as const;

export interface CaptionerArgs extends LayerArgs {
  imageSize: number;
  units: number;
}

/** Encoder + RNN decoder. `call([images, words])` gives next-word logits for every position. */
export class Captioner extends Model {
  readonly encoder: Sequential;
  readonly embed: Embedding;
  readonly decoder: GRU;
  readonly next: Dense;

  constructor({ imageSize, units, ...args }: CaptionerArgs) {
    super(args);
    this.encoder = new Sequential(
      [
        input({ shape: [imageSize, imageSize, 3] }),
        new Conv2D({ filters: 8, kernelSize: 3, padding: 'same', activation: 'relu', name: 'see' }),
        new MaxPooling2D({ poolSize: 2, name: 'shrink' }),
        new Flatten({ name: 'flat' }),
        new Dense({ units, activation: 'tanh', name: 'image_state' }),
      ],
      { name: 'encoder' },
    );
    this.embed = new Embedding({ inputDim: VOCABULARY.length, outputDim: 8, name: 'words' });
    this.decoder = new GRU({ units, returnSequences: true, returnState: true, name: 'decoder' });
    this.next = new Dense({ units: VOCABULARY.length, name: 'next_word' });
  }

  /** One pass of the decoder from a state: the next-word logits at each position, and the last state. */
  decode(words: Tensor, state: Tensor): [Tensor, Tensor] {
    const [sequence, last] = this.decoder.apply(this.embed.apply(words), {
      initialState: [state],
    }) as unknown as Tensor[];
    return [this.next.apply(sequence), last];
  }

  override call(inputs: Tensor[], _options: CallOptions = {}): Tensor {
    const [images, words] = inputs;
    return this.decode(words, this.encoder.apply(images) as Tensor)[0];
  }

  /** Greedy captioning: feed each predicted word back in until every caption has said <end>. */
  caption(images: Tensor, maxLength = 8): string[][] {
    return tidy(() => {
      let state = this.encoder.apply(images) as Tensor;
      let current = tensor(Array(images.shape[0]).fill(word('<start>')), [images.shape[0], 1], 'int32');
      const captions: string[][] = Array.from({ length: images.shape[0] }, () => []);
      const done = captions.map(() => false);
      for (let step = 0; step < maxLength && done.includes(false); step++) {
        const [logits, next] = this.decode(current, state);
        state = next;
        current = argMax(logits, -1);
        Array.from(current.dataSync()).forEach((id, i) => {
          if (done[i]) return;
          if (id === word('<end>')) done[i] = true;
          else captions[i].push(VOCABULARY[id]);
        });
      }
      return captions;
    });
  }
}

/**
 * Images of one colored square on the left or the right of a dark field, with the caption that
 * describes them: `<start> blue square right <end>`.
 */
export function makeData(samples: number, size: number): { images: Tensor; captions: number[][] } {
  const pixels = new Float32Array(samples * size * size * 3);
  const captions: number[][] = [];
  const half = size >> 1;
  for (let i = 0; i < samples; i++) {
    const color = i % 3;
    const side = Math.floor(i / 3) % 2;
    for (let r = 1; r < size - 1; r++) {
      for (let c = side * half; c < side * half + half; c++) pixels[((i * size + r) * size + c) * 3 + color] = 1;
    }
    captions.push([word('<start>'), word(COLORS[color]), word('square'), word(SIDES[side]), word('<end>')]);
  }
  const images = tidy(() =>
    mul(
      tensor(pixels, [samples, size, size, 3]),
      randomNormal([samples, size, size, 3], { mean: 1, stddev: 0.2, seed: 8 }),
    ),
  );
  return { images, captions };
}

export interface Options {
  samples?: number;
  steps?: number;
  log?: (line: string) => void;
}

export async function main(options: Options = {}) {
  const { samples = 48, steps = 60, log = console.log } = options;
  await setBackend(cpu());
  const size = 6;

  const model = new Captioner({ imageSize: size, units: 16, name: 'captioner' });
  model.build([
    [null, size, size, 3],
    [null, 4],
  ]); // traces call(): every layer is built, and the summary has shapes
  model.summary({ printFn: log });

  // Teacher forcing: the decoder reads words 0..3 of each caption and learns words 1..4.
  const { images, captions } = makeData(samples, size);
  const all = tensor(captions, [samples, 5], 'int32');
  const [wordsIn, wordsOut] = tidy(() => [slice(all, [0, 0], [samples, 4]), slice(all, [0, 1], [samples, 4])]);
  const optimizer = new Adam({ learningRate: 0.03 });
  let firstLoss = NaN;
  let lastLoss = NaN;
  for (let step = 0; step < steps; step++) {
    const tape = new GradientTape();
    const loss = tape.record(() =>
      tidy(() =>
        mean(
          sparseCategoricalCrossentropy(wordsOut, model.apply([images, wordsIn], { training: true }) as Tensor, {
            fromLogits: true,
          }),
        ),
      ),
    );
    const weights = model.trainableWeights;
    const grads = tape.gradient(loss, weights);
    optimizer.applyGradients(grads.map((g, i) => [g, weights[i]] as const));
    lastLoss = loss.dataSync()[0];
    if (step === 0) firstLoss = lastLoss;
    if (step % 20 === 0 || step === steps - 1) log(`step ${step}: loss ${lastLoss.toFixed(4)}`);
    dispose([loss, grads]);
  }

  // Captioning: each image's words, predicted one at a time.
  const predicted = model.caption(images);
  const truth = captions.map((c) => c.slice(1, -1).map((id) => VOCABULARY[id]));
  const correct = predicted.filter((c, i) => c.join(' ') === truth[i].join(' ')).length;
  for (let i = 0; i < 3; i++) log(`image ${i}: "${predicted[i].join(' ')}" (true: "${truth[i].join(' ')}")`);
  log(`${correct} of ${samples} captions exactly right`);

  dispose([images, all, wordsIn, wordsOut]);
  optimizer.dispose();
  return { firstLoss, lastLoss, exact: correct / samples, model };
}

if (process.argv[1]?.endsWith('image-captioning.ts')) {
  main().then(({ model }) => model.dispose());
}
