import { BasePooling, type BasePoolingArgs } from './base-pooling';

export type AveragePooling1DArgs = BasePoolingArgs;

/** Average over windows of poolSize steps of a sequence (poolSize default 2). */
export class AveragePooling1D extends BasePooling {
  static override className = 'AveragePooling1D';

  constructor(args: AveragePooling1DArgs = {}) {
    super(1, 'average', 2, args);
  }
}
