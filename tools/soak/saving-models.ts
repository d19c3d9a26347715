// Models A and B of the saving part, built the same way (same seed, same order) in the parent and in
// each worker, so a worker starts without decoding files. Different architectures, so that a torn
// TF.js folder fails to load rather than passing for one of them; large enough that a save takes a
// while: A holds 1.1 MB of weights, B 4.4 MB (two TF.js shards of at most 4 MiB).
import { Sequential, input, setRandomSeed, layers } from 'strata';

const { Dense } = layers;

export function savingModels(seed: number): [Sequential, Sequential] {
  setRandomSeed(seed);
  const a = new Sequential(
    [input({ shape: [256] }), new Dense({ units: 1024, activation: 'relu' }), new Dense({ units: 8 })],
    { name: 'model_a' },
  );
  const b = new Sequential(
    [input({ shape: [256] }), new Dense({ units: 4200, activation: 'relu' }), new Dense({ units: 8 })],
    { name: 'model_b' },
  );
  return [a, b];
}
