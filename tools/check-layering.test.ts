import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { checkLayering, findImports, type Violation } from './layering.mjs';

/** Writes `files` (path → contents; objects become JSON) under a fresh temporary directory. */
function fixture(files: Record<string, string | object>): string {
  const root = mkdtempSync(join(tmpdir(), 'strata-layering-'));
  for (const [path, contents] of Object.entries(files)) {
    mkdirSync(dirname(join(root, path)), { recursive: true });
    writeFileSync(join(root, path), typeof contents === 'string' ? contents : JSON.stringify(contents, null, 2));
  }
  roots.push(root);
  return root;
}
const roots: string[] = [];
afterAll(() => roots.forEach((r) => rmSync(r, { recursive: true, force: true })));

const manifest = (
  name: string,
  dependencies: Record<string, string> = {},
  devDependencies: Record<string, string> = {},
) => ({
  name,
  exports: { '.': './dist/index.js', './testing': './dist/testing/index.js' },
  dependencies,
  devDependencies,
});

/** A small clean repository: tensor at the bottom, a backend and autodiff above it. */
const cleanTree = {
  'packages/tensor/package.json': manifest(
    '@strata/tensor',
    { '@tensorflow/tfjs-core': '4.22.0' },
    { '@tensorflow/tfjs-backend-cpu': '4.22.0' },
  ),
  'packages/tensor/src/index.ts':
    "export * from './ops';\nimport * as tfc from '@tensorflow/tfjs-core';\nimport { join } from 'node:path';\n",
  'packages/tensor/src/ops/index.ts':
    "export { add } from '../add';\nconst m = \"run import 'strata' to register backends\";\n",
  'packages/tensor/src/add.ts':
    '// import { layer } from "@strata/layers" would be upward, but this is a comment\nexport const add = 1;\n',
  'packages/tensor/src/testing/index.ts': "import '@tensorflow/tfjs-backend-cpu';\n",
  'packages/tensor/src/add.test.ts':
    "import { add } from '@strata/tensor';\nimport { x } from '@strata/tensor/testing';\n",
  'packages/backend-cpu/package.json': manifest('@strata/backend-cpu', { '@strata/tensor': 'workspace:*' }),
  'packages/backend-cpu/src/index.ts': "import { tensor } from '@strata/tensor';\n",
  'packages/autodiff/package.json': manifest(
    '@strata/autodiff',
    { '@strata/tensor': 'workspace:*' },
    { '@strata/backend-cpu': 'workspace:*' },
  ),
  'packages/autodiff/src/index.ts':
    "import type { Tensor } from '@strata/tensor';\nexport const lazy = () => import('@strata/tensor');\n",
  'packages/autodiff/src/tape.test.ts':
    "import { cpu } from '@strata/backend-cpu';\nimport { describeConformance } from '@strata/tensor/testing';\n",
};

function rulesOf(violations: Violation[]): string[] {
  return violations.map((v) => `${v.rule} ${v.file}:${v.line} ${v.specifier}`);
}

describe('the layering checker', () => {
  it('passes a clean tree', () => {
    const report = checkLayering(fixture(cleanTree));
    expect(report.violations).toEqual([]);
    expect(report.packages).toEqual(['@strata/autodiff', '@strata/backend-cpu', '@strata/tensor']);
    expect(report.files).toBe(8);
  });

  it('catches an upward import, naming the file, the line, the levels and a fix', () => {
    const root = fixture({
      ...cleanTree,
      'packages/tensor/src/grad.ts':
        "import { tensor } from './index';\n\nimport { GradientTape } from '@strata/autodiff';\n",
    });
    const { violations } = checkLayering(root);
    expect(rulesOf(violations)).toEqual(['upward packages/tensor/src/grad.ts:3 @strata/autodiff']);
    expect(violations[0].message).toMatch(
      /^packages\/tensor\/src\/grad\.ts:3: imports '@strata\/autodiff': @strata\/autodiff \(level 2\) is not beneath @strata\/tensor \(level 0\).*Fix: /,
    );
  });

  it('allows a backend only @strata/tensor, and tests the backends but nothing above their level', () => {
    const root = fixture({
      ...cleanTree,
      'packages/backend-wasm/package.json': manifest('@strata/backend-wasm', {
        '@strata/tensor': 'workspace:*',
        '@strata/backend-cpu': 'workspace:*',
      }),
      'packages/backend-wasm/src/index.ts': "import { cpu } from '@strata/backend-cpu';\n",
      'packages/tensor/src/sum.test.ts':
        "import { cpu } from '@strata/backend-cpu';\nimport { grad } from '@strata/autodiff';\n",
    });
    expect(rulesOf(checkLayering(root).violations)).toEqual([
      'upward packages/backend-wasm/package.json:9 @strata/backend-cpu',
      'upward packages/backend-wasm/src/index.ts:1 @strata/backend-cpu',
      'undeclared packages/tensor/src/sum.test.ts:1 @strata/backend-cpu',
      'upward packages/tensor/src/sum.test.ts:2 @strata/autodiff',
    ]);
  });

  it('catches an undeclared import, third-party subpaths and bare builtins included', () => {
    const root = fixture({
      ...cleanTree,
      'packages/backend-cpu/src/kernels.ts': [
        "import { util } from '@tensorflow/tfjs-core/dist/util';",
        "import seedrandom from 'seedrandom';",
        "import { readFileSync } from 'fs';",
        "const tfc = require('@tensorflow/tfjs-core');",
      ].join('\n'),
      'packages/tensor/src/random.ts': "import '@tensorflow/tfjs-backend-cpu';\n",
    });
    const { violations } = checkLayering(root);
    expect(rulesOf(violations)).toEqual([
      'undeclared packages/backend-cpu/src/kernels.ts:1 @tensorflow/tfjs-core/dist/util',
      'undeclared packages/backend-cpu/src/kernels.ts:2 seedrandom',
      'undeclared packages/backend-cpu/src/kernels.ts:3 fs',
      'undeclared packages/backend-cpu/src/kernels.ts:4 @tensorflow/tfjs-core',
      'undeclared packages/tensor/src/random.ts:1 @tensorflow/tfjs-backend-cpu',
    ]);
    expect(violations[0].message).toContain(
      'does not declare \'@tensorflow/tfjs-core\' in "dependencies" of packages/backend-cpu/package.json',
    );
    expect(violations[0].message).toContain('npx pnpm@10.34.9 --filter @strata/backend-cpu add @tensorflow/tfjs-core');
    expect(violations[2].message).toContain("import it as 'node:fs'");
    expect(violations[4].message).toContain('only in devDependencies');
  });

  it('catches a relative import that leaves the package, and an import of unexported internals', () => {
    const root = fixture({
      ...cleanTree,
      'packages/autodiff/src/rules/add.ts':
        "import { addOp } from '../../../tensor/src/ops';\nimport { op } from '@strata/tensor/src/op';\n",
    });
    const { violations } = checkLayering(root);
    expect(rulesOf(violations)).toEqual([
      'relative packages/autodiff/src/rules/add.ts:1 ../../../tensor/src/ops',
      'unexported packages/autodiff/src/rules/add.ts:2 @strata/tensor/src/op',
    ]);
    expect(violations[0].message).toMatch(
      /this path leaves packages\/autodiff; .*Fix: import from '@strata\/tensor' and declare it in packages\/autodiff\/package.json$/,
    );
  });

  it('places onnx between models and serialization: serialization may dispatch to it, not the reverse', () => {
    const root = fixture({
      ...cleanTree,
      'packages/models/package.json': manifest('@strata/models', { '@strata/tensor': 'workspace:*' }),
      'packages/models/src/index.ts': "import { add } from '@strata/tensor';\n",
      'packages/onnx/package.json': manifest('@strata/onnx', {
        '@strata/models': 'workspace:*',
        '@strata/serialization': 'workspace:*',
      }),
      'packages/onnx/src/index.ts':
        "import { Model } from '@strata/models';\nimport { saveModel } from '@strata/serialization';\n",
      'packages/serialization/package.json': manifest('@strata/serialization', { '@strata/onnx': 'workspace:*' }),
      'packages/serialization/src/files.ts': "import { exportOnnx } from '@strata/onnx';\n",
    });
    const { violations } = checkLayering(root);
    expect(rulesOf(violations)).toEqual([
      'upward packages/onnx/package.json:9 @strata/serialization',
      'upward packages/onnx/src/index.ts:2 @strata/serialization',
    ]);
    expect(violations[1].message).toContain('@strata/serialization (level 8) is not beneath @strata/onnx (level 7)');
  });

  it('lets tests, and only tests, use the Python oracle helpers in tools/python', () => {
    const root = fixture({
      ...cleanTree,
      'tools/python/oracle.ts': 'export const runPython = 1;\n',
      'packages/autodiff/src/keras.test.ts': "import { runPython } from '../../../tools/python/oracle';\n",
      'packages/autodiff/src/grad.ts': "import { runPython } from '../../../tools/python/oracle';\n",
    });
    const rules = rulesOf(checkLayering(root).violations);
    expect(rules).toEqual(['relative packages/autodiff/src/grad.ts:1 ../../../tools/python/oracle']);
  });

  it('names a package that has no place in the order', () => {
    const root = fixture({ ...cleanTree, 'packages/extras/package.json': manifest('@strata/extras') });
    expect(rulesOf(checkLayering(root).violations)).toEqual(['unplaced packages/extras/package.json:2 @strata/extras']);
  });
});

describe('findImports', () => {
  it('reads every form of import, and nothing in comments, strings or regular expressions', () => {
    const source = [
      "import a, { b } from 'a';",
      'import type { C } from "c";',
      "export * as ns from './ns'; export { d } from './d'; export { local };",
      "import 'side-effect';",
      "const lazy = await import('lazy'); type T = import('types').T;",
      "const cjs = require('cjs'); obj.require('not-a-require');",
      "// import x from 'comment'",
      "const message = \"import 'strata' first\"; const re = /import 'regex'/;",
      "const t = `${require('in-template')} import 'not-this'`;",
    ].join('\n');
    expect(findImports(source).map((i) => `${i.line} ${i.specifier}`)).toEqual([
      '1 a',
      '2 c',
      '3 ./ns',
      '3 ./d',
      '4 side-effect',
      '5 lazy',
      '5 types',
      '6 cjs',
      '9 in-template',
    ]);
  });
});

describe('the repository', () => {
  it('keeps its own layering', () => {
    const { violations } = checkLayering(resolve(__dirname, '..'));
    expect(violations.map((v) => v.message)).toEqual([]);
  });
});

describe('apps', () => {
  it('may import the umbrella and nothing else of the workspace; tests may use tools/', () => {
    const root = fixture({
      ...cleanTree,
      'packages/strata/package.json': manifest('strata', { '@strata/tensor': 'workspace:*' }),
      'packages/strata/src/index.ts': "export * from '@strata/tensor';\n",
      'apps/playground/package.json': manifest('@strata/playground', {
        strata: 'workspace:*',
        '@strata/tensor': 'workspace:*',
      }),
      'apps/playground/src/main.ts': "import { add } from 'strata';\nimport { tensor } from '@strata/tensor';\n",
      'apps/playground/src/main.test.ts': "import { runPython } from '../../../tools/python/oracle';\n",
      'tools/python/oracle.ts': 'export const runPython = 1;\n',
    });
    const messages = checkLayering(root).violations.map((v) => v.message);
    expect(messages).toEqual([
      expect.stringMatching(
        /^apps\/playground\/package.json:\d+: declares '@strata\/tensor' in dependencies: an app imports only the umbrella/,
      ),
      expect.stringMatching(
        /^apps\/playground\/src\/main.ts:2: imports '@strata\/tensor': an app imports only the umbrella package 'strata'/,
      ),
    ]);
  });
});
