// The @example checker (require-examples.mjs, a TypeDoc plugin) run by TypeDoc itself on a fixture
// with one export of each kind: it must refuse exactly the function, class and callable constant that
// lack an example, and pass the documented one, the plain constant, the @internal one and the one
// listed in examplesPending. One TypeDoc process (a few seconds).
import { spawnSync } from 'node:child_process';
import { join } from 'node:path';

const FIXTURE = join(__dirname, 'fixtures', 'examples');
const TYPEDOC = join(__dirname, '..', '..', 'node_modules', 'typedoc', 'bin', 'typedoc');

test('fails the docs check on exactly the exports without an @example, and reports the count', () => {
  const run = spawnSync(process.execPath, [TYPEDOC, '--options', 'typedoc.json', '--emit', 'none'], {
    cwd: FIXTURE,
    encoding: 'utf8',
    env: { ...process.env, STRATA_EXAMPLES_REPORT: '1', NO_COLOR: '1', FORCE_COLOR: '0' },
  });
  // TypeDoc may colour its output despite NO_COLOR; the escapes are stripped before matching.
  const out = `${run.stdout}${run.stderr}`.replace(/\u001b\[[0-9;]*m/g, '');
  expect(run.status).not.toBe(0);
  const refused = [...out.matchAll(/the exported (\w+) (\w+) has no @example block/g)].map((m) => `${m[1]} ${m[2]}`);
  expect(refused.sort()).toEqual([
    'class ClassWithoutExample',
    'function withoutExample',
    'variable callableWithoutExample',
  ]);
  expect(out).toContain('4 of 5 lack an @example');
  expect(out).toContain('pendingWithoutExample still lacks an @example (listed in examplesPending)');
  expect(out).toContain('Found 3 errors');
});
