// Part (b): mutated model files through loadModel, in a child process (loading-worker.ts) so that a
// crash or a hang is observed and counted rather than ending the soak. Each case must be refused with
// a StrataError, or load as a model that predicts (the same predictions as the original, or others:
// a flipped weight bit is a valid model). A non-StrataError or a dead worker is a crash, no answer
// within 20 s a hang, the worker's RSS 512 MiB above its start a blow-up; all three must be zero.
//   node --expose-gc --import tsx tools/soak/loading.ts <keras|tfjs> [--count 10000] [--seed 20261206]
import { fork, type ChildProcess } from 'node:child_process';
import { mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import {
  Sequential,
  dispose,
  input,
  randomNormal,
  saveModel,
  setRandomSeed,
  type Tensor,
  optimizers,
  layers,
} from 'strata';
import { finish, option, printTable, type PartResult } from './report';
import { mutatedCases, type Files } from './mutations';
import type { Answer, Init, Outcome } from './loading-worker';

const { Adam } = optimizers;
const { BatchNormalization, Dense, Dropout } = layers;

const format = process.argv[2] as 'keras' | 'tfjs';
if (format !== 'keras' && format !== 'tfjs') {
  console.error(
    `loading.ts: expected keras or tfjs as the first argument, received ${JSON.stringify(process.argv[2])}`,
  );
  process.exit(2);
}
const count = option('count', 10000);
const seed = option('seed', 20261206);
const HANG_MS = 20_000;
const BLOWUP_MIB = 512;
const DEADLINE_MS = 9.5 * 60 * 1000;
const here = dirname(fileURLToPath(import.meta.url));

/** A small compiled model with optimizer state, so config, compile config, weights and slots can all be broken. */
async function original(): Promise<{ files: Files; init: Init }> {
  setRandomSeed(seed);
  const model = new Sequential([
    input({ shape: [6] }),
    new Dense({ units: 8, activation: 'relu' }),
    new BatchNormalization(),
    new Dropout({ rate: 0.1 }),
    new Dense({ units: 3, activation: 'softmax' }),
  ]);
  model.compile({ optimizer: new Adam(), loss: 'categorical_crossentropy', metrics: ['accuracy'] });
  const [xs, ys] = [randomNormal([8, 6]), randomNormal([8, 3])];
  await model.fit(xs, ys, { epochs: 1, batchSize: 8, verbose: 0 });
  const x = randomNormal([4, 6]);
  const y = model.predict(x) as Tensor;
  const init: Init = {
    x: (await x.array()) as number[][],
    expected: Array.from(await y.data()),
    outputShape: y.shape as number[],
  };
  let files: Files;
  if (format === 'keras') files = [['model.keras', await saveModel(model)]];
  else {
    const dir = mkdtempSync(join(tmpdir(), 'strata-soak-tfjs-'));
    await saveModel(model, dir);
    files = readdirSync(dir)
      .sort()
      .map((name) => [name, new Uint8Array(readFileSync(join(dir, name)))]);
    rmSync(dir, { recursive: true, force: true });
  }
  dispose([xs, ys, x, y]);
  model.dispose();
  return { files, init };
}

function rssOf(pid: number): number {
  try {
    const m = /VmRSS:\s+(\d+) kB/.exec(readFileSync(`/proc/${pid}/status`, 'utf8'));
    return m ? Number(m[1]) / 1024 : 0;
  } catch {
    return 0;
  }
}

type Result = Outcome | 'hang' | 'blow-up';

/** The worker process: started on demand, replaced after it dies, hangs or blows up. */
class Worker {
  private child: ChildProcess | null = null;
  private startRss = 0;
  lives = 0;
  peakRss = 0;
  rssAtEnd: string[] = [];

  constructor(private readonly init: Init) {}

  private async start(): Promise<ChildProcess> {
    const child = fork(join(here, 'loading-worker.ts'), [], {
      execArgv: ['--expose-gc', '--import', 'tsx'],
      serialization: 'advanced',
      stdio: ['ignore', 'inherit', 'inherit', 'ipc'],
    });
    child.send({ init: this.init });
    this.startRss = await new Promise<number>((resolve, reject) => {
      child.once('message', (m: { rss: number }) => resolve(m.rss));
      child.once('exit', (code, signal) =>
        reject(new Error(`the loading worker died while starting (${signal ?? code})`)),
      );
    });
    this.lives++;
    return child;
  }

  rss(): number {
    return this.child ? rssOf(this.child.pid!) : 0;
  }

  stop(): void {
    if (!this.child) return;
    this.rssAtEnd.push(`${this.startRss.toFixed(0)}→${rssOf(this.child.pid!).toFixed(0)}`);
    this.child.removeAllListeners();
    this.child.kill('SIGKILL');
    this.child = null;
  }

  async load(id: number, files: Files): Promise<{ result: Result; detail?: string; ms: number }> {
    const child = (this.child ??= await this.start());
    const started = Date.now();
    return new Promise((resolve) => {
      let peak = 0;
      const done = (result: Result, detail?: string) => {
        clearTimeout(timer);
        clearInterval(poll);
        child.removeAllListeners('message');
        child.removeAllListeners('exit');
        this.peakRss = Math.max(this.peakRss, peak);
        if (result === 'hang' || result === 'blow-up' || detail?.startsWith('worker died')) this.stop();
        resolve({ result, detail, ms: Date.now() - started });
      };
      const timer = setTimeout(() => done('hang', `no answer in ${HANG_MS / 1000} s`), HANG_MS);
      const poll = setInterval(() => {
        peak = Math.max(peak, rssOf(child.pid!));
        if (peak > this.startRss + BLOWUP_MIB)
          done('blow-up', `RSS ${peak.toFixed(0)} MiB, from ${this.startRss.toFixed(0)} MiB at start`);
      }, 100);
      child.on('message', (a: Answer) => {
        if (a.id !== id) return;
        peak = Math.max(peak, a.rss);
        if (peak > this.startRss + BLOWUP_MIB) return done('blow-up', `RSS ${peak.toFixed(0)} MiB after the load`);
        done(a.outcome, a.detail);
      });
      child.on('exit', (code, signal) => {
        this.child = null;
        this.rssAtEnd.push(`${this.startRss.toFixed(0)}→(died)`);
        done('crash', `worker died (${signal ?? `exit code ${code}`})`);
      });
      child.send({ id, files });
    });
  }
}

async function main(): Promise<PartResult> {
  const started = Date.now();
  const { files, init } = await original();
  const cases = [
    { label: 'the original file, unchanged', files: () => files },
    ...mutatedCases(format, files, count, seed),
  ];
  console.log(
    `${format}: the original is ${files.map(([n, b]) => `${n} (${b.length} bytes)`).join(' + ')}; ${count} ` +
      `mutations, seed ${seed}`,
  );
  const worker = new Worker(init);
  const counts: Record<Result, number> = {
    refused: 0,
    equal: 0,
    different: 0,
    'refused-at-predict': 0,
    crash: 0,
    leak: 0,
    hang: 0,
    'blow-up': 0,
  };
  const bad: string[] = [];
  const examples: string[] = [];
  const atPredict: string[] = [];
  let slowest = 0;
  let done = 0;
  for (const [id, c] of cases.entries()) {
    // The part has 10 minutes; a machine too busy to finish in time is reported, not waited for.
    if (Date.now() - started > DEADLINE_MS) break;
    done = id;
    const { result, detail, ms } = await worker.load(id, c.files());
    slowest = Math.max(slowest, ms);
    if (id === 0) {
      if (result !== 'equal')
        bad.push(
          `the unchanged original gave ${result}${detail ? ` (${detail})` : ''}, not the same predictions: the ` +
            `soak itself is broken`,
        );
      continue;
    }
    counts[result]++;
    if (['crash', 'leak', 'hang', 'blow-up'].includes(result) && bad.length < 20)
      bad.push(`case ${id} ${c.label}: ${result}: ${detail}`);
    if (result === 'refused-at-predict' && atPredict.length < 3) atPredict.push(`case ${id} ${c.label}: ${detail}`);
    if (result === 'refused' && examples.length < 3 && !examples.some((e) => e.slice(0, 40) === detail!.slice(0, 40)))
      examples.push(detail!);
    if (id % 500 === 0)
      console.log(
        `${id} cases, ${((Date.now() - started) / 1000).toFixed(0)} s, worker RSS ${worker.rss().toFixed(0)} MiB: ` +
          `${JSON.stringify(counts)}`,
      );
  }
  worker.stop();
  if (done < count)
    bad.push(
      `only ${done} of ${count} cases ran in ${DEADLINE_MS / 60000} minutes; rerun on a less busy machine or pass ` +
        `a smaller --count`,
    );
  const seconds = (Date.now() - started) / 1000;
  console.log('some refusals, as the user reads them:');
  for (const e of examples) console.log(`  ${e}`);
  if (atPredict.length) console.log('files that loaded, then failed when predicting (with a StrataError):');
  for (const e of atPredict) console.log(`  ${e}`);
  printTable(
    `loadModel on ${count} mutated ` +
      `${format === 'keras' ? '.keras archives' : 'TF.js folders (model.json + weights)'} (${seconds.toFixed(0)} s, ` +
      `slowest case ${slowest} ms)`,
    ['outcome', 'cases'],
    [
      ['clear error (StrataError)', counts.refused],
      ['accepted, same predictions', counts.equal],
      ['accepted, a valid model with other predictions', counts.different],
      ['accepted, then a clear error when predicting', counts['refused-at-predict']],
      ['crash (not a StrataError, or the process died)', counts.crash],
      ['hang (no answer in 20 s)', counts.hang],
      [`RSS blow-up (> ${BLOWUP_MIB} MiB above the worker's start)`, counts['blow-up']],
      ['leaked tensors', counts.leak],
    ],
  );
  console.log(
    `worker processes: ${worker.lives}; RSS MiB (start→end) of each: ${worker.rssAtEnd.join(', ')}; peak ` +
      `${worker.peakRss.toFixed(0)} MiB`,
  );
  const failures = [...bad];
  if (counts.crash + counts.hang + counts['blow-up'] + counts.leak > 0) {
    failures.push(
      `${counts.crash} crashes, ${counts.hang} hangs, ${counts['blow-up']} blow-ups, ${counts.leak} leaks; all ` +
        `must be 0`,
    );
  }
  const figures =
    `${count} cases: ${counts.refused} error, ${counts.equal} equal, ${counts.different} other model, ` +
    `${counts['refused-at-predict']} error at predict, ` +
    `${counts.crash} crash, ${counts.hang} hang, ${counts['blow-up']} blow-up, ${counts.leak} leak`;
  return { part: `load-${format}`, ok: failures.length === 0, figures, failures };
}

main().then(finish, (e) => {
  console.error(e);
  finish({
    part: `load-${format}`,
    ok: false,
    figures: 'did not finish',
    failures: [`threw: ${e instanceof Error ? e.message : String(e)}`],
  });
});
