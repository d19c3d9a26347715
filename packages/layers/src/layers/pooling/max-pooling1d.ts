import { BasePooling, type BasePoolingArgs } from './base-pooling';

/** The options of {@link MaxPooling1D}: those of {@link BasePoolingArgs}. */
export type MaxPooling1DArgs = BasePoolingArgs;

/** Max over windows of poolSize steps of a sequence [batch, steps, channels] (poolSize default 2). */
export class MaxPooling1D extends BasePooling {
  static override className = 'MaxPooling1D';

  constructor(args: MaxPooling1DArgs = {}) {
    super(1, 'max', 2, args);
  }
}
