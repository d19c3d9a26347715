// Inputs by name, resolved through a model's graph: for apply and for the Trainer's predict.
import { Tensor } from '@strata/tensor';
import type { ModelInputs, ModelOutputs } from '@strata/training';
import { ModelError } from './errors';
import type { Model } from './model';

/** A model's inputs: one tensor, one per input in order, or an object keyed by input name. */
export type PredictInputs = ModelInputs;
/** What predict returns: one tensor, one per output, or a record for a model whose outputs were named. */
export type PredictOutputs = ModelOutputs;

/** The inputs as a list in the model's input order; `single` when the model takes one tensor. */
export function standardizeInputs(model: Model, x: PredictInputs, what: string): { list: Tensor[]; single: boolean } {
  if (x instanceof Tensor) return { list: [x], single: true };
  if (Array.isArray(x)) {
    x.forEach((t, i) => {
      if (!(t instanceof Tensor))
        throw new ModelError(`${what}: input ${i} must be a Tensor, received ${t === null ? 'null' : typeof t}`);
    });
    return { list: [...x], single: false };
  }
  if (x !== null && typeof x === 'object') {
    const graph = model.graph;
    if (!graph)
      throw new ModelError(
        `${what}: inputs keyed by name need a model whose inputs are known; pass a tensor or an array to model "${model.name}"`,
      );
    // A Functional made from a record of inputs takes them by the record's keys.
    const names =
      (model as { inputNames?: readonly string[] }).inputNames ?? graph.inputs.map((s) => graph.inputName(s));
    const given = Object.keys(x);
    const unknown = given.filter((k) => !names.includes(k));
    const missing = names.filter((n) => !(n in x));
    if (unknown.length || missing.length) {
      throw new ModelError(
        `${what}: model "${model.name}" has inputs ${names.map((n) => `"${n}"`).join(', ')}; received keys ${given.map((n) => `"${n}"`).join(', ')}` +
          (missing.length ? ` (missing ${missing.join(', ')})` : ''),
      );
    }
    const record = x as { readonly [k: string]: Tensor };
    return { list: names.map((n) => record[n]), single: names.length === 1 };
  }
  throw new ModelError(
    `${what}: expected a Tensor, an array of Tensors or an object of Tensors keyed by input name, received ${x === null ? 'null' : typeof x}`,
  );
}
