// The layering rules (README.md, "The packages") as a function over a repository tree. Plain Node
// ESM with no dependencies, so the check runs before (and without) anything else being built.
// The command line lives in check-layering.mjs; this file has no side effects so tests can call it.
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { dirname, isAbsolute, join, relative, resolve, sep } from 'node:path';

/** Where each workspace package sits; a package imports only packages beneath it. */
export const LEVELS = Object.freeze({
  '@strata/tensor': 0,
  '@strata/backend-cpu': 1,
  '@strata/backend-wasm': 1,
  '@strata/backend-webgpu': 1,
  '@strata/autodiff': 2,
  '@strata/layers': 3,
  '@strata/graph': 4,
  '@strata/training': 5,
  '@strata/models': 6,
  '@strata/onnx': 7,
  '@strata/serialization': 8,
  strata: 9,
  // Apps (apps/*) sit above everything and import only the umbrella, as a user's app would.
  '@strata/playground': 10,
});

/** The level of apps: they may import `strata` and nothing else of the workspace. */
const APP_LEVEL = 10;

const ORDER =
  'tensor(0) → backend-cpu/backend-wasm/backend-webgpu(1) → autodiff(2) → layers(3) → graph(4) → training(5) → models(6) → onnx(7) → serialization(8) → strata(9)';
const PNPM = 'npx pnpm@10.34.9';
const SOURCE_FILE = /\.(c|m)?tsx?$/;
const TEST_FILE = /\.test\.(c|m)?tsx?$/;

const isBackend = (name) => name.startsWith('@strata/backend-');

// ---------------------------------------------------------------------------------------------
// Reading imports. A small tokenizer instead of regular expressions over raw text: an error message
// or a doc comment that mentions `import 'strata'` must not count as an import.

const REGEX_AFTER_KEYWORD = new Set([
  'return',
  'typeof',
  'instanceof',
  'in',
  'of',
  'new',
  'delete',
  'void',
  'throw',
  'case',
  'do',
  'else',
  'yield',
  'await',
]);

function regexMayStart(prev) {
  if (prev === null) return true;
  if (prev.type === 'punct') return ![')', ']', '}'].includes(prev.value);
  if (prev.type === 'id') return REGEX_AFTER_KEYWORD.has(prev.value);
  return false;
}

/** Splits TypeScript source into identifiers, string literals and punctuation, each with its line. */
export function tokenize(source) {
  const tokens = [];
  const braces = []; // '{' for a block, '`' for a `${` inside a template literal
  let i = 0;
  let line = 1;
  const n = source.length;
  const push = (type, value, at) => tokens.push({ type, value, line: at });
  const prev = () => tokens[tokens.length - 1] ?? null;

  const readTemplate = () => {
    // i is just after '`' or after the '}' that closes a '${'
    const at = line;
    while (i < n) {
      const c = source[i];
      if (c === '\\') i += 2;
      else if (c === '`') {
        i++;
        push('template', '', at);
        return;
      } else if (c === '$' && source[i + 1] === '{') {
        i += 2;
        braces.push('`');
        push('template', '', at);
        return;
      } else {
        if (c === '\n') line++;
        i++;
      }
    }
  };

  while (i < n) {
    const c = source[i];
    if (c === '\n') {
      line++;
      i++;
    } else if (c === ' ' || c === '\t' || c === '\r' || c === '\f' || c === '\v' || c === '\uFEFF') {
      i++;
    } else if (c === '/' && source[i + 1] === '/') {
      while (i < n && source[i] !== '\n') i++;
    } else if (c === '/' && source[i + 1] === '*') {
      const end = source.indexOf('*/', i + 2);
      const stop = end === -1 ? n : end + 2;
      for (let k = i; k < stop; k++) if (source[k] === '\n') line++;
      i = stop;
    } else if (c === '"' || c === "'") {
      const at = line;
      let value = '';
      i++;
      while (i < n && source[i] !== c && source[i] !== '\n') {
        if (source[i] === '\\') {
          value += source[i + 1] ?? '';
          i += 2;
        } else value += source[i++];
      }
      i++;
      push('string', value, at);
    } else if (c === '`') {
      i++;
      readTemplate();
    } else if (c === '}' && braces[braces.length - 1] === '`') {
      braces.pop();
      i++;
      readTemplate();
    } else if (c === '/' && regexMayStart(prev())) {
      const start = i;
      let inClass = false;
      i++;
      while (i < n && source[i] !== '\n' && (inClass || source[i] !== '/')) {
        if (source[i] === '\\') i++;
        else if (source[i] === '[') inClass = true;
        else if (source[i] === ']') inClass = false;
        i++;
      }
      if (source[i] === '/') {
        i++;
        while (i < n && /[A-Za-z]/.test(source[i])) i++;
        push('regex', source.slice(start, i), line);
      } else {
        // Not a regular expression after all (a division at the end of a line): keep the slash.
        i = start + 1;
        push('punct', '/', line);
      }
    } else if (/[A-Za-z_$\u0080-\uFFFF]/.test(c)) {
      const start = i;
      while (i < n && /[A-Za-z0-9_$\u0080-\uFFFF]/.test(source[i])) i++;
      push('id', source.slice(start, i), line);
    } else if (/[0-9]/.test(c)) {
      const start = i;
      while (i < n && /[0-9A-Za-z_.]/.test(source[i])) i++;
      push('number', source.slice(start, i), line);
    } else {
      if (c === '{') braces.push('{');
      else if (c === '}') braces.pop();
      push('punct', c, line);
      i++;
    }
  }
  return tokens;
}

const is = (t, type, value) => t !== undefined && t.type === type && (value === undefined || t.value === value);
/** Tokens that may appear between `import`/`export` and `from`: names, braces, commas, `*`. */
const inClause = (t) =>
  t !== undefined && (t.type === 'id' || (t.type === 'punct' && ['{', '}', ',', '*'].includes(t.value)));

/**
 * Every module specifier a file names: static imports and re-exports (type-only ones too: they
 * couple packages just the same), side-effect imports, dynamic and type-level `import('x')`,
 * and `require('x')`. Returns `{ specifier, line }` in source order.
 */
export function findImports(source) {
  const tokens = tokenize(source);
  const found = new Map(); // token index of the specifier → entry, so no specifier counts twice
  const add = (k) => found.set(k, { specifier: tokens[k].value, line: tokens[k].line });
  for (let k = 0; k < tokens.length; k++) {
    const t = tokens[k];
    if (t.type !== 'id') continue;
    const before = tokens[k - 1];
    if (is(before, 'punct', '.')) continue; // obj.import, obj.require
    const next = tokens[k + 1];
    if (t.value === 'import') {
      if (is(next, 'punct', '(')) {
        if (is(tokens[k + 2], 'string')) add(k + 2);
      } else if (is(next, 'string')) {
        add(k + 1);
      } else {
        for (let j = k + 1; j < tokens.length && inClause(tokens[j]); j++) {
          if (is(tokens[j], 'id', 'from') && is(tokens[j + 1], 'string')) {
            add(j + 1);
            break;
          }
        }
      }
    } else if (t.value === 'export') {
      let j = k + 1;
      if (is(tokens[j], 'id', 'type')) j++;
      if (is(tokens[j], 'punct', '*')) {
        j++;
        if (is(tokens[j], 'id', 'as')) j += 2;
      } else if (is(tokens[j], 'punct', '{')) {
        while (j < tokens.length && !is(tokens[j], 'punct', '}')) j++;
        j++;
      } else continue;
      if (is(tokens[j], 'id', 'from') && is(tokens[j + 1], 'string')) add(j + 1);
    } else if (
      t.value === 'require' &&
      is(next, 'punct', '(') &&
      is(tokens[k + 2], 'string') &&
      is(tokens[k + 3], 'punct', ')')
    ) {
      add(k + 2);
    }
  }
  return [...found.values()];
}

// ---------------------------------------------------------------------------------------------
// The repository.

function readJson(path) {
  try {
    return JSON.parse(readFileSync(path, 'utf8'));
  } catch (e) {
    throw new Error(`layering: cannot read ${path} as JSON (${e.message}); fix the file and run the check again`);
  }
}

function listSourceFiles(dir) {
  if (!existsSync(dir)) return [];
  const out = [];
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    if (entry.name === 'node_modules' || entry.name.startsWith('.')) continue;
    const path = join(dir, entry.name);
    if (entry.isDirectory()) out.push(...listSourceFiles(path));
    else if (SOURCE_FILE.test(entry.name)) out.push(path);
  }
  return out.sort();
}

/** Every packages/<dir>/package.json and apps/<dir>/package.json: name, directory, dependencies, exports. */
export function readWorkspace(root) {
  return ['packages', 'apps'].flatMap((folder) => readFolder(join(root, folder)));
}

function readFolder(packagesDir) {
  if (!existsSync(packagesDir)) return [];
  return readdirSync(packagesDir)
    .filter((d) => existsSync(join(packagesDir, d, 'package.json')) && statSync(join(packagesDir, d)).isDirectory())
    .sort()
    .map((d) => {
      const manifestPath = join(packagesDir, d, 'package.json');
      const manifest = readJson(manifestPath);
      return {
        name: manifest.name,
        dir: join(packagesDir, d),
        manifestPath,
        manifestText: readFileSync(manifestPath, 'utf8'),
        dependencies: new Set([
          ...Object.keys(manifest.dependencies ?? {}),
          ...Object.keys(manifest.peerDependencies ?? {}),
          ...Object.keys(manifest.optionalDependencies ?? {}),
        ]),
        devDependencies: new Set(Object.keys(manifest.devDependencies ?? {})),
        exports: manifest.exports,
      };
    });
}

/** '@scope/name/sub/path' → '@scope/name'; 'name/sub' → 'name'. */
export function packageNameOf(specifier) {
  const parts = specifier.split('/');
  return specifier.startsWith('@') ? parts.slice(0, 2).join('/') : parts[0];
}

function isInside(dir, path) {
  const inside = relative(dir, path);
  return !inside.startsWith('..') && !isAbsolute(inside);
}

function isTestFile(pkg, file) {
  const inside = relative(join(pkg.dir, 'src'), file).split(sep);
  return TEST_FILE.test(file) || inside[0] === 'testing';
}

function lineOf(text, needle) {
  const at = text.indexOf(needle);
  return at === -1 ? 1 : text.slice(0, at).split('\n').length;
}

// ---------------------------------------------------------------------------------------------
// The rules.

/** Why `importer` may not import workspace package `target`, or null if it may. */
function levelProblem(importer, target, testing) {
  const from = LEVELS[importer];
  const to = LEVELS[target];
  if (from === APP_LEVEL) {
    if (target === 'strata') return null;
    return (
      `an app imports only the umbrella package 'strata', as a user's app would. ` +
      `Fix: import it from 'strata' instead of ${target}`
    );
  }
  if (testing) {
    if (to <= from || isBackend(target)) return null;
    return (
      `${target} (level ${to}) sits above ${importer} (level ${from}); test and testing files may import only packages at or ` +
      `below their own level, plus the backends (order: ${ORDER}). Fix: move this test up into ${target} or a package above it`
    );
  }
  if (target === importer) {
    return `a package must not import itself by name. Fix: import the module by its relative path inside the package`;
  }
  if (to < from) return null;
  if (isBackend(importer)) {
    return `a backend may import only @strata/tensor (order: ${ORDER}). Fix: move what it needs from ${target} into @strata/tensor, or drop the import`;
  }
  return (
    `${target} (level ${to}) is not beneath ${importer} (level ${from}); a package imports only packages beneath it (order: ${ORDER}). ` +
    `Fix: move this code up into ${target} or above, or let ${importer} define an interface that ${target} implements (the object carries its behaviour)`
  );
}

/** Is the subpath a workspace import names (e.g. './testing') one its package.json exports? */
function isExported(target, specifier) {
  if (target.exports === undefined || typeof target.exports === 'string') return specifier === target.name;
  const sub = `.${specifier.slice(target.name.length)}`;
  return Object.hasOwn(target.exports, sub);
}

/** The one violation an import commits, or null. `at` is the importing file: its package, paths and kind. */
function checkImport(at, { specifier, line }) {
  const { pkg, path, file, testing, byName, root } = at;
  const violation = (rule, why) => ({
    file,
    line,
    specifier,
    rule,
    message: `${file}:${line}: imports '${specifier}': ${why}`,
  });

  if (specifier.startsWith('.') || isAbsolute(specifier)) {
    const target = resolve(dirname(path), specifier);
    // Test files may use the repository's test tooling (tools/python/oracle.ts): it is no package's API.
    if (testing && isInside(join(root, 'tools'), target)) return null;
    if (!isInside(pkg.dir, target)) {
      const owner = [...byName.values()].find((p) => isInside(p.dir, target));
      const instead = owner ? `'${owner.name}'` : 'the owning package by name';
      return violation(
        'relative',
        `this path leaves ${relative(root, pkg.dir)}; packages reach each other only by name, through their public API. ` +
          `Fix: import from ${instead} and declare it in ${relative(root, pkg.manifestPath)}`,
      );
    }
    return null;
  }
  if (specifier.startsWith('node:')) return null;

  const name = packageNameOf(specifier);
  const workspace = byName.get(name);
  if (workspace && name in LEVELS && pkg.name in LEVELS) {
    const problem = levelProblem(pkg.name, name, testing);
    if (problem) return violation('upward', problem);
    // Test helpers (`@strata/x/testing`) are workspace-only: not published, mapped to src/testing/ by the
    // root tsconfig's paths and Jest's moduleNameMapper, and reachable from test code alone.
    const helpers =
      testing && specifier === `${name}/testing` && existsSync(join(workspace.dir, 'src/testing/index.ts'));
    if (!helpers && !isExported(workspace, specifier)) {
      return violation(
        'unexported',
        `${name} does not export '${specifier}' in its package.json "exports"; a package's public API is its exports. ` +
          `Fix: import from '${name}' (add the export to ${name}'s src/index.ts if it is meant to be public)`,
      );
    }
    if (testing && name === pkg.name) return null; // a package's own tests may use its public API by name
  } else if (workspace && !(name in LEVELS)) {
    return violation(
      'unplaced',
      `${name} has no place in the layering order. Fix: add it to LEVELS in tools/layering.mjs`,
    );
  }

  if (pkg.dependencies.has(name)) return null;
  if (testing && pkg.devDependencies.has(name)) return null;
  const manifest = relative(root, pkg.manifestPath);
  if (pkg.devDependencies.has(name)) {
    return violation(
      'undeclared',
      `${pkg.name} declares '${name}' only in devDependencies of ${manifest}, but this is runtime code (not a *.test.ts or src/testing/ file). ` +
        `Fix: move '${name}' to "dependencies" (and say why in the README), or drop the import`,
    );
  }
  const builtin = name === specifier && isNodeBuiltin(name);
  return violation(
    'undeclared',
    builtin
      ? `'${name}' is a Node builtin named without the 'node:' prefix. Fix: import it as 'node:${name}'`
      : `${pkg.name} does not declare '${name}' in ${testing ? '"dependencies" or "devDependencies"' : '"dependencies"'} of ${manifest}. ` +
          `Fix: ${PNPM} --filter ${pkg.name} add ${testing ? '-D ' : ''}${workspace ? `'${name}@workspace:*'` : name} ` +
          `(and say why in the package README), or drop the import`,
  );
}

const NODE_BUILTINS = new Set([
  'assert',
  'async_hooks',
  'buffer',
  'child_process',
  'cluster',
  'console',
  'constants',
  'crypto',
  'dgram',
  'diagnostics_channel',
  'dns',
  'domain',
  'events',
  'fs',
  'http',
  'http2',
  'https',
  'inspector',
  'module',
  'net',
  'os',
  'path',
  'perf_hooks',
  'process',
  'punycode',
  'querystring',
  'readline',
  'repl',
  'stream',
  'string_decoder',
  'sys',
  'timers',
  'tls',
  'trace_events',
  'tty',
  'url',
  'util',
  'v8',
  'vm',
  'wasi',
  'worker_threads',
  'zlib',
]);
function isNodeBuiltin(name) {
  return NODE_BUILTINS.has(name.split('/')[0]);
}

/** Workspace dependencies a package.json declares against the order (the import check's twin). */
function checkManifest(pkg, root) {
  const out = [];
  if (!(pkg.name in LEVELS)) {
    out.push({
      file: relative(root, pkg.manifestPath),
      line: lineOf(pkg.manifestText, '"name"'),
      specifier: pkg.name,
      rule: 'unplaced',
      message: `${relative(root, pkg.manifestPath)}:${lineOf(pkg.manifestText, '"name"')}: package '${pkg.name}' has no place in the layering order. Fix: add it to LEVELS in tools/layering.mjs`,
    });
    return out;
  }
  for (const [deps, testing, field] of [
    [pkg.dependencies, false, 'dependencies'],
    [pkg.devDependencies, true, 'devDependencies'],
  ]) {
    for (const dep of deps) {
      if (!(dep in LEVELS) || (testing && dep === pkg.name)) continue;
      const problem = levelProblem(pkg.name, dep, testing);
      if (!problem) continue;
      const file = relative(root, pkg.manifestPath);
      const line = lineOf(pkg.manifestText, `"${dep}"`);
      out.push({
        file,
        line,
        specifier: dep,
        rule: 'upward',
        message: `${file}:${line}: declares '${dep}' in ${field}: ${problem}`,
      });
    }
  }
  return out;
}

/**
 * Checks every import in packages/<x>/src against the layering order, the package's declared
 * dependencies and its directory. Returns the violations (each with a one-line `message`), and
 * what was checked.
 */
export function checkLayering(root) {
  const workspace = readWorkspace(root);
  const byName = new Map(workspace.map((p) => [p.name, p]));
  const violations = [];
  let files = 0;
  for (const pkg of workspace) {
    violations.push(...checkManifest(pkg, root));
    for (const path of listSourceFiles(join(pkg.dir, 'src'))) {
      files++;
      const at = { pkg, path, file: relative(root, path), testing: isTestFile(pkg, path), byName, root };
      for (const found of findImports(readFileSync(path, 'utf8'))) {
        const v = checkImport(at, found);
        if (v) violations.push(v);
      }
    }
  }
  return { violations, files, packages: workspace.map((p) => p.name) };
}
