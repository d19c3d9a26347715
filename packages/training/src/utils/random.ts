import { freshSeed } from '@strata/tensor/internal';

/** A seeded uniform generator in [0, 1) (mulberry32 over a string hash): shuffles repeat across runs and machines. */
export function seededRandom(seed?: number | string): () => number {
  let h = 1779033703;
  const text = String(seed ?? freshSeed());
  for (let i = 0; i < text.length; i++) {
    h = Math.imul(h ^ text.charCodeAt(i), 3432918353);
    h = (h << 13) | (h >>> 19);
  }
  let a = h >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** Shuffles `xs` in place (Fisher-Yates) with `random`. */
export function shuffleInPlace<T>(xs: T[] | Int32Array, random: () => number): void {
  for (let i = xs.length - 1; i > 0; i--) {
    const j = Math.floor(random() * (i + 1));
    const t = xs[i];
    xs[i] = xs[j];
    xs[j] = t;
  }
}
