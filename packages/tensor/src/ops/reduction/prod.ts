import type { OpInput } from '../../convert';
import type { Tensor } from '../../tensor';
import { boolAsInt, callReduction, reductionDef } from './define';

// bool goes in as int32: wasm's Prod keeps the bool dtype and webgpu's does not, so neither is trusted.
/** The op of {@link prod}: its shape rule and kernel, the key of its gradient rule. */
export const prodOp = reductionDef('prod', {
  kernelName: 'Prod',
  compute: boolAsInt,
  result: boolAsInt,
  identity: () => 1,
});

/**
 * The product over `axis` (all axes if omitted); bools count as int32. The product of nothing is 1.
 * @example
 * ```ts
 * prod(tensor([2, 3, 4])); // 24
 * ```
 */
export function prod(x: OpInput, axis?: number | readonly number[] | null, keepDims = false): Tensor {
  return callReduction(prodOp, x, axis, keepDims);
}
