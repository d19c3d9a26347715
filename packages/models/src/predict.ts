import { Tensor, clone, concat, slice, tidy } from '@strata/tensor';
import { ModelError } from './errors';
import { isRecord, toRecord } from './structure';
import type { Model } from './model';

/** A model's inputs: one tensor, one per input in order, or an object keyed by input name. */
export type PredictInputs = Tensor | readonly Tensor[] | { readonly [inputName: string]: Tensor };
/** What predict returns: one tensor, one per output, or a record for a model whose outputs were named. */
export type PredictOutputs = Tensor | Tensor[] | { [outputName: string]: Tensor };

export interface PredictOptions {
  /** Samples per batch (default 32). */
  batchSize?: number;
}

/** The inputs as a list in the model's input order; `single` when the model takes one tensor. */
export function standardizeInputs(model: Model, x: PredictInputs, what: string): { list: Tensor[]; single: boolean } {
  if (x instanceof Tensor) return { list: [x], single: true };
  if (Array.isArray(x)) {
    x.forEach((t, i) => {
      if (!(t instanceof Tensor)) throw new ModelError(`${what}: input ${i} must be a Tensor, received ${t === null ? 'null' : typeof t}`);
    });
    return { list: [...x], single: false };
  }
  if (x !== null && typeof x === 'object') {
    const graph = model.graph;
    if (!graph) throw new ModelError(`${what}: inputs keyed by name need a model whose inputs are known; pass a tensor or an array to model "${model.name}"`);
    // A Functional made from a record of inputs takes them by the record's keys.
    const names = (model as { inputNames?: readonly string[] }).inputNames ?? graph.inputs.map((s) => graph.inputName(s));
    const given = Object.keys(x);
    const unknown = given.filter((k) => !names.includes(k));
    const missing = names.filter((n) => !(n in x));
    if (unknown.length || missing.length) {
      throw new ModelError(`${what}: model "${model.name}" has inputs ${names.map((n) => `"${n}"`).join(', ')}; received keys ${given.map((n) => `"${n}"`).join(', ')}` + (missing.length ? ` (missing ${missing.join(', ')})` : ''));
    }
    const record = x as { readonly [k: string]: Tensor };
    return { list: names.map((n) => record[n]), single: names.length === 1 };
  }
  throw new ModelError(`${what}: expected a Tensor, an array of Tensors or an object of Tensors keyed by input name, received ${x === null ? 'null' : typeof x}`);
}

/** Runs `model` batch by batch in inference mode and concatenates each output over the batches. */
export function predict(model: Model, x: PredictInputs, options: PredictOptions = {}): PredictOutputs {
  const batchSize = options.batchSize ?? 32;
  if (!Number.isInteger(batchSize) || batchSize <= 0) throw new ModelError(`predict: batchSize must be a positive integer, received ${JSON.stringify(options.batchSize)}`);
  const { list, single } = standardizeInputs(model, x, 'predict');
  if (list.length === 0) throw new ModelError('predict: no inputs given');
  for (const t of list) {
    if (t.rank === 0) throw new ModelError(`predict: inputs need a batch axis, received a scalar`);
  }
  const n = list[0].shape[0];
  const sizes = list.map((t) => t.shape[0]);
  if (sizes.some((s) => s !== n)) throw new ModelError(`predict: every input must have the same number of samples (first axis), received ${sizes.join(', ')}`);

  let multiOutput = false;
  let keys: string[] | null = null;
  const chunks: Tensor[][] = [];
  for (let start = 0; start < n || (n === 0 && start === 0); start += batchSize) {
    const size = Math.min(batchSize, n - start);
    const outs = tidy(() => {
      const batch = n <= batchSize ? list : list.map((t) => slice(t, start, size));
      let y = (single ? model.apply(batch[0], { training: false }) : model.apply(batch, { training: false })) as PredictOutputs;
      if (isRecord(y)) {
        keys = Object.keys(y);
        y = keys.map((k) => (y as { [k: string]: Tensor })[k]);
      }
      multiOutput = Array.isArray(y);
      return (Array.isArray(y) ? y : [y as Tensor]).map((t) => (list.includes(t) ? clone(t) : t));
    });
    chunks.push(outs);
    if (n === 0) break;
  }
  const result =
    chunks.length === 1
      ? chunks[0]
      : chunks[0].map((_, k) => {
          const parts = chunks.map((c) => c[k]);
          const joined = concat(parts, 0);
          for (const p of parts) p.dispose();
          return joined;
        });
  if (keys) return toRecord(keys, result);
  return multiOutput ? result : result[0];
}
