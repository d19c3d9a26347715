// The messages between the page (main.ts) and the training worker (worker.ts).

export type DatasetName = 'mnist' | 'iris';
export type ModelKind = 'mlp' | 'cnn' | 'code';
export type BackendName = 'cpu' | 'wasm' | 'webgpu';

export interface TrainConfig {
  dataset: DatasetName;
  model: ModelKind;
  /** The body of `(strata, inputShape, classes) => Model` when model is 'code'. */
  code?: string;
  backend: BackendName;
  threads: number;
  epochs: number;
  batchSize: number;
  learningRate: number;
  /** Batches per epoch (0: the whole training set). */
  stepsPerEpoch: number;
}

export type ToWorker =
  | { type: 'probe' }
  | { type: 'train'; config: TrainConfig }
  | { type: 'stop' }
  | { type: 'resume' }
  | { type: 'save'; format: 'keras' | 'tfjs' }
  | { type: 'load'; name: string; bytes: ArrayBuffer };

export interface BackendAvailability {
  name: BackendName;
  available: boolean;
  why?: string;
}

/** A held-out sample: its pixels (MNIST) or features (iris), its label and the model's probabilities. */
export interface Sample {
  index: number;
  label: number;
  features: number[];
  probabilities: number[];
}

export type FromWorker =
  | { type: 'probed'; backends: BackendAvailability[]; isolated: boolean; hardwareThreads: number }
  | { type: 'model'; summary: string; svg: string; backend: string; dataset: DatasetName; source: string }
  | {
      type: 'batch';
      step: number;
      loss: number;
      accuracy: number;
      samplesPerSecond: number;
      tensors: number;
      bytes: number;
    }
  | { type: 'epoch'; epoch: number; logs: Record<string, number> }
  | { type: 'samples'; samples: Sample[]; classes: string[] }
  | { type: 'status'; status: 'training' | 'stopped' | 'done' | 'idle' | 'loaded'; detail?: string }
  | { type: 'saved'; name: string; bytes: ArrayBuffer; files?: Record<string, ArrayBuffer> }
  | { type: 'error'; message: string };
