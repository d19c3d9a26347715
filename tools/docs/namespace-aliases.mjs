// A TypeDoc plugin (loaded from typedoc.json's `plugin`): a namespace member that only aliases a declaration
// (`export const Dense = L.Dense`, `export type Dense = L.Dense`, also through a module-level `const X_ = I.X`)
// takes that declaration's doc comment. The Keras-style namespaces (training's `losses`/`metrics`, the umbrella's)
// are TypeScript namespaces of such aliases because rollup-plugin-dts keeps classes usable as types only that
// way (it does not support `export import X = I.X` inside a namespace), and without this plugin each member would
// need a copy of the comment of the class or function it names.
import { Converter, ReflectionKind } from 'typedoc';
import ts from 'typescript';

/** The declaration an alias chain ends at: const/type aliases and import aliases are followed, at most 8 hops. */
export function aliasTarget(checker, symbol) {
  let current = symbol;
  for (let hop = 0; current && hop < 8; hop++) {
    if (current.flags & ts.SymbolFlags.Alias) {
      current = checker.getAliasedSymbol(current);
      continue;
    }
    const declaration = current.declarations?.[0];
    let next;
    if (declaration && ts.isVariableDeclaration(declaration) && declaration.initializer) {
      const init = declaration.initializer;
      if (ts.isIdentifier(init) || ts.isPropertyAccessExpression(init)) next = init;
    } else if (declaration && ts.isTypeAliasDeclaration(declaration) && ts.isTypeReferenceNode(declaration.type)) {
      if (!declaration.type.typeArguments) next = declaration.type.typeName;
    }
    if (!next) return hop === 0 ? undefined : current;
    const found = checker.getSymbolAtLocation(ts.isPropertyAccessExpression(next) ? next.name : next);
    if (!found) return hop === 0 ? undefined : current;
    current = found;
  }
  return current === symbol ? undefined : current;
}

/** The doc comment of the declaration a symbol names (a function's lives on its signature). */
function commentOf(context, symbol) {
  const declaration = symbol.declarations?.[0];
  if (!declaration) return undefined;
  if (ts.isFunctionDeclaration(declaration)) return context.getSignatureComment(declaration);
  const flags = symbol.flags;
  const kind =
    flags & ts.SymbolFlags.Class
      ? ReflectionKind.Class
      : flags & ts.SymbolFlags.Interface
        ? ReflectionKind.Interface
        : flags & ts.SymbolFlags.TypeAlias
          ? ReflectionKind.TypeAlias
          : ReflectionKind.Variable;
  return context.getComment(symbol, kind);
}

/** @param {import('typedoc').Application} app */
export function load(app) {
  app.converter.on(Converter.EVENT_CREATE_DECLARATION, (context, reflection) => {
    if (reflection.comment || !reflection.parent?.kindOf(ReflectionKind.Namespace)) return;
    if (!reflection.kindOf(ReflectionKind.Variable | ReflectionKind.TypeAlias)) return;
    const symbol = context.getSymbolFromReflection(reflection);
    const target = symbol && aliasTarget(context.checker, symbol);
    const comment = target && commentOf(context, target);
    if (comment) reflection.comment = comment.clone();
  });
}
