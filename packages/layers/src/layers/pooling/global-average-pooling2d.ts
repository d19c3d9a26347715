import { BaseGlobalPooling, type BaseGlobalPoolingArgs } from './base-global-pooling';

/** The options of {@link GlobalAveragePooling2D}: those of {@link BaseGlobalPoolingArgs}. */
export type GlobalAveragePooling2DArgs = BaseGlobalPoolingArgs;

/** The mean over the height and width of an image: [batch, height, width, channels] → [batch, channels]. */
export class GlobalAveragePooling2D extends BaseGlobalPooling {
  static override className = 'GlobalAveragePooling2D';

  constructor(args: GlobalAveragePooling2DArgs = {}) {
    super(2, 'average', args);
  }
}
