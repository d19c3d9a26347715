import type { Tensor } from '@strata/tensor';
import { retain } from '@strata/tensor/internal';
import { Callback, type BatchLogs, type Logs } from './callback';
import { logTensors } from './callback-list';

/** Where the progress bar writes: a terminal (redrawn in place) or anything else (one line per epoch). */
export interface ProgressStream {
  /** Writes text as is (no newline added). */
  write(text: string): unknown;
  /** True for a terminal: the bar is redrawn in place. */
  isTTY?: boolean;
}

/** The options of {@link ProgressBar}. */
export interface ProgressBarArgs {
  /** Default: process.stdout in Node, console.log elsewhere. */
  stream?: ProgressStream;
  /** 1: a bar (redrawn on a terminal, one line per epoch otherwise); 2: one line per epoch. */
  verbose?: 1 | 2;
  /** Seconds between redraws on a terminal. */
  interval?: number;
  /** Bar width in characters. */
  width?: number;
}

function defaultStream(): ProgressStream {
  const proc = (globalThis as { process?: { stdout?: ProgressStream } }).process;
  if (proc?.stdout && typeof proc.stdout.write === 'function') return proc.stdout;
  let line = '';
  return {
    write(text: string) {
      line += text;
      const parts = line.split('\n');
      line = parts.pop() ?? '';
      for (const p of parts) console.log(p.replace(/\r/g, ''));
    },
  };
}

/**
 * `5ms/step`, `120us/step`, `2s/step`, as Keras's Progbar.
 *
 * @example
 * ```ts
 * formatTimePerStep(0.005); // '5ms/step'
 * ```
 */
export function formatTimePerStep(seconds: number, unit = 'step'): string {
  if (seconds >= 1 || seconds === 0) return `${seconds.toFixed(0)}s/${unit}`;
  if (seconds >= 1e-3) return `${(seconds * 1e3).toFixed(0)}ms/${unit}`;
  return `${(seconds * 1e6).toFixed(0)}us/${unit}`;
}

/**
 * `0.4012`, or `1.2346e-04` below 1e-3, as Keras prints metric values.
 *
 * @example
 * ```ts
 * formatValue(0.40123); // '0.4012'
 * formatValue(0.00012346); // '1.2346e-04'
 * ```
 */
export function formatValue(v: number): string {
  if (!Number.isFinite(v)) return String(v);
  if (Math.abs(v) > 1e-3) return v.toFixed(4);
  if (v === 0) return '0.0000e+00';
  const [m, e] = v.toExponential(4).split('e');
  return `${m}e${e[0] === '-' ? '-' : '+'}${e.replace(/^[-+]/, '').padStart(2, '0')}`;
}

function formatEta(seconds: number): string {
  const s = Math.floor(seconds);
  if (s > 3600)
    return `${Math.floor(s / 3600)}:${String(Math.floor((s % 3600) / 60)).padStart(2, '0')}:${String(s % 60).padStart(2, '0')}`;
  if (s > 60) return `${Math.floor(s / 60)}:${String(s % 60).padStart(2, '0')}`;
  return `${s}s`;
}

const BOLD = '\x1b[1m',
  GREEN = '\x1b[32m',
  GREY = '\x1b[37m',
  RESET = '\x1b[0m';

/**
 * Keras's progress bar: `Epoch 3/10` then `32/100 ━━━━━━━━━━━━━━━━━━━━ 1s 5ms/step - accuracy: 0.8123 - loss: 0.4012`,
 * redrawn in place on a terminal, one line per epoch otherwise. Values are read from the device
 * asynchronously, at most once per redraw, so they may show a step late; the epoch's line is exact.
 *
 * @example
 * ```ts
 * // fit adds one when verbose is 1 or 2; give your own to write elsewhere:
 * const lines: string[] = [];
 * const bar = new ProgressBar({ stream: { write: (text) => lines.push(text) } });
 * await model.fit(x, y, { epochs: 2, verbose: 0, callbacks: [bar] });
 * ```
 */
export class ProgressBar extends Callback {
  static override className = 'ProgressBar';
  /** Where the bar is written. */
  readonly stream: ProgressStream;
  /** 1: a bar; 2: one line per epoch. */
  readonly verbose: 1 | 2;
  /** Seconds between redraws on a terminal. */
  readonly interval: number;
  /** The bar width in characters. */
  readonly width: number;
  private epochs = 0;
  private target: number | null = null;
  private start = 0;
  private lastDraw = 0;
  private prevWidth = 0;
  private seen = 0;
  private values: Logs = {};
  private reading = false;

  constructor(args: ProgressBarArgs = {}) {
    super();
    this.stream = args.stream ?? defaultStream();
    this.verbose = args.verbose ?? 1;
    this.interval = args.interval ?? 0.05;
    this.width = args.width ?? 20;
  }

  private get dynamic(): boolean {
    return this.verbose === 1 && this.stream.isTTY === true;
  }

  override onTrainBegin(): void {
    this.epochs = this.params.epochs ?? 1;
  }

  override onEpochBegin(epoch: number): void {
    this.target = this.params.steps;
    this.start = performance.now();
    this.lastDraw = 0;
    this.prevWidth = 0;
    this.seen = 0;
    this.values = {};
    if (this.verbose === 1 || this.epochs > 1) this.stream.write(`Epoch ${epoch + 1}/${this.epochs}\n`);
  }

  override onTrainBatchEnd(batch: number, logs: BatchLogs): void {
    this.seen = batch + 1;
    if (!this.dynamic) return;
    const now = performance.now();
    if (now - this.lastDraw < this.interval * 1000 && (this.target === null || this.seen < this.target)) return;
    this.lastDraw = now;
    this.requestValues(logs);
    this.draw(false);
  }

  // Reads the step's values without blocking the loop; the next redraw shows them.
  private requestValues(logs: BatchLogs): void {
    const tensors = logTensors(logs);
    if (!tensors || this.reading) return;
    const names = Object.keys(tensors);
    const held: Tensor[] = names.map((n) => retain(tensors[n]));
    this.reading = true;
    Promise.all(held.map((t) => t.data()))
      .then((vals) => {
        names.forEach((n, i) => (this.values[n] = (vals[i] as ArrayLike<number>)[0]));
      })
      .catch(() => undefined)
      .finally(() => {
        for (const t of held) t.dispose();
        this.reading = false;
      });
  }

  override onEpochEnd(_epoch: number, logs: Logs): void {
    if (this.target === null) this.target = this.seen;
    this.values = { ...logs };
    this.draw(true);
  }

  private metricText(): string {
    return Object.keys(this.values)
      .sort()
      .map((k) => ` - ${k}: ${formatValue(this.values[k])}`)
      .join('');
  }

  private draw(finalize: boolean): void {
    const now = performance.now();
    const elapsed = (now - this.start) / 1000;
    const current = this.seen;
    const perStep = current > 0 ? elapsed / current : 0;
    if (this.verbose === 2) {
      if (!finalize) return;
      const digits = String(this.target ?? current).length;
      this.stream.write(
        `${String(current).padStart(digits)}/${this.target ?? current} - ${elapsed.toFixed(0)}s - ${formatTimePerStep(perStep)}${this.metricText()}\n`,
      );
      return;
    }
    const color = this.dynamic;
    let bar: string;
    let hidden = 0;
    if (this.target !== null) {
      const digits = String(this.target).length;
      const count = `${String(current).padStart(digits)}/${this.target}`;
      const filled = Math.min(this.width, Math.floor((this.width * current) / this.target));
      bar = color
        ? `${BOLD}${count}${RESET} ${filled > 0 ? `${GREEN}${'━'.repeat(filled)}${RESET}` : ''}${GREY}${'━'.repeat(this.width - filled)}${RESET}`
        : `${count} ${'━'.repeat(this.width)}`;
      if (color)
        hidden = BOLD.length + RESET.length * (filled > 0 ? 3 : 2) + (filled > 0 ? GREEN.length : 0) + GREY.length;
    } else {
      bar = `${String(current).padStart(7)}/Unknown`;
    }
    const time =
      this.target !== null && current < this.target && !finalize
        ? formatEta(perStep * (this.target - current))
        : `${elapsed.toFixed(0)}s`;
    const info = ` ${color ? `${BOLD}${time}${RESET}` : time} ${formatTimePerStep(perStep)}${this.metricText()}`;
    if (color) hidden += BOLD.length + RESET.length;
    const width = bar.length + info.length - hidden;
    let line = this.dynamic ? `\r${bar}${info}` : `${bar}${info}`;
    if (this.dynamic && this.prevWidth > width) line += ' '.repeat(this.prevWidth - width);
    this.prevWidth = width;
    if (finalize || !this.dynamic) line += '\n';
    if (finalize || this.dynamic) this.stream.write(line);
  }
}
