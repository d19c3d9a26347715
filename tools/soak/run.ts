// `pnpm soak [part...] [--option value...]`: reliability figures, not a test. Runs each part (or those
// whose name contains one of the given words) in its own Node process with --expose-gc, at most
// 10 minutes each, echoes what it prints, then prints one summary table; exits 1 if any part failed.
// Options after the part names go to every part (--steps, --count, --kills, --seed: see README.md).
import { spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { printTable, RESULT_PREFIX, type PartResult } from './report';

const here = dirname(fileURLToPath(import.meta.url));
const PART_LIMIT_MS = 10 * 60 * 1000;

const PARTS: { name: string; script: string; args: string[] }[] = [
  { name: 'train-cpu', script: 'training.ts', args: ['cpu'] },
  { name: 'train-wasm', script: 'training.ts', args: ['wasm'] },
  { name: 'train-webgpu', script: 'training.ts', args: ['webgpu'] },
  { name: 'load-keras', script: 'loading.ts', args: ['keras'] },
  { name: 'load-tfjs', script: 'loading.ts', args: ['tfjs'] },
  { name: 'save-keras', script: 'saving.ts', args: ['keras'] },
  { name: 'save-tfjs', script: 'saving.ts', args: ['tfjs'] },
];

/** Dawn needs a Vulkan driver: SwiftShader from Debian's chromium where no GPU driver is set (as .ci/run does). */
function webgpuEnv(): NodeJS.ProcessEnv {
  const env = { ...process.env };
  const icd = '/usr/lib/chromium/vk_swiftshader_icd.json';
  if (env.VK_ICD_FILENAMES === undefined && existsSync(icd)) env.VK_ICD_FILENAMES = icd;
  const systemLoader = [
    '/usr/lib/x86_64-linux-gnu/libvulkan.so.1',
    '/usr/lib/aarch64-linux-gnu/libvulkan.so.1',
    '/usr/lib/libvulkan.so.1',
  ];
  if (!systemLoader.some(existsSync) && existsSync('/usr/lib/chromium/libvulkan.so.1')) {
    env.LD_LIBRARY_PATH = ['/usr/lib/chromium', env.LD_LIBRARY_PATH].filter(Boolean).join(':');
  }
  return env;
}

function runPart(part: (typeof PARTS)[number], options: string[]): Promise<PartResult & { seconds: number }> {
  const started = Date.now();
  return new Promise((resolve) => {
    const child = spawn(
      process.execPath,
      ['--expose-gc', '--import', 'tsx', join(here, part.script), ...part.args, ...options],
      {
        stdio: ['ignore', 'pipe', 'inherit'],
        env: part.name === 'train-webgpu' ? webgpuEnv() : process.env,
      },
    );
    let result: PartResult | null = null;
    let pending = '';
    child.stdout.on('data', (chunk: Buffer) => {
      pending += chunk.toString();
      const lines = pending.split('\n');
      pending = lines.pop()!;
      for (const line of lines) {
        if (line.startsWith(RESULT_PREFIX)) result = JSON.parse(line.slice(RESULT_PREFIX.length)) as PartResult;
        else console.log(line);
      }
    });
    const timer = setTimeout(() => child.kill('SIGKILL'), PART_LIMIT_MS);
    child.on('close', (code, signal) => {
      clearTimeout(timer);
      if (pending) console.log(pending);
      const seconds = (Date.now() - started) / 1000;
      if (result) return resolve({ ...result, ok: result.ok && code === 0, seconds });
      const why =
        signal === 'SIGKILL' && seconds * 1000 >= PART_LIMIT_MS
          ? 'ran past its 10 minutes'
          : `ended with ${signal ?? `exit code ${code}`} before its result`;
      resolve({ part: part.name, ok: false, figures: why, failures: [why], seconds });
    });
  });
}

async function main(): Promise<number> {
  const args = process.argv.slice(2);
  const firstOption = args.findIndex((a) => a.startsWith('--'));
  const names = firstOption < 0 ? args : args.slice(0, firstOption);
  const options = firstOption < 0 ? [] : args.slice(firstOption);
  const parts = PARTS.filter((p) => names.length === 0 || names.some((n) => p.name.includes(n)));
  if (parts.length === 0) {
    console.error(
      `soak: no part matches ${JSON.stringify(names)}; the parts are ${PARTS.map((p) => p.name).join(', ')}`,
    );
    return 2;
  }
  console.log(
    `Strata soak (node ${process.version}, ${process.platform}/${process.arch}): ` +
      `${parts.map((p) => p.name).join(', ')}`,
  );
  const results = [];
  for (const part of parts) {
    console.log(`\n== ${part.name}`);
    results.push(await runPart(part, options));
  }
  printTable(
    'soak summary',
    ['part', 'result', 'seconds', 'figures'],
    results.map((r) => [r.part, r.ok ? 'pass' : 'FAIL', r.seconds.toFixed(0), r.figures]),
  );
  for (const r of results) for (const f of r.failures) console.log(`${r.part}: ${f}`);
  return results.every((r) => r.ok) ? 0 : 1;
}

main().then(
  (code) => process.exit(code),
  (e) => {
    console.error(e);
    process.exit(1);
  },
);
