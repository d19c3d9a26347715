// The reporting helper every *.bench.ts receives. Strata and its peer (TensorFlow.js) are timed in
// one process, on the same backend instances, interleaved, so that machine noise, JIT warm-up and
// thermal drift land on both sides alike; a figure is the median of N runs.
import { memory } from '@strata/tensor';
import { memory as peerMemory } from '@tensorflow/tfjs-core';

export interface CompareOptions {
  /** Untimed runs of each side first (JIT, kernel setup, allocator warm-up). */
  warmup?: number;
  /** Timed samples of each side; the median is reported. */
  iterations?: number;
  /** Calls per timed sample, for ops too fast to time one by one; figures are per call. */
  inner?: number;
}

/** One line of results, in milliseconds per call. */
export interface Comparison {
  label: string;
  strataMs: number;
  peerMs: number;
  /** strataMs / peerMs: below 1 Strata is faster. */
  ratio: number;
}

export interface Bench {
  /** Starts a titled group of lines (say which backend it runs on). */
  section(title: string): void;
  /**
   * Times `strata` against `peer`. Each function must do one complete unit of work and free what it
   * makes (read the result back on backends that run asynchronously, or the time is only the launch).
   */
  compare(label: string, strata: () => unknown, peer: () => unknown, options?: CompareOptions): Promise<Comparison>;
  /** Prints a figure derived from comparisons, with the target it is held to (smaller is better). */
  figure(label: string, value: number, target?: { atMost: number }): void;
  /** Every comparison and figure so far. */
  readonly results: readonly (Comparison | Figure)[];
}

export interface Figure {
  label: string;
  value: number;
  atMost?: number;
}

function median(xs: number[]): number {
  const s = [...xs].sort((a, b) => a - b);
  const mid = s.length >> 1;
  return s.length % 2 ? s[mid] : (s[mid - 1] + s[mid]) / 2;
}

async function timeOnce(fn: () => unknown, inner: number): Promise<number> {
  const start = performance.now();
  for (let i = 0; i < inner; i++) {
    const out = fn();
    if (out instanceof Promise) await out;
  }
  return (performance.now() - start) / inner;
}

const fmtMs = (ms: number) => (ms >= 100 ? ms.toFixed(1) : ms >= 1 ? ms.toFixed(3) : ms.toFixed(4)).padStart(10);
const LABEL_WIDTH = 46;

/** A Bench that prints to `log` (console.log by default). */
export function createBench(peerName = 'tfjs', log: (line: string) => void = console.log): Bench {
  const results: (Comparison | Figure)[] = [];
  // The column header is printed before a section's first comparison: sections of figures have none.
  let headerDue = false;
  return {
    results,
    section(title) {
      log('');
      log(title);
      headerDue = true;
    },
    async compare(label, strata, peer, options = {}) {
      if (headerDue) {
        log(`  ${'op'.padEnd(LABEL_WIDTH)} ${'strata ms'.padStart(10)} ${`${peerName} ms`.padStart(10)}  ratio`);
        headerDue = false;
      }
      const { warmup = 5, iterations = 21, inner = 1 } = options;
      const tensorsBefore = memory().numTensors;
      const peerTensorsBefore = peerMemory().numTensors;
      for (let i = 0; i < warmup; i++) {
        await timeOnce(strata, inner);
        await timeOnce(peer, inner);
      }
      const strataTimes: number[] = [];
      const peerTimes: number[] = [];
      for (let i = 0; i < iterations; i++) {
        // Alternate which side goes first, so neither always inherits the other's cache state.
        if (i % 2 === 0) {
          strataTimes.push(await timeOnce(strata, inner));
          peerTimes.push(await timeOnce(peer, inner));
        } else {
          peerTimes.push(await timeOnce(peer, inner));
          strataTimes.push(await timeOnce(strata, inner));
        }
      }
      const result = { label, strataMs: median(strataTimes), peerMs: median(peerTimes), ratio: 0 };
      result.ratio = result.strataMs / result.peerMs;
      results.push(result);
      log(
        `  ${label.padEnd(LABEL_WIDTH)} ${fmtMs(result.strataMs)} ${fmtMs(result.peerMs)}  ${result.ratio.toFixed(2)}×`,
      );
      // A leak would skew every later figure (allocator pressure, GC), so say so where it happens.
      const leaked = memory().numTensors - tensorsBefore;
      const peerLeaked = peerMemory().numTensors - peerTensorsBefore;
      if (leaked > 0) log(`    warning: the Strata side leaked ${leaked} tensor(s); dispose what each run makes`);
      if (peerLeaked > 0)
        log(`    warning: the ${peerName} side leaked ${peerLeaked} tensor(s); dispose what each run makes`);
      return result;
    },
    figure(label, value, target) {
      results.push({ label, value, atMost: target?.atMost });
      const verdict = target
        ? value <= target.atMost
          ? `  (target ≤ ${target.atMost}×: met)`
          : `  (target ≤ ${target.atMost}×: MISSED)`
        : '';
      log(`  ${label.padEnd(LABEL_WIDTH + 22)} ${value.toFixed(2)}×${verdict}`);
    },
  };
}
