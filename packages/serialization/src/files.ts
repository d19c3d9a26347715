// saveModel / loadModel / saveModelWeights / loadModelWeights: the file front door. Paths choose the
// format by their name (`.keras` → Keras 3 archive; a folder or `model.json` → TF.js layers format;
// `.weights.h5` → Keras 3 weights); bytes, Blobs and URLs are read by their content.
import type { Layer } from '@strata/layers';
import { Model } from '@strata/models';
import { exportOnnx, type OnnxExportOptions } from '@strata/onnx';
import { parseJSON } from './config';
import type { CustomObjects } from './registry';
import { loadTfjs, tfjsArtifacts } from './tfjs';
import { saveTfjsFolder } from './tfjs/io';
import type { FolderWriteHooks } from './tfjs/folder-write';
import { isHdf5 } from './h5/h5-file';
import { decodeKerasArchive, encodeKerasArchive } from './keras/archive';
import { decodeWeights, encodeWeights } from './keras/weights-h5';
import { decodeLegacyH5Model } from './keras/legacy-h5-model';
import { encodeLegacyH5Model } from './keras/legacy-h5-save';
import { decodeLegacyWeights, type LegacyWeightsOptions } from './keras/legacy-h5-weights';
import { writeFileAtomic } from './safety/atomic-write';
import { scanConfig } from './safety/config-scan';
import { ModelFileError, messageOf } from './safety/errors';
import { nodeFs as loadNodeFs, type NodeFs } from './node-builtins';
import { withDefaults, type LoadLimits } from './safety/limits';
import { extractZipEntry, listZip } from './zip/zip';

/** Where a model or weights file comes from: a path (Node), a `file:`/`http(s):` URL, bytes or a Blob. */
export type ModelSource = string | URL | Uint8Array | ArrayBuffer | Blob;

/** Options of {@link saveModel}. */
export interface SaveModelOptions {
  /**
   * 'keras' (a `.keras` archive), 'tfjs' (a folder with model.json) or 'onnx' (an `.onnx` file for
   * ONNX Runtime, inference only: see @strata/onnx); default: from the path.
   */
  format?: 'keras' | 'tfjs' | 'onnx';
  /** How an `.onnx` file is written (opset, dynamic batch axis). */
  onnx?: OnnxExportOptions;
  /** Save the compile configuration and the optimizer's state (Keras format; default true). */
  includeOptimizer?: boolean;
}

/** Options of {@link loadModel}. */
export interface LoadModelOptions {
  /** Classes and functions the file may name besides registered ones: `{ MyLayer, my_activation }`. */
  customObjects?: CustomObjects;
  /** Refuse Lambda layers except by the name of a registered function (default true). */
  safeMode?: boolean;
  /** Compile the model from the saved compile configuration and restore the optimizer (default true). */
  compile?: boolean;
  /** Bounds on what the file may make the loader allocate. */
  limits?: LoadLimits;
}

async function nodeFs(what: string): Promise<NodeFs> {
  try {
    return await loadNodeFs(what);
  } catch (e) {
    throw new ModelFileError(
      `${what}: file paths need Node's file system; in a browser pass bytes, a Blob or a URL instead`,
      { cause: e },
    );
  }
}

function pathOf(target: string | URL): string {
  if (target instanceof URL) {
    if (target.protocol !== 'file:')
      throw new ModelFileError(`expected a file path or a file: URL to save to, received ${target.href}`);
    return decodeURIComponent(target.pathname);
  }
  return target.startsWith('file://') ? decodeURIComponent(new URL(target).pathname) : target;
}

/**
 * Saves a model: `saveModel(model, 'model.keras')` writes a Keras 3 archive (loadable by Keras 3's
 * `keras.saving.load_model`), `saveModel(model, 'dir/')` or `'dir/model.json'` the TF.js layers
 * format. A `.keras` file, and a model in a TF.js folder, are replaced atomically: until the new one
 * is complete, the old one stays.
 * Where there is no file system (a browser): `await saveModel(model)` resolves to the archive's
 * bytes (`new Blob([bytes])` to download it), and an `http(s):` URL receives them in a POST.
 * @example
 * ```ts
 * await saveModel(model, 'mlp.keras'); // Node: a .keras archive Keras 3 loads
 * const bytes = await saveModel(model); // anywhere: the archive's bytes
 * ```
 */
export async function saveModel(model: Layer, target: string | URL, options?: SaveModelOptions): Promise<void>;
export async function saveModel(
  model: Layer,
  target?: undefined,
  options?: SaveModelOptions,
): Promise<Uint8Array<ArrayBuffer>>;
export async function saveModel(
  model: Layer,
  target?: string | URL,
  options: SaveModelOptions = {},
): Promise<void | Uint8Array> {
  if (target === undefined) {
    if (options.format === 'tfjs')
      throw new ModelFileError(
        "saveModel: without a target the model is returned as a .keras archive's bytes; for the TF.js format in memory use tfjsArtifacts(model) or saveTfjs(model, handler)",
      );
    if (options.format === 'onnx') {
      throw new ModelFileError(
        "saveModel: without a target the model is returned as a .keras archive's bytes; " +
          'for ONNX bytes in memory use exportOnnx(model)',
      );
    }
    // A fresh array over its own ArrayBuffer, so `new Blob([bytes])` type-checks and copies nothing else.
    return (await encodeKerasArchive(model, { includeOptimizer: options.includeOptimizer })) as Uint8Array<ArrayBuffer>;
  }
  const url = target instanceof URL ? target : /^https?:\/\//.test(target) ? new URL(target) : null;
  if (url && url.protocol !== 'file:') return uploadArchive(model, url, options);
  return saveModelWithHooks(model, target, options, {});
}

/** POSTs the `.keras` archive to an http(s) URL (a server that stores uploads), as tfjs's `http://` saver posts its files. */
async function uploadArchive(model: Layer, url: URL, options: SaveModelOptions): Promise<void> {
  if (url.protocol !== 'http:' && url.protocol !== 'https:')
    throw new ModelFileError(`saveModel: expected a path, a file:, http: or https: URL, received ${url.href}`);
  if (options.format === 'tfjs')
    throw new ModelFileError(
      `saveModel: to a URL a model is sent as a .keras archive; for the TF.js format use saveTfjs(model, tf.io.http('${url.href}'))`,
    );
  const bytes = await encodeKerasArchive(model, { includeOptimizer: options.includeOptimizer });
  let response: Response;
  try {
    response = await fetch(url, {
      method: 'POST',
      body: bytes as Uint8Array<ArrayBuffer>,
      headers: { 'content-type': 'application/octet-stream' },
    });
  } catch (e) {
    throw new ModelFileError(`saveModel: could not send the model to ${url.href}: ${messageOf(e)}`, { cause: e });
  }
  if (!response.ok)
    throw new ModelFileError(`saveModel: ${url.href} answered ${response.status} ${response.statusText} to the upload`);
  await response.body?.cancel().catch(() => undefined);
}

/** @internal saveModel with the atomic writer's test hooks. */
export async function saveModelWithHooks(
  model: Layer,
  target: string | URL,
  options: SaveModelOptions,
  hooks: FolderWriteHooks,
): Promise<void> {
  const path = pathOf(target);
  const format = options.format ?? (path.endsWith('.keras') ? 'keras' : path.endsWith('.onnx') ? 'onnx' : 'tfjs');
  if (format === 'onnx') {
    if (!(model instanceof Model)) {
      throw new ModelFileError(
        `saveModel: an .onnx file holds a model; ${JSON.stringify(model.name)} is a bare layer. ` +
          'Wrap it: new Sequential([input({ shape }), layer])',
      );
    }
    return writeFileAtomic(path, await exportOnnx(model, options.onnx), hooks);
  }
  if (format === 'keras') {
    if (!path.endsWith('.keras'))
      throw new ModelFileError(
        `saveModel: a Keras archive's name must end in .keras (Keras refuses others), received ${JSON.stringify(path)}`,
      );
    const bytes = await encodeKerasArchive(model, { includeOptimizer: options.includeOptimizer });
    return writeFileAtomic(path, bytes, hooks);
  }
  if (/\.(h5|hdf5)$/.test(path)) {
    // Keras's legacy format, for programs that still read it; .keras is the format Keras recommends.
    return writeFileAtomic(path, await encodeLegacyH5Model(model, options.includeOptimizer ?? true), hooks);
  }
  const dir = path.endsWith('model.json') ? path.slice(0, -'model.json'.length) || '.' : path;
  await saveTfjsFolder(await tfjsArtifacts(model), dir, hooks);
}

/** The largest file the loader reads whole: a weights file at the limit plus its two JSON files. */
function fileLimit(limits: Required<LoadLimits>): number {
  return limits.maxWeightsBytes + 2 * limits.maxJsonBytes + (1 << 20);
}

async function readBounded(source: Exclude<ModelSource, string>, max: number, what: string): Promise<Uint8Array> {
  if (source instanceof Uint8Array) return source;
  if (source instanceof ArrayBuffer) return new Uint8Array(source);
  if (typeof Blob !== 'undefined' && source instanceof Blob) {
    if (source.size > max) throw new ModelFileError(`${what} is ${source.size} bytes, more than the limit of ${max}`);
    return new Uint8Array(await source.arrayBuffer());
  }
  if (source instanceof URL) {
    if (source.protocol === 'file:') return readPath(decodeURIComponent(source.pathname), max, what);
    return fetchBounded(source, max, what);
  }
  throw new ModelFileError(
    `${what}: expected a path, a URL, bytes (Uint8Array, ArrayBuffer) or a Blob, received ${source === null ? 'null' : typeof source}`,
  );
}

async function fetchBounded(url: URL, max: number, what: string): Promise<Uint8Array> {
  let response: Response;
  try {
    response = await fetch(url);
  } catch (e) {
    throw new ModelFileError(`${what}: could not fetch ${url.href}: ${messageOf(e)}`, { cause: e });
  }
  if (!response.ok)
    throw new ModelFileError(`${what}: fetching ${url.href} answered ${response.status} ${response.statusText}`);
  const declared = Number(response.headers.get('content-length') ?? NaN);
  if (declared > max) {
    await response.body?.cancel().catch(() => undefined);
    throw new ModelFileError(`${what}: ${url.href} is ${declared} bytes, more than the limit of ${max}`);
  }
  const reader = response.body?.getReader();
  if (!reader) return new Uint8Array(await response.arrayBuffer());
  const chunks: Uint8Array[] = [];
  let total = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    total += value.length;
    if (total > max) {
      await reader.cancel();
      throw new ModelFileError(`${what}: ${url.href} sent more than the limit of ${max} bytes`);
    }
    chunks.push(value);
  }
  const out = new Uint8Array(total);
  let at = 0;
  for (const c of chunks) {
    out.set(c, at);
    at += c.length;
  }
  return out;
}

async function readPath(path: string, max: number, what: string): Promise<Uint8Array> {
  const fs = await nodeFs(what);
  const stat = await fs.stat(path).catch(() => null);
  if (!stat) throw new ModelFileError(`${what}: no file at ${JSON.stringify(path)}`);
  if (!stat.isFile()) throw new ModelFileError(`${what}: ${JSON.stringify(path)} is not a file`);
  if (stat.size > max)
    throw new ModelFileError(
      `${what}: ${path} is ${stat.size} bytes, more than the limit of ${max} (raise limits.maxWeightsBytes if the file is trusted)`,
    );
  return new Uint8Array(await fs.readFile(path));
}

const isZip = (b: Uint8Array) => b.length >= 4 && b[0] === 0x50 && b[1] === 0x4b && b[2] === 0x03 && b[3] === 0x04;

/**
 * Loads a model saved by saveModel, by Keras 3 (`.keras`) or by TF.js (`model.json` and weights).
 * Nothing in the file is evaluated; a broken or hostile file raises a StrataError saying what is
 * wrong. `safeMode` (default true) refuses Lambda layers that do not name a registered function.
 * @example
 * ```ts
 * const model = await loadModel('mlp.keras'); // or bytes, a Blob, a file: or https: URL
 * ```
 */
export async function loadModel(source: ModelSource, options: LoadModelOptions = {}): Promise<Model> {
  const what = typeof source === 'string' ? source : source instanceof URL ? source.href : 'the model file';
  const loaded = await loadAnything(source, options, what);
  if (loaded instanceof Model) return loaded;
  const kind = (loaded.constructor as { className?: string }).className ?? loaded.constructor.name;
  loaded.dispose();
  throw new ModelFileError(
    `${what} holds a ${kind} layer, not a model; save a model (Sequential, Functional or a Model subclass), or rebuild a lone layer from its config with deserializeObject`,
  );
}

async function loadAnything(source: ModelSource, options: LoadModelOptions, what: string): Promise<Layer> {
  const limits = withDefaults(options.limits);
  const byContent = (p: string) => p.startsWith('file://') || /\.(keras|h5|hdf5)$/.test(p);
  if (typeof source === 'string' && !byContent(source)) {
    return loadTfjsPath(source, options, limits);
  }
  const bytes =
    typeof source === 'string'
      ? await readPath(pathOf(source), fileLimit(limits), what)
      : await readBounded(source, fileLimit(limits), what);
  if (isZip(bytes)) return decodeKerasArchive(bytes, { ...options, what });
  if (isHdf5(bytes)) return decodeLegacyH5Model(bytes, { ...options, what });
  throw new ModelFileError(
    `${what} is not a .keras archive (it does not start with a zip signature); pass a .keras file, or a TF.js model.json path`,
  );
}

async function loadTfjsPath(path: string, options: LoadModelOptions, limits: Required<LoadLimits>): Promise<Layer> {
  const fs = await nodeFs('loadModel');
  const stat = await fs.stat(path).catch(() => null);
  if (!stat) throw new ModelFileError(`loadModel: no file or folder at ${JSON.stringify(path)}`);
  const json = stat.isDirectory() ? `${path.replace(/\/+$/, '')}/model.json` : path;
  if (stat.isFile() && !path.endsWith('.json')) {
    const head = await readPath(path, fileLimit(limits), path);
    if (isZip(head)) return decodeKerasArchive(head, { ...options, what: path });
    if (isHdf5(head)) return decodeLegacyH5Model(head, { ...options, what: path });
    throw new ModelFileError(
      `loadModel: cannot tell the format of ${JSON.stringify(path)}; name a .keras file, a TF.js model.json, or the folder holding it`,
    );
  }
  // Scan the topology as for .keras configs before the TF.js loader builds anything from it.
  const text = new TextDecoder().decode(await readPath(json, limits.maxJsonBytes, json));
  const parsed = parseJSON(text, json) as { modelTopology?: unknown };
  scanConfig(parsed?.modelTopology ?? parsed, {
    safeMode: options.safeMode ?? true,
    maxDimension: limits.maxDimension,
    what: json,
  });
  return loadTfjs(json, { customObjects: options.customObjects });
}

type WeightsSaveOptions = { includeOptimizer?: boolean };
/**
 * Saves a model's weights (and, when it is compiled, its optimizer's state) as a Keras 3 weights
 * file, which Keras's `model.load_weights('x.weights.h5')` reads. Replaced atomically. Without a
 * path (a browser) it resolves to the file's bytes, which loadModelWeights reads back.
 * @example
 * ```ts
 * await saveModelWeights(model, 'mlp.weights.h5'); // Node
 * const bytes = await saveModelWeights(model); // anywhere
 * ```
 */
export async function saveModelWeights(model: Layer, path: string | URL, options?: WeightsSaveOptions): Promise<void>;
/** Without a path: resolves to the bytes of the `.weights.h5` file. */
export async function saveModelWeights(
  model: Layer,
  path?: undefined,
  options?: WeightsSaveOptions,
): Promise<Uint8Array<ArrayBuffer>>;
export async function saveModelWeights(
  model: Layer,
  path?: string | URL,
  options: WeightsSaveOptions = {},
): Promise<void | Uint8Array> {
  const file = path === undefined ? undefined : pathOf(path);
  if (file !== undefined && !file.endsWith('.weights.h5')) {
    throw new ModelFileError(
      `saveModelWeights: the file name must end in .weights.h5 (as Keras requires), received ${JSON.stringify(file)}`,
    );
  }
  const optimizer = (options.includeOptimizer ?? true) && model instanceof Model ? model.optimizer : null;
  const bytes = await encodeWeights(model, optimizer);
  if (file === undefined) return bytes as Uint8Array<ArrayBuffer>;
  await writeFileAtomic(file, bytes);
}

/** Options of loadModelWeights; `byName` and `skipMismatch` apply to legacy `.h5` weights, as in Keras. */
export interface LoadWeightsOptions extends LegacyWeightsOptions {
  /** Restore the optimizer's state too when the model is compiled and the file holds it; default true. */
  includeOptimizer?: boolean;
  /** Bounds on what the file may ask for (sizes, counts); defaults as {@link loadModel}'s. */
  limits?: LoadLimits;
}

/**
 * Loads weights into a model from a `.weights.h5` file or the weights of a `.keras` archive, each
 * layer's checked by path, count and shape before any is assigned. The optimizer's state is
 * restored too when the model is compiled and the file holds it. Legacy `.h5` weights (Keras 2's
 * `save_weights`, `model.save('x.h5')`, `keras.applications` files) are matched layer by layer in
 * order, or by layer name with `byName`.
 * @example
 * ```ts
 * await loadModelWeights(model, 'mlp.weights.h5');
 * await loadModelWeights(model, 'mobilenet_v2.h5', { byName: true, skipMismatch: true });
 * ```
 */
export async function loadModelWeights(
  model: Layer,
  source: ModelSource,
  options: LoadWeightsOptions = {},
): Promise<void> {
  const limits = withDefaults(options.limits);
  const what = typeof source === 'string' ? source : source instanceof URL ? source.href : 'the weights file';
  let bytes =
    typeof source === 'string'
      ? await readPath(pathOf(source), fileLimit(limits), what)
      : await readBounded(source, fileLimit(limits), what);
  const archive = isZip(bytes);
  if (archive) {
    const entry = listZip(bytes, what, limits.maxZipEntries).find((e) => e.name === 'model.weights.h5');
    if (!entry)
      throw new ModelFileError(
        `${what} is a zip archive without model.weights.h5; pass a .weights.h5 file or a .keras archive`,
      );
    bytes = extractZipEntry(bytes, entry, what, limits.maxWeightsBytes);
  } else if (bytes.length > limits.maxWeightsBytes) {
    throw new ModelFileError(`${what} is ${bytes.length} bytes, more than the limit of ${limits.maxWeightsBytes}`);
  }
  const legacy = { byName: options.byName, skipMismatch: options.skipMismatch };
  if (!archive && (await decodeLegacyWeights(model, bytes, what, legacy))) return;
  if (options.byName || options.skipMismatch)
    throw new ModelFileError(
      `loadModelWeights: byName and skipMismatch apply to legacy .h5 weights; ${what} is a Keras 3 ` +
        'weights file, whose layers are matched by path',
    );
  const optimizer = (options.includeOptimizer ?? true) && model instanceof Model ? model.optimizer : null;
  await decodeWeights(model, bytes, { optimizer, what });
}
