// What every soak part shares: memory readings, the table printer, and the one line a part ends with
// (`SOAK-RESULT {json}`) that the runner reads to print its closing summary.

export const MiB = 2 ** 20;

/** Collects garbage where node runs with --expose-gc (the runner always passes it), so RSS is comparable. */
export function collectGarbage(): void {
  (globalThis as { gc?: () => void }).gc?.();
}

export const rssMiB = (): number => process.memoryUsage.rss() / MiB;

/** Prints rows under headers, each column as wide as its widest cell. */
export function printTable(title: string, headers: string[], rows: (string | number)[][]): void {
  const cells = [headers, ...rows.map((r) => r.map(String))];
  const widths = headers.map((_, c) => Math.max(...cells.map((r) => (r[c] ?? '').length)));
  const line = (r: string[]) =>
    r.map((cell, c) => (c === 0 ? cell.padEnd(widths[c]) : cell.padStart(widths[c]))).join('  ');
  console.log(`\n${title}`);
  console.log(line(headers));
  console.log(widths.map((w) => '-'.repeat(w)).join('  '));
  for (const r of cells.slice(1)) console.log(line(r));
}

/** What a part hands the runner: pass or fail, why, and the figures of its summary line. */
export interface PartResult {
  part: string;
  ok: boolean;
  /** One line of figures for the runner's summary table. */
  figures: string;
  /** What failed, when something did. */
  failures: string[];
}

export const RESULT_PREFIX = 'SOAK-RESULT ';

/** Ends a part: prints its result line for the runner and exits 0 or 1. */
export function finish(result: PartResult): never {
  for (const f of result.failures) console.log(`FAILURE: ${f}`);
  console.log(`${RESULT_PREFIX}${JSON.stringify(result)}`);
  // Explicit: Dawn (WebGPU in Node) and child-process handles can keep the event loop alive.
  process.exit(result.ok ? 0 : 1);
}

/** The value of `--name value` in argv, else the fallback. */
export function option(name: string, fallback: number): number {
  const at = process.argv.indexOf(`--${name}`);
  if (at < 0) return fallback;
  const value = Number(process.argv[at + 1]);
  if (!Number.isFinite(value) || value < 0) {
    console.error(`--${name}: expected a number, received ${JSON.stringify(process.argv[at + 1])}`);
    process.exit(2);
  }
  return value;
}
