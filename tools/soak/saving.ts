// Part (c): saveModel killed with SIGKILL at random (seeded) moments. A child (saving-worker.ts)
// saves model B over model A's file, then A over B's, and so on; the parent kills it, then loads what
// is on disk and compares its weights with A's and B's. The file must be the model of the last save
// that finished, or of the save in progress when the kill came: old or new, never torn or another.
//   node --expose-gc --import tsx tools/soak/saving.ts <keras|tfjs> [--kills 200] [--seed 20261206] [--max-delay 1000]
import { fork, type ChildProcess } from 'node:child_process';
import { mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { build } from 'esbuild';
import fc from 'fast-check';
import { loadModel, saveModel, type Layer } from 'strata';
import { savingModels } from './saving-models';
import { finish, option, printTable, type PartResult } from './report';

const format = process.argv[2] as 'keras' | 'tfjs';
if (format !== 'keras' && format !== 'tfjs') {
  console.error(`saving.ts: expected keras or tfjs as the first argument, received ${JSON.stringify(process.argv[2])}`);
  process.exit(2);
}
const kills = option('kills', 200);
const seed = option('seed', 20261206);
const maxDelay = option('max-delay', 1000);
const DEADLINE_MS = 9.5 * 60 * 1000;
const here = dirname(fileURLToPath(import.meta.url));
const scratch = mkdtempSync(join(tmpdir(), `strata-soak-save-${format}-`));
const pathFor = (name: string) => join(scratch, format === 'keras' ? `${name}.keras` : name);

type Weights = Float32Array[];

async function weightsOf(model: Layer): Promise<Weights> {
  return Promise.all(model.weights.map(async (w) => Float32Array.from(await w.data())));
}

const same = (a: Weights, b: Weights) =>
  a.length === b.length && a.every((w, i) => w.length === b[i].length && w.every((v, j) => Object.is(v, b[i][j])));

interface Child {
  process: ChildProcess;
  ready: Promise<void>;
  /** The last 'begin i' or 'end i' the child sent. */
  last: { begin?: number; end?: number };
  closed: Promise<void>;
}

// The worker runs bundled (esbuild): a process killed 200 times starts in under a second, not the
// several seconds tsx takes to load Strata's sources. The bundle sits where serialization's own
// dependencies resolve (h5wasm is imported at run time by name), in node_modules/.cache, never committed.
const bundle = join(here, '../../packages/serialization/node_modules/.cache/strata-soak/saving-worker.cjs');

async function bundleWorker(): Promise<void> {
  await build({
    entryPoints: [join(here, 'saving-worker.ts')],
    outfile: bundle,
    bundle: true,
    platform: 'node',
    format: 'cjs',
    // tfjs-backend-cpu's sideEffects list does not name the file that registers its kernels.
    ignoreAnnotations: true,
    logLevel: 'error',
    tsconfig: join(here, '../../tsconfig.json'),
  });
}

function spawnWorker(target: string): Child {
  const child = fork(bundle, [target, String(seed)], { execArgv: [], stdio: ['ignore', 'inherit', 'inherit', 'ipc'] });
  const state: Child = { process: child, last: {}, ready: Promise.resolve(), closed: Promise.resolve() };
  state.ready = new Promise((resolve, reject) => {
    child.on('message', (m: { ready?: boolean; begin?: number; end?: number }) => {
      if (m.ready) resolve();
      else state.last = m;
    });
    child.once('exit', (code) => reject(new Error(`the saving worker exited (code ${code}) before it was ready`)));
  });
  state.closed = new Promise((resolve) => child.once('close', () => resolve()));
  state.ready.catch(() => undefined);
  return state;
}

type Outcome = 'old' | 'new' | 'wrong model' | 'torn (does not load)';

async function main(): Promise<PartResult> {
  const started = Date.now();
  await bundleWorker();
  const [a, b] = savingModels(seed);
  const reference = [await weightsOf(a), await weightsOf(b)];
  const target = pathFor('target');
  await saveModel(a, target);
  a.dispose();
  b.dispose();
  // Save i writes B when i is odd and A when it is even; "save 0" is the A already there.
  const modelOfSave = (i: number) => (i % 2 === 1 ? 1 : 0);
  const delays = fc.sample(fc.integer({ min: 0, max: maxDelay }), { seed, numRuns: kills });
  const counts: Record<Outcome, number> = { old: 0, new: 0, 'wrong model': 0, 'torn (does not load)': 0 };
  const phase = { beforeFirstSave: 0, duringSave: 0, betweenSaves: 0 };
  const failures: string[] = [];
  let savesSeen = 0;
  let strays = 0;
  let done = 0;
  let next = spawnWorker(target);
  for (let k = 0; k < kills; k++) {
    if (Date.now() - started > DEADLINE_MS) break;
    const current = next;
    await current.ready;
    current.process.send('go');
    // The next worker starts while this one saves, so its start-up is not in the loop's time.
    next = spawnWorker(target);
    await new Promise((r) => setTimeout(r, delays[k]));
    current.process.kill('SIGKILL');
    await current.closed;
    const { begin, end } = current.last;
    // The last message says where the kill came: during save `begin`, or after save `end` finished.
    const finished = end ?? (begin !== undefined ? begin - 1 : 0);
    const inProgress = begin !== undefined && end !== begin ? begin : null;
    if (begin === undefined) phase.beforeFirstSave++;
    else if (inProgress !== null) phase.duringSave++;
    else phase.betweenSaves++;
    savesSeen += finished;
    let outcome: Outcome;
    try {
      const loaded = await loadModel(target);
      const w = await weightsOf(loaded);
      loaded.dispose();
      const isOld = same(w, reference[modelOfSave(finished)]);
      const isNew = inProgress !== null && same(w, reference[modelOfSave(inProgress)]);
      outcome = isOld ? 'old' : isNew ? 'new' : 'wrong model';
    } catch (e) {
      outcome = 'torn (does not load)';
      if (failures.length < 10)
        failures.push(
          `kill ${k} (after ${delays[k]} ms, last message ${JSON.stringify(current.last)}): ` +
            `${(e as Error).message.slice(0, 300)}`,
        );
    }
    counts[outcome]++;
    if (outcome === 'wrong model' && failures.length < 10)
      failures.push(`kill ${k}: the file holds neither the model of save ${finished} nor that of the save in progress`);
    const folder = format === 'keras' ? scratch : target;
    strays = readdirSync(folder).filter((f) => f.endsWith('.tmp')).length;
    done = k + 1;
    if (done % 50 === 0)
      console.log(`${done} kills, ${((Date.now() - started) / 1000).toFixed(0)} s: ${JSON.stringify(counts)}`);
  }
  next.process.kill('SIGKILL');
  await next.closed;
  const leftInFolder = format === 'tfjs' ? readdirSync(target).sort() : [];
  rmSync(scratch, { recursive: true, force: true });
  const seconds = (Date.now() - started) / 1000;
  if (done < kills)
    failures.push(
      `only ${done} of ${kills} kills in ${DEADLINE_MS / 60000} minutes; rerun on a less busy machine or pass a ` +
        `smaller --kills`,
    );
  if (counts['wrong model'] + counts['torn (does not load)'] > 0)
    failures.push(
      `${counts['torn (does not load)']} torn files and ${counts['wrong model']} wrong models; both must be 0`,
    );
  printTable(
    `saveModel killed with SIGKILL, ${format === 'keras' ? '.keras file' : 'TF.js folder'}: ${done} kills at ` +
      `0-${maxDelay} ms (seed ${seed}; ${seconds.toFixed(0)} s)`,
    ['on disk after the kill', 'kills'],
    [
      ['the old model (last save that finished)', counts.old],
      ['the new model (the save in progress)', counts.new],
      ['another model', counts['wrong model']],
      ['torn: does not load', counts['torn (does not load)']],
    ],
  );
  console.log(
    `kills during a save: ${phase.duringSave}, between saves: ${phase.betweenSaves}, before the first save: ` +
      `${phase.beforeFirstSave}; ` +
      `${savesSeen} saves finished in all; temporary files left by killed saves: ${strays}` +
      (format === 'tfjs'
        ? `; files in the folder at the end: ${leftInFolder.length} ` +
          `(${leftInFolder.filter((f) => !f.endsWith('.tmp')).join(', ')} and the .tmp files)`
        : ''),
  );
  const figures =
    `${done} kills: ${counts.old} old, ${counts.new} new, ${counts['wrong model']} other, ` +
    `${counts['torn (does not load)']} torn (${phase.duringSave} during a save)`;
  return { part: `save-${format}`, ok: failures.length === 0, figures, failures };
}

main().then(finish, (e) => {
  console.error(e);
  finish({
    part: `save-${format}`,
    ok: false,
    figures: 'did not finish',
    failures: [`threw: ${e instanceof Error ? e.message : String(e)}`],
  });
});
