import { StrataError } from '@strata/tensor';
import type { Layer } from '@strata/layers';
import { Model } from '@strata/models';
import { modelFromKerasConfig, modelToKerasConfig } from '../config';
import type { CustomObjects } from '../registry';
import { scanConfig } from '../safety/config-scan';
import { ModelFileError, messageOf } from '../safety/errors';
import { withDefaults, type LoadLimits } from '../safety/limits';
import { extractZipEntry, listZip, writeZip } from '../zip/zip';
import { compileConfigOf, compileFromConfig } from './compile-config';
import { decodeWeights, encodeWeights } from './weights-h5';

/** The Keras release whose `.keras` layout Strata writes (and whose files the fixture test reads). */
export const KERAS_LAYOUT_VERSION = '3.15.0';

const CONFIG = 'config.json';
const METADATA = 'metadata.json';
const WEIGHTS = 'model.weights.h5';

export interface EncodeKerasOptions {
  /** Save the compile configuration and the optimizer's state, so training resumes where it stopped (default true). */
  includeOptimizer?: boolean;
}

/** Keras's `date_saved`: local time as `%Y-%m-%d@%H:%M:%S`. */
function dateSaved(d = new Date()): string {
  const p = (n: number) => String(n).padStart(2, '0');
  return `${d.getFullYear()}-${p(d.getMonth() + 1)}-${p(d.getDate())}@${p(d.getHours())}:${p(d.getMinutes())}:${p(d.getSeconds())}`;
}

/**
 * The bytes of a Keras 3 `.keras` archive: `metadata.json`, `config.json` and `model.weights.h5`,
 * stored (not deflated), in Keras's order.
 */
export async function encodeKerasArchive(model: Layer, options: EncodeKerasOptions = {}): Promise<Uint8Array> {
  const includeOptimizer = options.includeOptimizer ?? true;
  const config: Record<string, unknown> = { ...modelToKerasConfig(model) };
  const compiled = model instanceof Model ? compileConfigOf(model) : null;
  config.compile_config = includeOptimizer ? compiled : null;
  const metadata = { keras_version: KERAS_LAYOUT_VERSION, date_saved: dateSaved(), strata_format: 1 };
  const optimizer = includeOptimizer && model instanceof Model ? model.optimizer : null;
  const weights = await encodeWeights(model, optimizer);
  const text = (x: unknown) => new TextEncoder().encode(JSON.stringify(x));
  return writeZip([
    [METADATA, text(metadata)],
    [CONFIG, text(config)],
    [WEIGHTS, weights],
  ]);
}

export interface DecodeKerasOptions {
  /** Classes and functions the config may name besides the registered ones. */
  customObjects?: CustomObjects;
  /** Refuse Lambda layers except by the name of a registered function (default true). */
  safeMode?: boolean;
  /** Compile the model from the saved compile configuration, and restore the optimizer's state (default true). */
  compile?: boolean;
  limits?: LoadLimits;
  /** Names the file in errors. */
  what?: string;
}

function parseJsonEntry(bytes: Uint8Array, what: string): unknown {
  let text: string;
  try {
    text = new TextDecoder('utf-8', { fatal: true }).decode(bytes);
  } catch {
    throw new ModelFileError(`${what} is not UTF-8 text; the archive is corrupted`);
  }
  try {
    return JSON.parse(text);
  } catch (e) {
    throw new ModelFileError(`${what} is not valid JSON (${messageOf(e)}); the archive is corrupted`);
  }
}

/**
 * Rebuilds a model from the bytes of a `.keras` archive: checks the archive, scans its config for
 * code and oversized declarations, builds the model from the config (nothing is evaluated), then
 * loads every weight by path, count and shape. Anything wrong surfaces as a StrataError.
 */
export async function decodeKerasArchive(bytes: Uint8Array, options: DecodeKerasOptions = {}): Promise<Layer> {
  const what = options.what ?? 'the .keras archive';
  const limits = withDefaults(options.limits);
  const entries = listZip(bytes, what, limits.maxZipEntries);
  const find = (name: string) => {
    const entry = entries.find((e) => e.name === name);
    if (!entry)
      throw new ModelFileError(
        `${what} has no ${name} (it holds ${entries.map((e) => e.name).join(', ') || 'nothing'}); a .keras archive holds config.json, metadata.json and model.weights.h5`,
      );
    return entry;
  };
  const configEntry = find(CONFIG);
  const weightsEntry = find(WEIGHTS);
  const config = parseJsonEntry(extractZipEntry(bytes, configEntry, what, limits.maxJsonBytes), `${what}: ${CONFIG}`);
  if (typeof config !== 'object' || config === null || Array.isArray(config))
    throw new ModelFileError(
      `${what}: ${CONFIG} must hold a JSON object (the model's config), found ${Array.isArray(config) ? 'an array' : JSON.stringify(config)?.slice(0, 40)}`,
    );
  scanConfig(config, {
    safeMode: options.safeMode ?? true,
    maxDimension: limits.maxDimension,
    what: `${what}: ${CONFIG}`,
  });
  const weights = extractZipEntry(bytes, weightsEntry, what, limits.maxWeightsBytes);

  const model = guard(`${what}: ${CONFIG}`, () => {
    const { compile_config: _ignored, ...modelConfig } = config as Record<string, unknown>;
    return modelFromKerasConfig(modelConfig, { customObjects: options.customObjects });
  });
  try {
    const compileConfig = (config as Record<string, unknown>).compile_config;
    // Keras writes `{}` (or null) for a model that was never compiled: both mean "do not compile".
    const given = typeof compileConfig === 'object' && compileConfig !== null && Object.keys(compileConfig).length > 0;
    const compile = (options.compile ?? true) && model instanceof Model && given;
    if (compile) guard(`${what}: compile_config`, () => compileFromConfig(model, compileConfig, options.customObjects));
    await decodeWeights(model, weights, {
      optimizer: compile ? (model as Model).optimizer : null,
      what: `${what}: ${WEIGHTS}`,
    });
  } catch (e) {
    model.dispose();
    throw e;
  }
  return model;
}

/**
 * Runs a step that interprets file contents. Strata errors pass through; anything else (a TypeError
 * from a config field of the wrong type) is reported as the file's fault, naming the step.
 */
export function guard<T>(what: string, step: () => T): T {
  try {
    return step();
  } catch (e) {
    if (e instanceof StrataError) throw e;
    throw new ModelFileError(
      `${what} could not be read: ${messageOf(e)}. The file is corrupted, or was written by a newer version`,
      { cause: e },
    );
  }
}
