// saveTfjs / loadTfjs: TF.js layers models in a folder (model.json + group1-shard*of*.bin), or through
// any tfjs IOHandler (tf.io.withSaveHandler, tf.io.fromMemory, browser handlers) without depending on tfjs.
import type { Layer } from '@strata/layers';
import { SerializationError } from '../errors';
import { nodeFs as loadNodeFs, nodePath, type NodeFs, type NodePath } from '../node-builtins';
import { parseJSON } from '../config/model-json';
import {
  modelFromTfjsArtifacts,
  tfjsArtifacts,
  type TfjsLoadOptions,
  type TfjsModelArtifacts,
  type TfjsSaveOptions,
} from './artifacts';
import { checkSpecs, concatBuffers, shard, type WeightsManifestGroup } from './weights';
import { writeTfjsFolder, type FolderWriteHooks } from './folder-write';

/** The parts of a tfjs IOHandler Strata uses. */
export interface TfjsIOHandler {
  /** Stores the artifacts (tfjs's `IOHandler.save`). */
  save?(artifacts: TfjsModelArtifacts): Promise<unknown>;
  /** Reads the artifacts back (tfjs's `IOHandler.load`). */
  load?(): Promise<TfjsModelArtifacts>;
}

/** The model.json of the TF.js layers format. */
export interface TfjsModelJSON {
  /** The model's config in the TF.js layers dialect (`model.toJSON()`'s). */
  modelTopology: object;
  /** The weight shards and the weights each holds, in order. */
  weightsManifest: WeightsManifestGroup[];
  /** The compile configuration, when saved with `includeOptimizer`. */
  trainingConfig?: object;
  /** 'layers-model'. */
  format?: string;
  /** The library and version that wrote the file. */
  generatedBy?: string;
  /** The converter that made it, null when written directly. */
  convertedBy?: string | null;
}

/** What {@link saveTfjs} resolves to: the model.json written, and the files. */
export interface SaveTfjsResult {
  /** The model.json as written. */
  modelJSON: TfjsModelJSON;
  /** Files written (folder targets). */
  files: string[];
}

function dirOf(target: string): string {
  return target.replace(/^file:\/\//, '');
}

async function nodeFs(): Promise<{ fs: NodeFs; path: NodePath }> {
  try {
    return { fs: await loadNodeFs('TF.js model paths'), path: await nodePath('TF.js model paths') };
  } catch (e) {
    throw new SerializationError(
      "paths need Node's file system; in a browser pass a tfjs IOHandler (tf.io.browserDownloads(), tf.io.withSaveHandler(...)) instead",
      { cause: e },
    );
  }
}

/**
 * Saves a Sequential or Functional model in TF.js's layers format: to a folder (`model.json` and
 * `group1-shard1of1.bin`, more shards above 4 MiB), or to a tfjs IOHandler. tfjs-layers'
 * `tf.loadLayersModel` reads the result.
 * @example
 * ```ts
 * await saveTfjs(model, 'out/mlp'); // out/mlp/model.json + group1-shard1of1.bin (Node)
 * await saveTfjs(model, tf.io.browserLocalStorage('mlp')); // any tfjs IOHandler
 * ```
 */
export async function saveTfjs(
  model: Layer,
  target: string | TfjsIOHandler,
  options: TfjsSaveOptions = {},
): Promise<SaveTfjsResult> {
  const artifacts = await tfjsArtifacts(model, options);
  if (typeof target !== 'string') {
    if (!target || typeof target.save !== 'function')
      throw new SerializationError('saveTfjs: expected a folder path or an IOHandler with save(artifacts)');
    await target.save(artifacts);
    const modelJSON = {
      modelTopology: artifacts.modelTopology,
      weightsManifest: [{ paths: ['weights.bin'], weights: artifacts.weightSpecs }],
      format: artifacts.format,
      generatedBy: artifacts.generatedBy,
      convertedBy: null,
      ...(artifacts.trainingConfig ? { trainingConfig: artifacts.trainingConfig } : {}),
    };
    return { modelJSON, files: [] };
  }
  return saveTfjsFolder(artifacts, dirOf(target), {});
}

/**
 * @internal The folder half of saveTfjs, with the writer's test hooks. A model already in the folder
 * is replaced atomically: a reader (or a save killed at any moment) sees the old model or the new one.
 */
export async function saveTfjsFolder(
  artifacts: Awaited<ReturnType<typeof tfjsArtifacts>>,
  dir: string,
  hooks: FolderWriteHooks,
): Promise<SaveTfjsResult> {
  const { fs, path } = await nodeFs();
  const { paths: shardPaths, shards } = shard(concatBuffers(artifacts.weightData));
  const json = (paths: string[]): TfjsModelJSON => ({
    modelTopology: artifacts.modelTopology,
    weightsManifest: [{ paths, weights: artifacts.weightSpecs }],
    format: artifacts.format,
    generatedBy: artifacts.generatedBy,
    convertedBy: null,
    ...(artifacts.trainingConfig ? { trainingConfig: artifacts.trainingConfig } : {}),
  });
  const { files, paths } = await writeTfjsFolder(fs, path, dir, shardPaths, shards, json, hooks);
  return { modelJSON: json(paths), files };
}

/** Artifacts from a model.json object and a function that reads each weight file it names. */
export async function artifactsFromModelJSON(
  json: unknown,
  readFile: (path: string) => Promise<ArrayBuffer>,
): Promise<TfjsModelArtifacts> {
  const obj = json as Partial<TfjsModelJSON>;
  if (typeof obj !== 'object' || obj === null || typeof obj.modelTopology !== 'object' || obj.modelTopology === null) {
    throw new SerializationError(
      `model.json has no "modelTopology" object; expected TF.js's layers format {modelTopology, weightsManifest}`,
    );
  }
  if (obj.format !== undefined && obj.format !== 'layers-model') {
    throw new SerializationError(
      `model.json is a TF.js "${obj.format}", not a "layers-model"; graph models need tfjs-converter, not a layers loader`,
    );
  }
  const groups = obj.weightsManifest ?? [];
  if (!Array.isArray(groups))
    throw new SerializationError(
      `model.json's weightsManifest must be a list of {paths, weights}, received ${JSON.stringify(groups)?.slice(0, 100)}`,
    );
  const specs = [];
  const buffers: ArrayBuffer[] = [];
  for (const [g, group] of groups.entries()) {
    if (!group || !Array.isArray(group.paths) || group.paths.some((p) => typeof p !== 'string'))
      throw new SerializationError(`weightsManifest[${g}].paths must be a list of file names`);
    specs.push(...checkSpecs(group.weights));
    for (const p of group.paths) buffers.push(await readFile(p));
  }
  return {
    modelTopology: obj.modelTopology,
    weightSpecs: specs,
    weightData: buffers,
    format: obj.format,
    generatedBy: obj.generatedBy,
    ...(obj.trainingConfig ? { trainingConfig: obj.trainingConfig } : {}),
  };
}

/**
 * Loads a TF.js layers model: from a folder or a model.json path (weight files beside it), from a
 * tfjs IOHandler (`tf.io.fromMemory(...)`), or from artifacts in memory. The topology may be written
 * by tfjs-layers, the tfjs converter (Keras 2 JSON) or Strata; weights are matched by name, else by
 * position, with counts and shapes checked. Nothing in the file is evaluated.
 * @example
 * ```ts
 * const model = await loadTfjs('out/mlp/model.json');
 * ```
 */
export async function loadTfjs(
  source: string | TfjsIOHandler | TfjsModelArtifacts,
  options: TfjsLoadOptions = {},
): Promise<Layer> {
  if (typeof source === 'string') {
    const { fs, path } = await nodeFs();
    let file = dirOf(source);
    const stat = await fs.stat(file).catch(() => null);
    if (!stat) throw new SerializationError(`loadTfjs: no file or folder at ${JSON.stringify(file)}`);
    if (stat.isDirectory()) file = path.join(file, 'model.json');
    const dir = path.dirname(file);
    const json = parseJSON(await fs.readFile(file, 'utf8'), file);
    const artifacts = await artifactsFromModelJSON(json, async (p) => {
      // A manifest names files beside model.json, never elsewhere.
      if (path.isAbsolute(p) || p.split(/[\\/]/).includes('..'))
        throw new SerializationError(
          `model.json names the weight file ${JSON.stringify(p)} outside its folder; refusing to read it`,
        );
      const bytes = await fs.readFile(path.join(dir, p)).catch((e: unknown) => {
        throw new SerializationError(
          `model.json names the weight file ${JSON.stringify(p)}, which cannot be read in ${dir}: ${(e as Error).message}`,
        );
      });
      return concatBuffers(bytes);
    });
    return modelFromTfjsArtifacts(artifacts, options);
  }
  if (source && typeof (source as TfjsIOHandler).load === 'function')
    return modelFromTfjsArtifacts(await (source as TfjsIOHandler).load!(), options);
  if (source && typeof (source as TfjsModelArtifacts).modelTopology === 'object')
    return modelFromTfjsArtifacts(source as TfjsModelArtifacts, options);
  throw new SerializationError(
    'loadTfjs: expected a folder or model.json path, a tfjs IOHandler with load(), or {modelTopology, weightSpecs, weightData}',
  );
}
