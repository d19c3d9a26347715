// Attention layers: dot-product (Luong), additive (Bahdanau) and multi-head.
export { Attention, type AttentionArgs, type AttentionCallOptions } from './attention';
export { AdditiveAttention, type AdditiveAttentionArgs } from './additive-attention';
export {
  MultiHeadAttention,
  type MultiHeadAttentionArgs,
  type MultiHeadAttentionCallOptions,
} from './multi-head-attention';
