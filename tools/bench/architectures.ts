// The architectures more than one benchmark runs, written once for both libraries: Strata's layers,
// and the same stack from tfjs-layers' factories (passed in by each benchmark, which loads
// tfjs-layers from the package whose tests depend on it and types it by what it uses).
import { Conv2D, Dense, Flatten, MaxPooling2D, type Layer } from '@strata/layers';

/** The tfjs-layers factories these stacks use. */
export type PeerFactories<T> = Record<
  'dense' | 'conv2d' | 'maxPooling2d' | 'flatten',
  (args?: Record<string, unknown>) => T
>;

/** The last layer's activation: 'softmax' to train on class probabilities, 'linear' to time logits. */
export type Head = 'softmax' | 'linear';

export interface Architecture {
  label: string;
  /** One sample's shape. */
  inputShape: number[];
  strata(head: Head): Layer[];
  /** `first` adds options to the first layer (a tfjs Sequential needs its `inputShape` there). */
  peer<T>(layers: PeerFactories<T>, head: Head, first?: Record<string, unknown>): T[];
}

export const MLP: Architecture = {
  label: 'MLP 784-512-256-10',
  inputShape: [784],
  strata: (head) => [
    new Dense({ units: 512, activation: 'relu' }),
    new Dense({ units: 256, activation: 'relu' }),
    new Dense({ units: 10, activation: head }),
  ],
  peer: (layers, head, first = {}) => [
    layers.dense({ units: 512, activation: 'relu', ...first }),
    layers.dense({ units: 256, activation: 'relu' }),
    layers.dense({ units: 10, activation: head }),
  ],
};

export const CNN: Architecture = {
  label: 'CNN conv32-pool-conv64-pool-128-10',
  inputShape: [28, 28, 1],
  strata: (head) => [
    new Conv2D({ filters: 32, kernelSize: 3, activation: 'relu' }),
    new MaxPooling2D({ poolSize: 2 }),
    new Conv2D({ filters: 64, kernelSize: 3, activation: 'relu' }),
    new MaxPooling2D({ poolSize: 2 }),
    new Flatten(),
    new Dense({ units: 128, activation: 'relu' }),
    new Dense({ units: 10, activation: head }),
  ],
  peer: (layers, head, first = {}) => [
    layers.conv2d({ filters: 32, kernelSize: 3, activation: 'relu', ...first }),
    layers.maxPooling2d({ poolSize: 2 }),
    layers.conv2d({ filters: 64, kernelSize: 3, activation: 'relu' }),
    layers.maxPooling2d({ poolSize: 2 }),
    layers.flatten(),
    layers.dense({ units: 128, activation: 'relu' }),
    layers.dense({ units: 10, activation: head }),
  ],
};
