// Test-only: whether this machine can run the WebGPU backend, decided before the tests are declared.
import { spawnSync } from 'node:child_process';
import { join } from 'node:path';
import './swiftshader';

export type Availability = { ok: true; adapter: string } | { ok: false; reason: string };

/**
 * Asks a child Node process whether Dawn finds an adapter: Jest declares tests synchronously, and
 * requestAdapter is a Promise. The child inherits the environment swiftshader.ts prepared, and is
 * given chromium's Vulkan loader through LD_LIBRARY_PATH where this process preloaded it.
 */
export function webgpuAvailability(): Availability {
  const realProcess: NodeJS.Process = process.getBuiltinModule?.('node:process') ?? process;
  const env = {
    ...realProcess.env,
    LD_LIBRARY_PATH: [realProcess.env.LD_LIBRARY_PATH, '/usr/lib/chromium'].filter(Boolean).join(':'),
  };
  const child = spawnSync(process.execPath, [join(__dirname, 'probe-adapter.mjs')], {
    cwd: join(__dirname, '..', '..'),
    env,
    encoding: 'utf8',
    timeout: 60_000,
  });
  const said = `${child.stdout ?? ''}${child.stderr ?? ''}`.trim().split('\n')[0] ?? '';
  if (child.status === 0) return { ok: true, adapter: said };
  return { ok: false, reason: said || child.error?.message || `the probe exited with ${child.status ?? child.signal}` };
}

/** True where CI demands WebGPU: a backend that fails to start is then a failure, never a skip. */
export const webgpuRequired = process.env.STRATA_REQUIRE_WEBGPU === '1';

/**
 * Declares `body` as a Jest suite when WebGPU can run here (or is required); otherwise declares a
 * skipped suite whose title, and a printed line, say why.
 */
export function describeWithWebGPU(title: string, body: () => void): void {
  const availability = webgpuRequired ? null : webgpuAvailability();
  if (availability === null || availability.ok) {
    describe(title, body);
    return;
  }
  const why = `no WebGPU adapter (${availability.reason}); set STRATA_REQUIRE_WEBGPU=1 to make this a failure`;
  console.warn(`${title}: skipped, ${why}`);
  describe.skip(`${title} (skipped: ${why})`, () => it('needs a WebGPU adapter', () => undefined));
}
