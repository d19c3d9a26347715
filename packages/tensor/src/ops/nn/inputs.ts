import { tensor, toTensor, type OpInput } from '../../convert';
import type { DType } from '../../dtype';
import type { SymbolicTensorLike } from '../../op';
import type { Tensor } from '../../tensor';

/**
 * Converts an op's tensor arguments, given as [name, value] pairs in input order; a third entry
 * gives the dtype JS arrays are read as (toTensor reads numbers as float32). If one fails, the
 * temporaries already made from the others are freed before the error propagates.
 */
export function opInputs(
  op: string,
  args: readonly (readonly [string, OpInput, DType?])[],
): { inputs: (Tensor | SymbolicTensorLike)[]; temps: Tensor[] } {
  const temps: Tensor[] = [];
  const convert = (name: string, value: OpInput, dtype?: DType) => {
    if (!dtype || !Array.isArray(value)) return toTensor(value, op, name, temps);
    const t = tensor(value, undefined, dtype);
    temps.push(t);
    return t;
  };
  try {
    return { inputs: args.map(([name, value, dtype]) => convert(name, value, dtype)), temps };
  } catch (e) {
    for (const t of temps) t.dispose();
    throw e;
  }
}
