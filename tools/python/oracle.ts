// Test-only: the repository's Python oracle environment (.venv/, made by tools/python/setup-venv.sh
// from requirements.txt). Python is a reference no one here wrote (Keras 3, ONNX's checker, ONNX
// Runtime, TensorBoard's event reader); it is never part of the product.
import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { join, resolve } from 'node:path';

export const repositoryRoot = resolve(__dirname, '..', '..');
export const venvPython = join(repositoryRoot, '.venv', 'bin', 'python');

/** True where CI demands the oracles: an absent environment is then a failure, never a skip. */
export const pythonRequired = process.env.STRATA_REQUIRE_PYTHON === '1';

/** Keras on its JAX backend, on the CPU, quiet: the same for every script the tests run. */
export const pythonEnv: NodeJS.ProcessEnv = {
  ...process.env,
  KERAS_BACKEND: 'jax',
  JAX_PLATFORMS: 'cpu',
  TF_CPP_MIN_LOG_LEVEL: '3',
};

export type PythonAvailability = { ok: true } | { ok: false; reason: string };

/** Whether the venv exists and can import every module named (e.g. ['keras', 'onnx']). */
export function pythonAvailability(modules: readonly string[]): PythonAvailability {
  if (!existsSync(venvPython)) {
    return { ok: false, reason: `${venvPython} is missing; run bash tools/python/setup-venv.sh` };
  }
  const probe = spawnSync(venvPython, ['-c', modules.map((m) => `import ${m}`).join('; ')], {
    encoding: 'utf8',
    timeout: 120_000,
    env: pythonEnv,
  });
  if (probe.status === 0) return { ok: true };
  const last = `${probe.stderr ?? ''}`.trim().split('\n').pop() ?? '';
  return { ok: false, reason: `the venv cannot import ${modules.join(', ')}: ${last || probe.error?.message}` };
}

/**
 * Declares `body` as a Jest suite where the venv can import `modules` (or where they are required);
 * otherwise a skipped suite whose title, and a printed line, say why.
 */
export function describeWithPython(title: string, modules: readonly string[], body: () => void): void {
  const availability = pythonRequired ? null : pythonAvailability(modules);
  if (availability === null || availability.ok) {
    describe(title, body);
    return;
  }
  const why = `${availability.reason}; set STRATA_REQUIRE_PYTHON=1 to make this a failure`;
  console.warn(`${title}: skipped, ${why}`);
  describe.skip(`${title} (skipped: ${why})`, () => it(`needs Python with ${modules.join(', ')}`, () => undefined));
}

/** Runs a Python script with the venv's interpreter; throws with its stderr when it fails. */
export function runPython(
  script: string,
  args: readonly string[] = [],
  options: { input?: string; timeoutMs?: number } = {},
): string {
  const run = spawnSync(venvPython, [script, ...args], {
    encoding: 'utf8',
    input: options.input,
    timeout: options.timeoutMs ?? 300_000,
    maxBuffer: 256 * 1024 * 1024,
    env: pythonEnv,
  });
  if (run.status !== 0) {
    throw new Error(
      `python ${script} ${args.join(' ')} failed (${run.status ?? run.signal}):\n${run.stderr || run.error?.message}`,
    );
  }
  return run.stdout;
}
