// The training worker: owns the backend, the data and the model, so that the page never waits on
// a kernel. It reports every batch, every epoch and the sample predictions as messages.
import {
  type Model,
  dispose,
  getBackend,
  loadModel,
  memory,
  saveModel,
  setBackend,
  tensor,
  tfjsArtifacts,
  modelFromTfjsArtifacts,
  tidy,
  wasm,
  type Tensor,
  type TfjsModelArtifacts,
  optimizers,
  callbacks,
  utils,
} from 'strata';
import { loadDataset, type Dataset } from './data';
import { buildModel } from './models';
import type { BackendAvailability, BackendName, FromWorker, Sample, ToWorker, TrainConfig } from './protocol';

const { Adam } = optimizers;
const { LambdaCallback, logTensors } = callbacks;
const { plotModel } = utils;

const post = (message: FromWorker, transfer: Transferable[] = []) =>
  (self as unknown as Worker).postMessage(message, transfer);

interface Session {
  config: TrainConfig;
  data: Dataset;
  model: Model;
  x: Tensor;
  y: Tensor;
  nextEpoch: number;
  step: number;
}
let session: Session | null = null;
let stopRequested = false;
let busy = false;

async function probe(): Promise<void> {
  const gpu = (navigator as Navigator & { gpu?: { requestAdapter(): Promise<unknown> } }).gpu;
  let webgpu: BackendAvailability = { name: 'webgpu', available: false, why: 'this browser has no navigator.gpu' };
  if (gpu) {
    const adapter = await gpu.requestAdapter().catch(() => null);
    webgpu = adapter
      ? { name: 'webgpu', available: true }
      : { name: 'webgpu', available: false, why: 'navigator.gpu found no adapter' };
  }
  const hasWasm = typeof WebAssembly === 'object';
  post({
    type: 'probed',
    backends: [
      { name: 'cpu', available: true },
      { name: 'wasm', available: hasWasm, why: hasWasm ? undefined : 'no WebAssembly' },
      webgpu,
    ],
    isolated: self.crossOriginIsolated === true,
    hardwareThreads: navigator.hardwareConcurrency ?? 1,
  });
}

async function useBackend(name: BackendName, threads: number): Promise<void> {
  if (name === 'wasm') {
    // Threads need SharedArrayBuffer, which only a cross-origin-isolated page has.
    const numThreads = self.crossOriginIsolated ? threads : undefined;
    await setBackend(wasm({ wasmPaths: `${self.location.origin}/wasm/`, numThreads }));
  } else {
    await setBackend(name);
  }
}

function toTensors(data: Dataset, part: 'train' | 'test'): [Tensor, Tensor] {
  const { x, y } = data[part];
  return [tensor(x, [y.length, ...data.shape]), tensor(y, [y.length], 'int32')];
}

/** The model's probabilities for the first eight held-out samples. */
async function reportSamples(model: Model, data: Dataset): Promise<void> {
  const size = data.shape.reduce((a, b) => a * b, 1);
  const count = 8;
  const features = data.test.x.subarray(0, count * size);
  const probabilities = tidy(() => model.predict(tensor(features, [count, ...data.shape])) as Tensor);
  const p = Array.from(await probabilities.data());
  probabilities.dispose();
  const classes = data.classes.length;
  const samples: Sample[] = Array.from({ length: count }, (_, i) => ({
    index: i,
    label: data.test.y[i],
    features: Array.from(features.subarray(i * size, (i + 1) * size)),
    probabilities: p.slice(i * classes, (i + 1) * classes),
  }));
  post({ type: 'samples', samples, classes: data.classes });
}

async function describe(model: Model, data: Dataset, source: string): Promise<void> {
  const summary = model.summary({ printFn: () => undefined });
  const svg = await plotModel(model, { format: 'svg', showShapes: true }).catch(
    (e: Error) => `<p>plotModel failed: ${e.message}</p>`,
  );
  post({ type: 'model', summary, svg, backend: getBackend(), dataset: data.name, source });
}

async function start(config: TrainConfig): Promise<void> {
  if (session) {
    dispose([session.x, session.y]);
    session.model.dispose();
    session = null;
  }
  await useBackend(config.backend, config.threads);
  const data = await loadDataset(config.dataset);
  const model = buildModel(config.model, data.shape, data.classes.length, config.code);
  const [x, y] = toTensors(data, 'train');
  session = { config, data, model, x, y, nextEpoch: 0, step: 0 };
  await describe(model, data, config.model);
  await run();
}

/** Trains from the session's next epoch to the last, unless stopped; resume calls it again. */
async function run(): Promise<void> {
  const s = session!;
  const { config } = s;
  if (!s.model.optimizer) {
    s.model.compile({
      optimizer: new Adam({ learningRate: config.learningRate }),
      loss: 'sparse_categorical_crossentropy',
      metrics: ['accuracy'],
    });
  }
  stopRequested = false;
  post({ type: 'status', status: 'training' });
  let last = performance.now();
  const progress = new LambdaCallback({
    onBatchEnd: async (_batch: number, logs: callbacks.Logs) => {
      const tensors = logTensors(logs)!;
      // Read asynchronously: WebGPU in a page has no synchronous read.
      const loss = await tensors.loss.data();
      const accuracy = await tensors.accuracy.data();
      const now = performance.now();
      const { numTensors, numBytes } = memory();
      s.step++;
      post({
        type: 'batch',
        step: s.step,
        loss: loss[0],
        accuracy: accuracy[0],
        tensors: numTensors,
        bytes: numBytes,
        samplesPerSecond: (config.batchSize * 1000) / Math.max(now - last, 1e-3),
      });
      last = now;
      // A macrotask turn, so the 'stop' message can arrive while fit runs.
      await new Promise((done) => setTimeout(done, 0));
      if (stopRequested) progress.trainer!.stopTraining = true;
    },
    onEpochEnd: async (epoch: number, logs: callbacks.Logs) => {
      s.nextEpoch = epoch + 1;
      post({ type: 'epoch', epoch, logs: { ...logs } });
      await reportSamples(s.model, s.data);
    },
  });
  await s.model.fit(s.x, s.y, {
    epochs: config.epochs,
    initialEpoch: s.nextEpoch,
    batchSize: config.batchSize,
    verbose: 0,
    seed: 1,
    validationSplit: 0.1,
    stepsPerEpoch: config.stepsPerEpoch > 0 ? config.stepsPerEpoch : undefined,
    callbacks: [progress],
  });
  post({ type: 'status', status: s.nextEpoch >= config.epochs ? 'done' : 'stopped' });
}

/**
 * A .keras archive, or the TF.js layers format as one JSON file (model.json with its one weight
 * shard inlined as base64), which a page can download as a single file.
 */
async function save(format: 'keras' | 'tfjs'): Promise<void> {
  const model = session!.model;
  let bytes: Uint8Array;
  if (format === 'keras') {
    bytes = await saveModel(model);
  } else {
    const artifacts = await tfjsArtifacts(model);
    const weights = new Uint8Array(artifacts.weightData);
    let binary = '';
    for (let i = 0; i < weights.length; i += 0x8000) binary += String.fromCharCode(...weights.subarray(i, i + 0x8000));
    bytes = new TextEncoder().encode(JSON.stringify({ ...artifacts, weightData: btoa(binary) }));
  }
  const copy = bytes.slice().buffer;
  post({ type: 'saved', name: `${model.name}.${format === 'keras' ? 'keras' : 'tfjs.json'}`, bytes: copy }, [copy]);
}

async function modelFromBytes(name: string, bytes: ArrayBuffer): Promise<Model> {
  if (!name.endsWith('.json')) return (await loadModel(new Uint8Array(bytes))) as Model;
  const artifacts = JSON.parse(new TextDecoder().decode(bytes)) as TfjsModelArtifacts & { weightData: string };
  const binary = atob(artifacts.weightData);
  const weightData = Uint8Array.from(binary, (c) => c.charCodeAt(0)).buffer;
  return (await modelFromTfjsArtifacts({ ...artifacts, weightData })) as Model;
}

/** Loads a .keras file dropped on the page and shows its predictions on the dataset its input fits. */
async function load(name: string, bytes: ArrayBuffer): Promise<void> {
  const model = await modelFromBytes(name, bytes);
  const shape = (model.inputs?.[0]?.shape ?? []).slice(1);
  const dataset = shape.length === 1 && shape[0] === 4 ? 'iris' : 'mnist';
  const data = await loadDataset(dataset);
  if (session) {
    dispose([session.x, session.y]);
    session.model.dispose();
  }
  const [x, y] = toTensors(data, 'train');
  const config = { ...(session?.config ?? defaultConfig()), dataset } as TrainConfig;
  session = { config, data, model, x, y, nextEpoch: config.epochs, step: 0 };
  await describe(model, data, `loaded from ${name}`);
  await reportSamples(model, data);
  post({ type: 'status', status: 'loaded', detail: name });
}

function defaultConfig(): TrainConfig {
  return {
    dataset: 'mnist',
    model: 'mlp',
    backend: 'cpu',
    threads: 1,
    epochs: 2,
    batchSize: 32,
    learningRate: 1e-3,
    stepsPerEpoch: 0,
  };
}

self.onmessage = async (event: MessageEvent<ToWorker>) => {
  const message = event.data;
  if (message.type === 'stop') {
    stopRequested = true;
    return;
  }
  if (busy) return post({ type: 'error', message: `busy: wait for the current run before '${message.type}'` });
  busy = true;
  try {
    if (message.type === 'probe') await probe();
    else if (message.type === 'train') await start(message.config);
    else if (message.type === 'resume') await run();
    else if (message.type === 'save') await save(message.format);
    else if (message.type === 'load') await load(message.name, message.bytes);
  } catch (e) {
    post({ type: 'error', message: e instanceof Error ? e.message : String(e) });
    post({ type: 'status', status: 'idle' });
  } finally {
    busy = false;
  }
};
