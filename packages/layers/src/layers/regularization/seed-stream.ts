import type { Seed } from '@strata/tensor';

/**
 * Keras's SeedGenerator for the random layers: with a seed, call n draws from seed "seed:n", so a
 * run is reproducible while each call still gets fresh noise; without one, every call is random.
 */
export class SeedStream {
  #calls = 0;
  constructor(readonly seed: Seed | null) {}

  next(): Seed | undefined {
    return this.seed === null ? undefined : `${this.seed}:${this.#calls++}`;
  }
}
