// Backends declare their own quirks and capabilities (Backend.quirks, explicitTransposeMatmul):
// op and kernel code reads those, never a backend's name, so a new backend needs no edit here.
import { readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';

const SRC = join(__dirname, '..');
const OP_CODE = [join(SRC, 'ops'), join(SRC, 'kernels')];
const BACKEND_NAME = /\b(cpu|wasm|webgpu|webgl)\b/i;

function sources(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((e) => {
    const path = join(dir, e.name);
    if (e.isDirectory()) return sources(path);
    return e.name.endsWith('.ts') && !e.name.endsWith('.test.ts') ? [path] : [];
  });
}

/** The source with its comments blanked out (strings and template text kept: they are code). */
function withoutComments(source: string): string {
  let out = '';
  let quote: string | null = null;
  for (let i = 0; i < source.length; i++) {
    const c = source[i];
    if (quote) {
      out += c;
      if (c === '\\') out += source[++i] ?? '';
      else if (c === quote) quote = null;
    } else if (c === '/' && source[i + 1] === '/') {
      while (i < source.length && source[i] !== '\n') i++;
      out += '\n';
    } else if (c === '/' && source[i + 1] === '*') {
      const end = source.indexOf('*/', i + 2);
      i = end === -1 ? source.length : end + 1;
      out += ' ';
    } else {
      if (c === "'" || c === '"' || c === '`') quote = c;
      out += c;
    }
  }
  return out;
}

describe('op code names no backend', () => {
  const files = OP_CODE.flatMap(sources);

  it('strips comments and keeps strings', () => {
    const code = withoutComments("a('wasm') // wasm\n/* webgpu */ b(`cpu ${x}`)");
    expect(code).toContain("'wasm'");
    expect(code).toContain('`cpu ${x}`');
    expect(code).not.toContain('webgpu');
    expect(code.match(/wasm/g)).toHaveLength(1);
  });

  it('finds the op sources', () => {
    expect(files.length).toBeGreaterThan(100);
  });

  it('mentions no backend by name outside comments in ops/ and kernels/', () => {
    const hits = files.flatMap((f) =>
      withoutComments(readFileSync(f, 'utf8'))
        .split('\n')
        .flatMap((line, i) => (BACKEND_NAME.test(line) ? [`${relative(SRC, f)}:${i + 1}: ${line.trim()}`] : [])),
    );
    expect(hits).toEqual([]);
  });

  it('never reads a backend name to choose a path', () => {
    const hits = files.filter((f) => /\b(backend|strata)\.name\b/.test(withoutComments(readFileSync(f, 'utf8'))));
    expect(hits.map((f) => relative(SRC, f))).toEqual([]);
  });
});
