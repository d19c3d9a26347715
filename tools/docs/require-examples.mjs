// A TypeDoc plugin (loaded from typedoc.json's `plugin`): in the packages of
// `packagesRequiringDocumentation`, every exported class and function of every entry point, and every
// constant whose type is callable, must carry an `@example` block. TypeDoc's own `notDocumented` check
// only asks for a summary; a reader of the reference wants to see a call. It runs in the validation
// phase, so `pnpm run docs:check` (`--emit none`) fails on a missing example as it does on an
// undocumented export. `examplesPending` (typedoc.json) names exports whose example is owed but cannot
// be written yet (their file is being rewritten on another branch): each is printed as an info line,
// never passed silently. `STRATA_EXAMPLES_REPORT=1` prints how many exports lack one, per entry point.
import { Application, ParameterType, ReflectionKind, ReflectionType } from 'typedoc';

/** Whether a comment has an `@example` block tag. */
function hasExample(comment) {
  return comment?.blockTags?.some((tag) => tag.tag === '@example') ?? false;
}

/** A variable counts as a function when its declared type has call signatures (an op constant). */
function isCallableVariable(reflection) {
  const type = reflection.type;
  return type instanceof ReflectionType && (type.declaration.signatures?.length ?? 0) > 0;
}

/** The comment TypeDoc attached to the reflection or any of its signatures (functions keep theirs there). */
function exampleFound(reflection) {
  if (hasExample(reflection.comment)) return true;
  const signatures = reflection.signatures ?? [];
  if (signatures.some((signature) => hasExample(signature.comment))) return true;
  if (reflection.type instanceof ReflectionType) {
    const declaration = reflection.type.declaration;
    if (hasExample(declaration.comment)) return true;
    if ((declaration.signatures ?? []).some((signature) => hasExample(signature.comment))) return true;
  }
  return false;
}

/** The entry point (module) a reflection belongs to, for the per-package report. */
function moduleOf(reflection) {
  for (let current = reflection.parent; current; current = current.parent) {
    if (current.kindOf(ReflectionKind.Module) || current.isProject()) return current.name;
  }
  return reflection.project.name;
}

/**
 * Every exported class, function and callable variable lacking an example, grouped by module. Only
 * those declared in `packages` count, as TypeDoc's own `notDocumented` check does (the umbrella
 * re-exports names that are checked where they are declared).
 */
export function missingExamples(project, packages) {
  const missing = new Map();
  const total = new Map();
  const kinds = ReflectionKind.Class | ReflectionKind.Function | ReflectionKind.Variable;
  for (const reflection of project.getReflectionsByKind(kinds)) {
    if (reflection.kindOf(ReflectionKind.Variable) && !isCallableVariable(reflection)) continue;
    const symbolId = project.getSymbolIdFromReflection(reflection);
    if (symbolId && !packages.includes(symbolId.packageName)) continue;
    const module = moduleOf(reflection);
    total.set(module, (total.get(module) ?? 0) + 1);
    if (exampleFound(reflection)) continue;
    if (!missing.has(module)) missing.set(module, []);
    missing.get(module).push(reflection);
  }
  return { missing, total };
}

/** @param {Application} app */
export function load(app) {
  app.options.addDeclaration({
    name: 'examplesPending',
    help: 'Exports (as "module.name", e.g. "backend-cpu/src.cpu") allowed to lack an @example for now.',
    type: ParameterType.Array,
    defaultValue: [],
  });
  app.on(Application.EVENT_VALIDATE_PROJECT, (project) => {
    const packages = app.options.isSet('packagesRequiringDocumentation')
      ? app.options.getValue('packagesRequiringDocumentation')
      : [project.packageName];
    const { missing, total } = missingExamples(project, packages);
    const pending = new Set(app.options.getValue('examplesPending'));
    if (process.env.STRATA_EXAMPLES_REPORT === '1') {
      const rows = [...total.keys()].sort().map((module) => {
        const lacking = missing.get(module)?.length ?? 0;
        return `  ${module}: ${lacking} of ${total.get(module)} lack an @example`;
      });
      app.logger.info(`Exported classes and functions without an @example, per entry point:\n${rows.join('\n')}`);
    }
    for (const [module, reflections] of missing) {
      for (const reflection of reflections) {
        if (pending.has(reflection.getFriendlyFullName())) {
          app.logger.info(`${reflection.getFriendlyFullName()} still lacks an @example (listed in examplesPending)`);
          continue;
        }
        const kind = ReflectionKind.singularString(reflection.kind).toLowerCase();
        app.logger.error(
          `${module}: the exported ${kind} ${reflection.getFriendlyFullName()} has no @example block; ` +
            'add one to its doc comment (a short, runnable call with its result), or mark it @internal ' +
            'if it is plumbing no user calls.',
        );
      }
    }
  });
}
