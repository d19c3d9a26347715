// Jest setup, run before each test file: every random source that a test leaves unseeded
// (initializers, dropout, shuffles, random ops) draws from one seeded generator, so the suite does
// the same thing on every run. STRATA_TEST_SEED picks another seed: tools/flake-check runs the
// suite under several, to find thresholds that hold for one seed but not for every seed.
import { setRandomSeed } from '@strata/tensor';

setRandomSeed(process.env.STRATA_TEST_SEED ?? 1);
