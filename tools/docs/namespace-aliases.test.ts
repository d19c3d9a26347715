// The namespace-aliases plugin (namespace-aliases.mjs) run by TypeDoc itself on a fixture: namespace members
// that alias a documented class, function (through a module-level const) or interface take its comment, and
// one aliasing an undocumented class is still reported as undocumented. One TypeDoc process (a few seconds).
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

const FIXTURE = join(__dirname, 'fixtures', 'aliases');
const TYPEDOC = join(__dirname, '..', '..', 'node_modules', 'typedoc', 'bin', 'typedoc');

type Reflection = { name: string; comment?: { summary: { text: string }[] }; children?: Reflection[] };

test('namespace members take the comment of the declaration they alias', () => {
  const out = mkdtempSync(join(tmpdir(), 'strata-aliases-'));
  try {
    const json = join(out, 'api.json');
    const run = spawnSync(process.execPath, [TYPEDOC, '--options', 'typedoc.json', '--json', json, '--out', out], {
      cwd: FIXTURE,
      encoding: 'utf8',
      env: { ...process.env, NO_COLOR: '1', FORCE_COLOR: '0' },
    });
    const log = `${run.stdout}${run.stderr}`.replace(/\u001b\[[0-9;]*m/g, '');
    const ns = (JSON.parse(readFileSync(json, 'utf8')) as Reflection).children?.find((c) => c.name === 'ns');
    const summary = (name: string) =>
      ns?.children
        ?.filter((c) => c.name === name)
        .map((c) => (c.comment?.summary ?? []).map((part) => part.text).join(''));
    expect(summary('Documented')).toEqual(['A documented class.', 'A documented class.']);
    expect(summary('viaConst')).toEqual(['A documented function.']);
    expect(summary('DocumentedOptions')).toEqual(['Documented options.']);
    expect(summary('Undocumented')).toEqual(['']);
    expect(log).toMatch(/ns\.Undocumented \(Variable\).*does not have any documentation/);
    expect(log).not.toMatch(/ns\.(Documented|viaConst|DocumentedOptions) .*does not have any documentation/);
  } finally {
    rmSync(out, { recursive: true, force: true });
  }
});
