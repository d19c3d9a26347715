import { Tensor } from '@strata/tensor';
import { fmtShape } from '@strata/tensor/internal';
import { TrainingError, describeValue } from '../errors';
import type { Targets, Trainable } from './trainable';

/** The outputs of one call, flattened, with the names losses, metrics and logs use for them. */
export interface OutputList {
  kind: 'single' | 'list' | 'dict';
  names: string[];
  tensors: Tensor[];
}

/** Flattens a model's output (a tensor, a list, or named tensors), checking each is a tensor. */
export function flattenOutputs(yPred: unknown, model: Trainable): OutputList {
  if (yPred instanceof Tensor) return { kind: 'single', names: [model.outputNames?.[0] ?? 'output'], tensors: [yPred] };
  if (Array.isArray(yPred)) {
    yPred.forEach((t, i) => {
      if (!(t instanceof Tensor))
        throw new TrainingError(
          `the model returned ${describeValue(t)} as output ${i}; a model must return a Tensor, an array of Tensors or a record of Tensors`,
        );
    });
    if (yPred.length === 1) return { kind: 'single', names: [model.outputNames?.[0] ?? 'output'], tensors: [yPred[0]] };
    const names = yPred.map((_, i) => model.outputNames?.[i] ?? `output_${i + 1}`);
    return { kind: 'list', names, tensors: yPred as Tensor[] };
  }
  if (yPred && typeof yPred === 'object') {
    const entries = Object.entries(yPred as Record<string, unknown>);
    for (const [k, t] of entries) {
      if (!(t instanceof Tensor))
        throw new TrainingError(
          `the model returned ${describeValue(t)} as output '${k}'; a model must return a Tensor, an array of Tensors or a record of Tensors`,
        );
    }
    return { kind: 'dict', names: entries.map(([k]) => k), tensors: entries.map(([, t]) => t as Tensor) };
  }
  throw new TrainingError(
    `the model returned ${describeValue(yPred)}; a model must return a Tensor, an array of Tensors or a record of Tensors`,
  );
}

/** Labels (or sample weights) lined up with the outputs: one per output, null where none was given. */
export function alignTargets(y: Targets | null | undefined, outputs: OutputList, what: string): (Tensor | null)[] {
  const n = outputs.tensors.length;
  if (y === null || y === undefined) return new Array(n).fill(null);
  if (y instanceof Tensor) {
    if (n === 1 || what === 'sampleWeight') return new Array(n).fill(y);
    throw new TrainingError(
      `${what} is one tensor (shape ${fmtShape(y.shape)}) but the model has ${n} outputs (${outputs.names.join(', ')}); pass an array of ${n} or a record keyed by output name`,
    );
  }
  if (Array.isArray(y)) {
    if (y.length !== n) {
      throw new TrainingError(
        `${what} has ${y.length} entries but the model has ${n} output(s) (${outputs.names.join(', ')}); pass one per output`,
      );
    }
    return y.map((t, i) => checkTarget(t, `${what}[${i}]`));
  }
  if (typeof y === 'object') {
    const record = y as Record<string, Tensor | null>;
    const unknown = Object.keys(record).filter((k) => !outputs.names.includes(k));
    if (unknown.length)
      throw new TrainingError(
        `${what} has entries ${JSON.stringify(unknown)} that name no output; the outputs are ${outputs.names.join(', ')}`,
      );
    if (outputs.kind === 'single' && !(outputs.names[0] in record)) {
      throw new TrainingError(`${what} is a record but the model has one output named '${outputs.names[0]}'`);
    }
    return outputs.names.map((name) => checkTarget(record[name] ?? null, `${what}.${name}`));
  }
  throw new TrainingError(
    `${what} must be a Tensor, an array of Tensors or a record of Tensors, received ${describeValue(y)}`,
  );
}

function checkTarget(t: unknown, what: string): Tensor | null {
  if (t === null || t === undefined) return null;
  if (!(t instanceof Tensor)) throw new TrainingError(`${what} must be a Tensor, received ${describeValue(t)}`);
  return t;
}

/** Resolves a per-output option (one value for all, an array by position, or a record by name) to one entry per output. */
export function perOutput<T>(
  config: T | readonly T[] | Readonly<Record<string, T>> | null | undefined,
  outputs: OutputList,
  what: string,
  isSingle: (x: unknown) => boolean,
): (T | null)[] {
  const n = outputs.tensors.length;
  if (config === null || config === undefined) return new Array(n).fill(null);
  if (isSingle(config)) return new Array(n).fill(config as T);
  if (Array.isArray(config)) {
    if (config.length !== n)
      throw new TrainingError(
        `compile: ${what} has ${config.length} entries but the model has ${n} output(s) (${outputs.names.join(', ')}); pass one per output, or a record keyed by output name`,
      );
    return config.map((c) => c ?? null);
  }
  const record = config as Record<string, T>;
  const unknown = Object.keys(record).filter((k) => !outputs.names.includes(k));
  if (unknown.length)
    throw new TrainingError(
      `compile: ${what} names ${JSON.stringify(unknown)}, which are not outputs of the model; its outputs are ${outputs.names.join(', ')}`,
    );
  return outputs.names.map((name) => record[name] ?? null);
}
