import { Adam, type AdamArgs } from './adam';

/**
 * Adam with decoupled weight decay (Loshchilov & Hutter): weightDecay defaults to 0.004.
 *
 * @example
 * ```ts
 * model.compile({ optimizer: new AdamW({ learningRate: 1e-3, weightDecay: 0.01 }), loss: 'mse' });
 * ```
 */
export class AdamW extends Adam {
  static override className = 'AdamW';
  constructor(args: AdamArgs = {}) {
    super({ ...args, weightDecay: args.weightDecay ?? 0.004 });
  }
}
