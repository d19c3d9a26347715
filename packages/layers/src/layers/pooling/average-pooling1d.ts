import { BasePooling, type BasePoolingArgs } from './base-pooling';

/** The options of {@link AveragePooling1D}: those of {@link BasePoolingArgs}. */
export type AveragePooling1DArgs = BasePoolingArgs;

/** Average over windows of poolSize steps of a sequence (poolSize default 2). */
export class AveragePooling1D extends BasePooling {
  static override className = 'AveragePooling1D';

  constructor(args: AveragePooling1DArgs = {}) {
    super(1, 'average', 2, args);
  }
}
