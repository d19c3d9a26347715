import type { OpInput } from '../../convert';
import type { Tensor } from '../../tensor';
import { callReduction, reductionDef } from './define';

// Numbers go in as bool (x != 0, as NumPy reads them): on float input wasm's All/Any return garbage
// floats and webgpu's test `>= 1`, so 0.5 would count as false.
/** The op of {@link all}: its shape rule and kernel, the key of its gradient rule. */
export const allOp = reductionDef('all', {
  kernelName: 'All',
  compute: () => 'bool',
  result: () => 'bool',
  identity: () => 1,
});
/** The op of {@link any}: its shape rule and kernel, the key of its gradient rule. */
export const anyOp = reductionDef('any', {
  kernelName: 'Any',
  compute: () => 'bool',
  result: () => 'bool',
  identity: () => 0,
});

/**
 * Whether every element over `axis` is true (non-zero); true over nothing.
 * @example
 * ```ts
 * all(tensor([true, false])); // 0 (bool)
 * ```
 */
export function all(x: OpInput, axis?: number | readonly number[] | null, keepDims = false): Tensor {
  return callReduction(allOp, x, axis, keepDims);
}

/**
 * Whether some element over `axis` is true (non-zero); false over nothing.
 * @example
 * ```ts
 * any(tensor([true, false])); // 1 (bool)
 * ```
 */
export function any(x: OpInput, axis?: number | readonly number[] | null, keepDims = false): Tensor {
  return callReduction(anyOp, x, axis, keepDims);
}
