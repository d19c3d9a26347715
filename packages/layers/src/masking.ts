import type { Tensor } from '@strata/tensor';
import { attachTo, engine } from '@strata/tensor/internal';

/**
 * Keras attaches `_keras_mask` to tensors; Strata keeps masks beside them. A mask a layer computed
 * lives as long as the tensors it describes: it is freed with the last of them (or tidied away with
 * them). A mask passed through unchanged is the same object, shared; a mask the caller made and
 * passed in stays the caller's to dispose.
 * Embedding(maskZero) sets one, RNNs and attention read it.
 */
const masks = new WeakMap<Tensor, Tensor>();

/**
 * The mask attached to a tensor by a masking layer (Embedding with `maskZero`, Masking), or null.
 *
 * @example
 * ```ts
 * const ids = tensor([[3, 7, 0, 0]], [1, 4], 'int32');
 * const vectors = new Embedding({ inputDim: 10, outputDim: 4, maskZero: true }).apply(ids);
 * maskOf(vectors); // [[true, true, false, false]]
 * ```
 */
export function maskOf(t: Tensor): Tensor | null {
  const m = masks.get(t);
  return m && !m.isDisposed ? m : null;
}

/**
 * Sets `t`'s mask. With `owned`, `t` takes ownership (a mask just computed for it); a mask other
 * tensors already own gains `t` as one more owner; otherwise the mask stays its creator's.
 *
 * @example
 * ```ts
 * // A layer that computes its own output mask sets it on the output:
 * setMask(output, notEqual(ids, 0), { owned: true });
 * ```
 */
export function setMask(t: Tensor, mask: Tensor | null, options: { owned?: boolean } = {}): void {
  if (!mask) {
    masks.delete(t);
    return;
  }
  if (masks.get(t) === mask) return;
  masks.set(t, mask);
  if (options.owned || engine.isAttached(mask)) attachTo(t, mask);
}
