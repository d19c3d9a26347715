// The child process of loading.ts: loads each file it is sent with loadModel, predicts with what
// loads, and answers with the outcome. A crash or a hang here is what the parent is there to see.
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { StrataError, dispose, loadModel, memory, setBackend, tensor, type Tensor } from 'strata';
import { collectGarbage, rssMiB } from './report';
import type { Files } from './mutations';

export type Outcome = 'refused' | 'equal' | 'different' | 'refused-at-predict' | 'crash' | 'leak';
export interface Init {
  x: number[][];
  expected: number[];
  outputShape: number[];
}
export interface Answer {
  id: number;
  outcome: Outcome;
  detail?: string;
  rss: number;
  ms: number;
}
type Request = { init: Init } | { id: number; files: Files };

const scratch = mkdtempSync(join(tmpdir(), 'strata-soak-load-'));
process.on('exit', () => rmSync(scratch, { recursive: true, force: true }));
let init: Init;
let x: Tensor;
// A loader that warns (optimizer state that no longer fits, as Keras does) is not failing.
console.warn = () => undefined;

const describe = (e: unknown) =>
  `${(e as Error)?.constructor?.name ?? typeof e}: ${String((e as Error)?.message ?? e).slice(0, 300)}`;

/** TF.js cases are folders on disk (loadModel reads a folder); a .keras case is loaded from its bytes. */
function source(id: number, files: Files): string | Uint8Array {
  if (files.length === 1 && files[0][0].endsWith('.keras')) return files[0][1];
  const dir = join(scratch, String(id));
  mkdirSync(dir);
  for (const [name, bytes] of files) writeFileSync(join(dir, name), bytes);
  return dir;
}

async function handle(id: number, files: Files): Promise<Omit<Answer, 'rss' | 'ms'>> {
  const tensorsBefore = memory().numTensors;
  let outcome: Outcome;
  let detail: string | undefined;
  let model: Awaited<ReturnType<typeof loadModel>> | null = null;
  try {
    model = await loadModel(source(id, files));
  } catch (e) {
    outcome = e instanceof StrataError ? 'refused' : 'crash';
    detail = describe(e);
  }
  if (model) {
    try {
      const y = model.predict(x) as Tensor;
      const values = Array.from(await y.data());
      const same =
        y.shape.join() === init.outputShape.join() && values.every((v, i) => Math.abs(v - init.expected[i]) <= 1e-6);
      dispose(y);
      outcome = same ? 'equal' : 'different';
    } catch (e) {
      outcome = e instanceof StrataError ? 'refused-at-predict' : 'crash';
      detail = describe(e);
    }
    model.dispose();
  }
  rmSync(join(scratch, String(id)), { recursive: true, force: true });
  const left = memory().numTensors - tensorsBefore;
  if (left !== 0 && outcome! !== 'crash')
    return { id, outcome: 'leak', detail: `${left} tensors left after a ${outcome!} case` };
  return { id, outcome: outcome!, detail };
}

process.on('message', (request: Request) => {
  void (async () => {
    if ('init' in request) {
      await setBackend('cpu');
      init = request.init;
      x = tensor(init.x);
      process.send!({ ready: true, rss: rssMiB() });
      return;
    }
    const started = Date.now();
    const answer = await handle(request.id, request.files);
    if (request.id % 50 === 0) collectGarbage();
    process.send!({ ...answer, rss: rssMiB(), ms: Date.now() - started } satisfies Answer);
  })().catch((e) => {
    // An error outside the load itself: report it as a crash of this case, then stop.
    process.send!({
      id: (request as { id?: number }).id ?? -1,
      outcome: 'crash',
      detail: `worker: ${describe(e)}`,
      rss: rssMiB(),
      ms: 0,
    });
    process.exit(1);
  });
});
