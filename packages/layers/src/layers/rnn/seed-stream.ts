import type { Seed } from '@strata/tensor';

/**
 * Seeds for successive dropout draws: none (each draw random) without a base seed, else a fixed
 * sequence derived from it, so a seeded layer is reproducible yet never repeats a mask.
 */
export class SeedStream {
  #draws = 0;
  constructor(readonly seed: number | null) {}

  next(): Seed | undefined {
    return this.seed === null ? undefined : `${this.seed}/${this.#draws++}`;
  }
}
