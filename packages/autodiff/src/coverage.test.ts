import * as strata from '@strata/tensor/internal';
import type { OpDef } from '@strata/tensor/internal';
import { gradientRegistry, stopGradientOp } from './internal';
import { gradientTables } from './testing';
import { CUSTOM_GRADIENT_OP } from './custom-gradient-op';

/** Every op definition @strata/tensor/internal exports (each family exports its `xOp`), and this package's own. */
function allOps(): string[] {
  const isOpDef = (v: unknown): v is OpDef<unknown> =>
    typeof v === 'object' &&
    v !== null &&
    typeof (v as OpDef<unknown>).name === 'string' &&
    typeof (v as OpDef<unknown>).infer === 'function' &&
    typeof (v as OpDef<unknown>).kernel === 'function';
  const names = new Set(
    Object.values(strata)
      .filter(isOpDef)
      .map((d) => d.name),
  );
  names.add(stopGradientOp.name);
  return [...names].sort();
}

const casesFor = (op: string) =>
  Object.values(gradientTables)
    .flat()
    .filter((c) => c.op === op);

describe('gradient registry coverage', () => {
  const ops = allOps();

  it('has an entry (a rule, or a reason it has none) for every op of @strata/tensor', () => {
    expect(ops.filter((op) => !gradientRegistry.has(op))).toEqual([]);
  });

  it('has a gradient case for every op with a rule', () => {
    const untested = ops.filter((op) => {
      const entry = gradientRegistry.get(op);
      return entry !== undefined && 'rule' in entry && casesFor(op).length === 0;
    });
    expect(untested).toEqual([]);
  });

  it('has no entry for an op that does not exist', () => {
    const known = new Set([...ops, CUSTOM_GRADIENT_OP]);
    expect([...gradientRegistry.keys()].filter((op) => !known.has(op))).toEqual([]);
  });

  it('tests only ops that have a rule', () => {
    const cases = Object.values(gradientTables).flat();
    expect(
      cases.filter((c) => !(gradientRegistry.get(c.op) && 'rule' in gradientRegistry.get(c.op)!)).map((c) => c.name),
    ).toEqual([]);
  });
});
