import { ModelFileError } from './errors';

/**
 * Bounds on what a file may make the loader allocate. A file declares sizes (zip entries, HDF5
 * shapes); each declared size is checked against these before anything is inflated or read, so a
 * hostile file fails with an error instead of exhausting memory.
 */
export interface LoadLimits {
  /** Largest uncompressed size of config.json or metadata.json, in bytes. */
  maxJsonBytes?: number;
  /** Largest uncompressed size of the weights file (model.weights.h5), in bytes. */
  maxWeightsBytes?: number;
  /** Largest number of entries in a zip archive. */
  maxZipEntries?: number;
  /** Largest size of any one dimension a config may declare (units, filters, shapes...). */
  maxDimension?: number;
}

/**
 * The {@link LoadLimits} loading uses unless told otherwise: 64 MiB of JSON, 2 GiB of weights, 1000 zip entries,
 * dimensions up to 2^24.
 */
export const DEFAULT_LOAD_LIMITS: Required<LoadLimits> = {
  maxJsonBytes: 64 * 2 ** 20,
  maxWeightsBytes: 2 * 2 ** 30 - 1,
  maxZipEntries: 1000,
  maxDimension: 2 ** 24,
};

/** The limits with defaults filled in; each given one must be a non-negative integer. */
export function withDefaults(limits: LoadLimits = {}): Required<LoadLimits> {
  for (const [key, value] of Object.entries(limits ?? {})) {
    if (!(key in DEFAULT_LOAD_LIMITS))
      throw new ModelFileError(
        `limits: unknown limit "${key}"; the limits are ${Object.keys(DEFAULT_LOAD_LIMITS).join(', ')}`,
      );
    if (value !== undefined && !(Number.isSafeInteger(value) && value >= 0))
      throw new ModelFileError(`limits.${key} must be a non-negative integer, received ${JSON.stringify(value)}`);
  }
  return {
    ...DEFAULT_LOAD_LIMITS,
    ...Object.fromEntries(Object.entries(limits ?? {}).filter(([, v]) => v !== undefined)),
  };
}
