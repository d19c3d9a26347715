import { nest } from '@strata/tensor';
// Keras 3 writes the ops of a functional graph that are not layers as entries of their op classes
// (`{module: 'keras.src.ops.numpy', class_name: 'NotEqual'}`): the mask an Embedding(mask_zero)
// passes on is such an op, `not_equal(ids, 0)`. Reading Keras 3, the ops Strata has become its own
// TensorOp entries; a plain number among their arguments becomes a constant of the tensor's dtype.
import { CONSTANT, KERAS_TENSOR, TENSOR_OP } from '@strata/models/internal';

/** Keras op class (module keras.src.ops.*) → @strata/tensor op name: elementwise ops of the same meaning. */
const KERAS_OPS: Record<string, string> = {
  Add: 'add',
  Subtract: 'sub',
  Multiply: 'mul',
  Divide: 'div',
  TrueDivide: 'div',
  Maximum: 'maximum',
  Minimum: 'minimum',
  Equal: 'equal',
  NotEqual: 'notEqual',
  Greater: 'greater',
  Less: 'less',
  Relu: 'relu',
  Sigmoid: 'sigmoid',
  Tanh: 'tanh',
};

/** Whether a Keras 3 entry (snake_case keys) is one of Keras's op classes. */
export function isKerasOpEntry(entry: Record<string, unknown>): boolean {
  return typeof entry.module === 'string' && entry.module.startsWith('keras.src.ops.');
}

/**
 * A Keras op entry (camelCase keys already) as a Strata TensorOp entry, or the entry unchanged when
 * Strata has no such op (loading then names the class as unknown).
 */
export function kerasOpAsTensorOp(entry: Record<string, unknown>): Record<string, unknown> {
  const op = KERAS_OPS[String(entry.className)];
  if (!op) return entry;
  const name = String(entry.name ?? (nest.isRecord(entry.config) ? entry.config.name : op));
  const nodes = (Array.isArray(entry.inboundNodes) ? entry.inboundNodes : []).map((node) => {
    if (!nest.isRecord(node) || !Array.isArray(node.args)) return node;
    const tensorArg = node.args.find((a) => nest.isRecord(a) && a.className === KERAS_TENSOR) as
      | Record<string, Record<string, unknown>>
      | undefined;
    const dtype = tensorArg?.config?.dtype ?? 'float32';
    const args = node.args.map((a) =>
      typeof a === 'number' || typeof a === 'boolean'
        ? { className: CONSTANT, config: { value: Number(a), dtype, shape: [] } }
        : a,
    );
    return { ...node, args };
  });
  return { className: TENSOR_OP, config: { name, op, attrs: {} }, name, inboundNodes: nodes };
}
