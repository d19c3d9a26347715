// A model as TF.js "model artifacts" (what tfjs's IOHandlers save and load): the topology JSON and
// the weights, in memory. Files and handlers are in io.ts.
import { dispose, type Tensor, type Variable } from '@strata/tensor';
import type { Layer } from '@strata/layers';
import { SerializationError } from '../errors';
import { modelFromJSON } from '../config/model-json';
import type { LoadOptions } from '../config/deserialize';
import { tfjsTopology } from './topology';
import { checkSpecs, concatBuffers, decodeWeights, encodeWeights, type WeightSpec } from './weights';
import { tfjsWeightNames } from './weight-names';
import { encodeOptimizerState, restoreOptimizerState } from './optimizer-state';

/** tfjs-core's ModelArtifacts, the part of it the layers format uses. */
export interface TfjsModelArtifacts {
  /** The model's config (any dialect {@link modelFromJSON} reads). */
  modelTopology: object;
  /** Name, shape and dtype of each weight, in the order of `weightData`. */
  weightSpecs?: WeightSpec[];
  /** The weights' bytes, little-endian, one buffer or one per shard. */
  weightData?: ArrayBuffer | ArrayBuffer[];
  /** 'layers-model'. */
  format?: string;
  /** The library and version that wrote them. */
  generatedBy?: string;
  /** The converter that made them, null when written directly. */
  convertedBy?: string | null;
  /** The compile configuration, when saved with `includeOptimizer`. */
  trainingConfig?: object;
  /** Anything the saver added; kept, not read. */
  userDefinedMetadata?: Record<string, unknown>;
}

export const GENERATED_BY = 'Strata @strata/serialization 0.1.0';

/** Options of {@link saveTfjs} and {@link tfjsArtifacts}. */
export interface TfjsSaveOptions {
  /** Also save the training configuration and the optimizer's state (Adam, SGD), as tfjs's includeOptimizer. Default false. */
  includeOptimizer?: boolean;
}

/**
 * The model's TF.js artifacts: `model.json`'s topology and the weights as one buffer.
 * @example
 * ```ts
 * const { modelTopology, weightSpecs, weightData } = await tfjsArtifacts(model);
 * ```
 */
export async function tfjsArtifacts(
  model: Layer,
  options: TfjsSaveOptions = {},
): Promise<
  Required<Pick<TfjsModelArtifacts, 'modelTopology' | 'weightSpecs' | 'format' | 'generatedBy' | 'convertedBy'>> & {
    /** Every weight, in `weightSpecs` order, as one buffer. */
    weightData: ArrayBuffer;
    /** The compile configuration, with `includeOptimizer`. */
    trainingConfig?: object;
  }
> {
  const modelTopology = tfjsTopology(model);
  const names = tfjsWeightNames(model);
  const variables = model.weights;
  const list = variables.map((v) => names.get(v) ?? v.name);
  const dup = list.find((n, i) => list.indexOf(n) !== i);
  if (dup)
    throw new SerializationError(
      `model "${model.name}": two weights would both be saved as "${dup}"; give the layers distinct names`,
    );
  const { specs, data } = await encodeWeights(variables, list);
  const state = options.includeOptimizer ? encodeOptimizerState(model, names) : null;
  if (!state)
    return {
      modelTopology,
      weightSpecs: specs,
      weightData: data,
      format: 'layers-model',
      generatedBy: GENERATED_BY,
      convertedBy: null,
    };
  try {
    const extra = await encodeWeights([...state.tensors, ...state.variables], state.names, 'optimizer');
    return {
      modelTopology,
      weightSpecs: [...specs, ...extra.specs],
      weightData: concatBuffers([data, extra.data]),
      format: 'layers-model',
      generatedBy: GENERATED_BY,
      convertedBy: null,
      trainingConfig: state.trainingConfig,
    };
  } finally {
    dispose(state.tensors);
  }
}

/**
 * Assigns weights read from a file to a model: by name when every weight of the model is named in
 * the manifest (TF.js's own rule), else by position; counts and shapes must agree.
 */
export function assignWeights(model: Layer, specs: readonly WeightSpec[], tensors: readonly Tensor[]): void {
  const variables = model.weights;
  const names = tfjsWeightNames(model);
  const byName = new Map(specs.map((s, i) => [s.name, i]));
  const allNamed = variables.every((v) => byName.has(names.get(v)!));
  if (!allNamed && specs.length !== variables.length) {
    const missing = variables.filter((v) => !byName.has(names.get(v)!)).map((v) => names.get(v));
    throw new SerializationError(
      `model "${model.name}" has ${variables.length} weights, but the file holds ${specs.length}` +
        (missing.length ? ` and lacks ${missing.slice(0, 5).join(', ')}${missing.length > 5 ? ', ...' : ''}` : '') +
        `; the weights belong to another architecture`,
    );
  }
  if (allNamed && specs.length > variables.length) {
    const wanted = new Set(variables.map((v) => names.get(v)));
    const extra = specs.filter((s) => !wanted.has(s.name)).map((s) => s.name);
    throw new SerializationError(
      `the file holds ${specs.length} weights, but model "${model.name}" has ${variables.length}; ${extra.slice(0, 5).join(', ')}${extra.length > 5 ? ', ...' : ''} belong to no layer of it (as tfjs-layers, loading is strict)`,
    );
  }
  const picked = variables.map((v, i) => (allNamed ? byName.get(names.get(v)!)! : i));
  variables.forEach((v: Variable, i) => {
    const s = specs[picked[i]];
    if (s.shape.length !== v.shape.length || s.shape.some((d, k) => d !== v.shape[k])) {
      throw new SerializationError(
        `weight "${s.name}" has shape [${s.shape}] in the file, but the model's ${names.get(v)} has shape [${v.shape}] (from its config); the file's weights and config disagree`,
      );
    }
  });
  model.setWeights(picked.map((j) => tensors[j]));
}

/** Options of {@link modelFromTfjsArtifacts} and {@link loadTfjs}. */
export interface TfjsLoadOptions extends LoadOptions {
  /** Compile the model from the file's trainingConfig and restore the optimizer's state when saved (default true). */
  compile?: boolean;
}

/**
 * A model from TF.js artifacts: the topology (any dialect modelFromJSON reads), then the weights.
 * @example
 * ```ts
 * const artifacts = await tfjsArtifacts(model);
 * const copy = await modelFromTfjsArtifacts(artifacts); // same topology and weights
 * ```
 */
export async function modelFromTfjsArtifacts(
  artifacts: TfjsModelArtifacts,
  options: TfjsLoadOptions = {},
): Promise<Layer> {
  if (
    typeof artifacts !== 'object' ||
    artifacts === null ||
    typeof artifacts.modelTopology !== 'object' ||
    artifacts.modelTopology === null
  ) {
    throw new SerializationError(
      'the TF.js artifacts have no modelTopology; this is not a TF.js layers model (a graph model from tf.saved_model conversion needs tfjs-converter)',
    );
  }
  const model = modelFromJSON(artifacts.modelTopology, options);
  try {
    if (artifacts.weightSpecs === undefined || artifacts.weightData === undefined) {
      if (model.weights.length > 0)
        throw new SerializationError(
          `the artifacts have no weights, but model "${model.name}" has ${model.weights.length}`,
        );
      return model;
    }
    const specs = checkSpecs(artifacts.weightSpecs);
    const tensors = decodeWeights(specs, concatBuffers(artifacts.weightData));
    try {
      // The optimizer's state (tfjs's includeOptimizer) is a group of its own after the model's weights.
      const own = specs.map((s, i) => [s, tensors[i]] as const).filter(([s]) => s.group !== 'optimizer');
      const state = specs.map((s, i) => [s, tensors[i]] as const).filter(([s]) => s.group === 'optimizer');
      assignWeights(
        model,
        own.map(([s]) => s),
        own.map(([, t]) => t),
      );
      if (artifacts.trainingConfig && options.compile !== false) {
        restoreOptimizerState(
          model,
          artifacts.trainingConfig,
          state.map(([s]) => s),
          state.map(([, t]) => t),
          tfjsWeightNames(model),
          options.customObjects,
        );
      }
    } finally {
      dispose(tensors);
    }
  } catch (e) {
    model.dispose();
    throw e;
  }
  return model;
}
