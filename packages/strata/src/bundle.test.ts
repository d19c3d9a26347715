// The layer catalog survives a bundler that drops unused modules: each entry is bundled alone by
// esbuild honouring every package's "sideEffects": false, then run in Node. Before the one explicit
// table, the wrappers' catalog registered itself on import, was dropped, and a bundled Bidirectional
// threw "unknown layer class LSTM".
import { spawnSync } from 'node:child_process';
import { join, resolve } from 'node:path';
import { build } from 'esbuild';

const root = resolve(__dirname, '../../..');

async function bundleAndRun(entry: string): Promise<unknown> {
  const bundle = await build({
    entryPoints: [join(__dirname, 'testing', entry)],
    bundle: true,
    format: 'cjs', // tfjs's dependencies require Node's modules
    platform: 'node',
    // tfjs's ESM builds, whose files its "sideEffects" lists (the kernels register on import), as a web app gets.
    mainFields: ['module', 'main'],
    target: 'es2022',
    write: false,
    logLevel: 'silent',
    tsconfig: join(root, 'tsconfig.json'), // its `paths` map @strata/* to their sources
    external: ['webgpu', '@resvg/resvg-js', '@viz-js/viz'],
  });
  const run = spawnSync(process.execPath, [], { input: bundle.outputFiles[0].text, encoding: 'utf8' });
  expect(run.stderr).toBe('');
  return JSON.parse(run.stdout);
}

test('bundled, Bidirectional and TimeDistributed build the built-in layers their configs name', async () => {
  expect(await bundleAndRun('bundle-wrappers.ts')).toEqual({
    bidirectional: ['LSTM', 'LSTM'],
    timeDistributed: 'Dense',
  });
});

test('bundled, a Sequential config resolves built-in layers, nested ones too', async () => {
  expect(await bundleAndRun('bundle-config.ts')).toEqual({ stack: ['Bidirectional', 'Dense'] });
});
