import { bytesPerElement } from './dtype';
import { StrataError } from './errors';
import { sizeOf } from './shape';
import type { TensorInfo } from './backend';

/** One kernel's share of a profiled function, summed over its calls. */
export interface KernelProfile {
  /** The kernel's name in the registry (tfjs-core's kernel names: 'Conv2D', 'BatchMatMul', ...). */
  name: string;
  /** How many times it ran. */
  calls: number;
  /** Time in the kernel itself, milliseconds: kernels it ran (a composed kernel's parts) are listed on their own. */
  selfMs: number;
  /** Time from entering the kernel to its return, milliseconds, its inner kernels included. */
  totalMs: number;
  /** Bytes of the outputs the kernel returned, over all calls. */
  bytes: number;
  /** True where every call came from inside another kernel (a part of a composed kernel). */
  nested: boolean;
}

/**
 * What `profile(fn)` found, as TensorFlow.js's `tf.profile` reports it: per-kernel time, calls and
 * bytes, and the function's memory balance. Print it with `console.log(String(p))`.
 * @example
 * ```ts
 * const p = await profile(() => matmul(ones([2, 3]), ones([3, 4])));
 * p.result.shape; // [2, 4]
 * p.kernels.map((k) => k.name); // includes 'BatchMatMul'
 * console.log(String(p)); // the per-kernel table
 * ```
 */
export class Profile<T = unknown> {
  constructor(
    /** What `fn` returned (awaited). */
    readonly result: T,
    /** Wall-clock time of the whole call, milliseconds. */
    readonly wallMs: number,
    /** Kernels by self time, largest first. */
    readonly kernels: readonly KernelProfile[],
    /** Bytes of live tensors at the end minus at the start (what `fn` left allocated). */
    readonly newBytes: number,
    /** Live tensors at the end minus at the start. */
    readonly newTensors: number,
    /** The most bytes of live tensors at any kernel's return, counted from zero at the start. */
    readonly peakBytes: number,
  ) {}

  /** Time spent in kernels, milliseconds (the rest of `wallMs` is JavaScript around them). */
  get kernelMs(): number {
    return this.kernels.reduce((s, k) => s + k.selfMs, 0);
  }

  /** A table of the `top` kernels by self time, then the totals. */
  toString(top = 25): string {
    const mb = (b: number) => `${(b / 2 ** 20).toFixed(1)} MB`;
    const pct = (ms: number) => `${((ms / this.wallMs) * 100).toFixed(1)}%`;
    const rows = this.kernels
      .slice(0, top)
      .map((k) => [
        (k.nested ? '  ' : '') + k.name,
        k.selfMs.toFixed(2),
        pct(k.selfMs),
        String(k.calls),
        (k.selfMs / k.calls).toFixed(3),
        mb(k.bytes),
      ]);
    const head = ['kernel (indented: inside another)', 'self ms', 'share', 'calls', 'ms/call', 'out bytes'];
    const widths = head.map((h, i) => Math.max(h.length, ...rows.map((r) => r[i].length)));
    const line = (r: string[]) => r.map((c, i) => (i === 0 ? c.padEnd(widths[i]) : c.padStart(widths[i]))).join('  ');
    const rest = this.kernels.length - rows.length;
    return [
      line(head),
      ...rows.map(line),
      ...(rest > 0 ? [`(${rest} more kernels)`] : []),
      `wall ${this.wallMs.toFixed(1)} ms, in kernels ${this.kernelMs.toFixed(1)} ms (${pct(this.kernelMs)}); ` +
        `new ${mb(this.newBytes)} in ${this.newTensors} tensors, peak ${mb(this.peakBytes)}`,
    ].join('\n');
  }
}

interface Frame {
  name: string;
  start: number;
  childMs: number;
}

interface Recorder {
  stack: Frame[];
  byName: Map<string, KernelProfile>;
  bytesNow: () => number;
  bytesAtStart: number;
  peak: number;
}

const RECORDER_KEY = Symbol.for('strata.profiler');
type Slot = { recorder: Recorder | null };
/** One slot per process even if two copies of this package are loaded (as the engine). */
const slot: Slot = ((globalThis as Record<symbol, Slot>)[RECORDER_KEY] ??= { recorder: null });

const outputBytes = (out: TensorInfo | TensorInfo[]) =>
  (Array.isArray(out) ? out : [out]).reduce((s, t) => s + sizeOf(t.shape) * bytesPerElement(t.dtype), 0);

/**
 * Runs one kernel call through the profiler when one is recording (backends call this around every
 * kernel); otherwise just runs it.
 */
export function profiledKernel(name: string, run: () => TensorInfo | TensorInfo[]): TensorInfo | TensorInfo[] {
  const r = slot.recorder;
  if (r === null) return run();
  const frame: Frame = { name, start: performance.now(), childMs: 0 };
  r.stack.push(frame);
  let out: TensorInfo | TensorInfo[];
  try {
    out = run();
  } finally {
    r.stack.pop();
  }
  const elapsed = performance.now() - frame.start;
  const parent = r.stack[r.stack.length - 1];
  if (parent) parent.childMs += elapsed;
  let k = r.byName.get(name);
  if (!k) r.byName.set(name, (k = { name, calls: 0, selfMs: 0, totalMs: 0, bytes: 0, nested: true }));
  k.calls++;
  k.selfMs += elapsed - frame.childMs;
  // A kernel called both from ops and from inside composed kernels is listed as a top-level one.
  if (!parent) k.nested = false;
  // A recursive kernel (one that runs another call of itself) counts its time once.
  if (!r.stack.some((f) => f.name === name)) k.totalMs += elapsed;
  const bytes = outputBytes(out);
  k.bytes += bytes;
  if (!parent) r.peak = Math.max(r.peak, r.bytesNow() - r.bytesAtStart + bytes);
  return out;
}

/** @internal The engine's live-bytes and live-tensors counters, given by `profile` in index.ts. */
export interface LiveCounters {
  bytes(): number;
  tensors(): number;
}

/** Records every kernel `fn` runs; see `profile` in the package index. */
export async function recordProfile<T>(fn: () => T | Promise<T>, live: LiveCounters): Promise<Profile<T>> {
  if (slot.recorder !== null)
    throw new StrataError('profile: a profile is already being recorded; profile() calls cannot nest or overlap');
  const bytesAtStart = live.bytes();
  const tensorsAtStart = live.tensors();
  const r: Recorder = { stack: [], byName: new Map(), bytesNow: live.bytes, bytesAtStart, peak: 0 };
  slot.recorder = r;
  const start = performance.now();
  let result: T;
  try {
    result = await fn();
  } finally {
    slot.recorder = null;
  }
  const wallMs = performance.now() - start;
  const kernels = [...r.byName.values()].sort((a, b) => b.selfMs - a.selfMs);
  const newBytes = live.bytes() - bytesAtStart;
  return new Profile(result, wallMs, kernels, newBytes, live.tensors() - tensorsAtStart, Math.max(r.peak, newBytes));
}
