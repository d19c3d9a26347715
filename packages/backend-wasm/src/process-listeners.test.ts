// After setBackend('wasm') in Node, an uncaught error must look and act exactly as without wasm:
// each scenario runs in a child process on cpu and on wasm, and stderr and the exit code must be equal.
import { execFile } from 'node:child_process';
import { resolve } from 'node:path';
import { isEmscriptenListener, removeEmscriptenListeners, snapshotListeners } from './process-listeners';

const root = resolve(__dirname, '../../..');
const child = resolve(__dirname, 'testing/uncaught-child.ts');

interface Outcome {
  code: number | null;
  stderr: string;
}

function run(backend: string, scenario: string): Promise<Outcome> {
  return new Promise((done) => {
    // tsx reads the root tsconfig's paths, so the child runs the sources, as Jest does.
    const args = ['--import', 'tsx', child, backend, scenario];
    execFile(process.execPath, args, { cwd: root, timeout: 60_000 }, (error, _out, stderr) => {
      done({ code: error ? ((error as { code?: number }).code ?? null) : 0, stderr });
    });
  });
}

const MESSAGE =
  'reshape: cannot reshape a tensor of shape [3] (3 elements) into [2] (2 elements); the sizes must match';

describe('uncaught errors in Node on wasm', () => {
  const scenarios: Array<[string, number, string]> = [
    ['sync', 1, `StrataError: ${MESSAGE}`],
    ['timer', 1, `StrataError: ${MESSAGE}`],
    ['rejection', 1, `StrataError: ${MESSAGE}`],
    ['own-uncaught-handler', 3, `handled: ${MESSAGE}\nstill running\n`],
    ['own-rejection-handler', 0, `rejection: ${MESSAGE}\nstill running\n`],
  ];
  for (const [scenario, code, expected] of scenarios) {
    it(`${scenario}: the same stderr and exit code as on cpu`, async () => {
      const [onCpu, onWasm] = await Promise.all([run('cpu', scenario), run('wasm', scenario)]);
      expect(onCpu.code).toBe(code);
      expect(onCpu.stderr).toContain(expected);
      expect(onWasm.stderr).not.toContain('tfjs-backend-wasm');
      expect(onWasm).toEqual(onCpu);
    }, 120_000);
  }
});

describe('isEmscriptenListener', () => {
  // The listeners as tfjs-wasm 4.22 ships them: dist/tf-backend-wasm.node.js, wasm-out/*.js, dist/*.min.js.
  const uncaught = [
    'function (ex) { if (!(ex instanceof ExitStatus)) {\n                    throw ex;\n                } }',
    'function(ex){if(!(ex instanceof ExitStatus)){throw ex}}',
    'function(e){if(!(e instanceof ce))throw e}',
  ];
  const rejection = ['function (reason) { throw reason; }', 'function(reason){throw reason}', 'function(e){throw e}'];
  const fn = (source: string) => new Function(`return ${source}`)() as () => void;

  it("knows Emscripten's rethrowing listeners in every form tfjs-wasm ships", () => {
    for (const s of uncaught) expect(isEmscriptenListener('uncaughtException', fn(s))).toBe(true);
    for (const s of rejection) expect(isEmscriptenListener('unhandledRejection', fn(s))).toBe(true);
  });

  it('leaves every other listener alone', () => {
    const others = [
      'function (e) { console.error(e); }',
      'function (e) { if (!(e instanceof Error)) { log(e); } }',
      'function (e, origin) { throw e; }',
      '(e) => { throw e; }',
    ];
    for (const s of others) {
      expect(isEmscriptenListener('uncaughtException', fn(s))).toBe(false);
      expect(isEmscriptenListener('unhandledRejection', fn(s))).toBe(false);
    }
  });

  it('removes only listeners added since the snapshot', () => {
    const early = fn(rejection[0]);
    process.on('unhandledRejection', early);
    const before = snapshotListeners();
    const late = fn(rejection[1]);
    const mine = () => undefined;
    process.on('unhandledRejection', late);
    process.on('unhandledRejection', mine);
    try {
      expect(removeEmscriptenListeners(before)).toBe(1);
      const now = process.listeners('unhandledRejection');
      expect(now).toContain(early);
      expect(now).toContain(mine);
      expect(now).not.toContain(late);
    } finally {
      for (const l of [early, late, mine]) process.removeListener('unhandledRejection', l);
    }
  });
});
