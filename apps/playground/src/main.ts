// The page: controls, charts and views. Every tensor lives in the worker; the page only draws.
import './style.css';
import { LiveChart } from './charts';
import { DEFAULT_CODE } from './default-code';
import type { FromWorker, Sample, ToWorker, TrainConfig } from './protocol';

const $ = <T extends HTMLElement = HTMLElement>(id: string) => document.getElementById(id) as T;
const worker = new Worker(new URL('./worker.ts', import.meta.url), { type: 'module' });
const send = (message: ToWorker, transfer: Transferable[] = []) => worker.postMessage(message, transfer);

/** What the page has seen, for people reading the console and for the browser test. */
const state = {
  status: 'starting',
  probed: null as Extract<FromWorker, { type: 'probed' }> | null,
  batches: [] as { step: number; loss: number; accuracy: number }[],
  epochs: [] as { epoch: number; logs: Record<string, number> }[],
  samples: [] as Sample[],
  model: null as Extract<FromWorker, { type: 'model' }> | null,
  saved: null as { name: string; size: number } | null,
  errors: [] as string[],
};
(window as unknown as { __playground: typeof state }).__playground = state;

const batchChart = new LiveChart($('batchChart'), 'batch', [
  { label: 'loss', stroke: '#d9480f', scale: 'loss' },
  { label: 'accuracy', stroke: '#1971c2', scale: 'acc' },
]);
const epochChart = new LiveChart($('epochChart'), 'epoch', [
  { label: 'loss', stroke: '#d9480f', scale: 'loss' },
  { label: 'val_loss', stroke: '#f59f00', scale: 'loss' },
  { label: 'accuracy', stroke: '#1971c2', scale: 'acc' },
  { label: 'val_accuracy', stroke: '#37b24d', scale: 'acc' },
]);

const code = $<HTMLTextAreaElement>('code');
code.value = DEFAULT_CODE;
$<HTMLSelectElement>('model').onchange = (e) => (code.hidden = (e.target as HTMLSelectElement).value !== 'code');

function setStatus(status: string, detail = ''): void {
  state.status = status;
  $('status').textContent = detail ? `${status}: ${detail}` : status;
  const training = status === 'training';
  $<HTMLButtonElement>('train').disabled = training;
  $<HTMLButtonElement>('stop').disabled = !training;
  $<HTMLButtonElement>('resume').disabled = status !== 'stopped';
  for (const id of ['saveKeras', 'saveTfjs']) $<HTMLButtonElement>(id).disabled = training || state.model === null;
}

function config(): TrainConfig {
  const value = (id: string) => $<HTMLInputElement>(id).value;
  return {
    dataset: value('dataset') as TrainConfig['dataset'],
    model: value('model') as TrainConfig['model'],
    code: code.value,
    backend: value('backend') as TrainConfig['backend'],
    threads: Number(value('threads')),
    epochs: Number(value('epochs')),
    batchSize: Number(value('batchSize')),
    learningRate: Number(value('learningRate')),
    stepsPerEpoch: Number(value('stepsPerEpoch')),
  };
}

function drawSamples(samples: Sample[], classes: string[]): void {
  const box = $('samples');
  box.replaceChildren();
  for (const s of samples) {
    const predicted = s.probabilities.indexOf(Math.max(...s.probabilities));
    const cell = document.createElement('div');
    cell.className = 'sample';
    if (s.features.length === 784) {
      const canvas = document.createElement('canvas');
      canvas.width = canvas.height = 28;
      const image = new ImageData(28, 28);
      s.features.forEach((v, i) => image.data.set([255 - v * 255, 255 - v * 255, 255 - v * 255, 255], i * 4));
      canvas.getContext('2d')!.putImageData(image, 0, 0);
      cell.append(canvas);
    } else {
      cell.append(Object.assign(document.createElement('div'), { textContent: s.features.join(' · ') }));
    }
    const verdict = document.createElement('div');
    verdict.textContent = `${classes[predicted]} (${(100 * s.probabilities[predicted]).toFixed(0)}%)`;
    if (predicted !== s.label) verdict.className = 'wrong';
    cell.append(verdict, Object.assign(document.createElement('div'), { textContent: `true: ${classes[s.label]}` }));
    box.append(cell);
  }
}

worker.onmessage = (event: MessageEvent<FromWorker>) => {
  const m = event.data;
  switch (m.type) {
    case 'probed': {
      state.probed = m;
      const select = $<HTMLSelectElement>('backend');
      select.replaceChildren(
        ...m.backends.map((b) =>
          Object.assign(document.createElement('option'), {
            value: b.name,
            textContent: b.name,
            disabled: !b.available,
          }),
        ),
      );
      $('backends').replaceChildren(
        ...m.backends.map((b) =>
          Object.assign(document.createElement('span'), {
            className: b.available ? 'ok' : 'no',
            textContent: `${b.available ? '✔' : '✘'} ${b.name}`,
            title: b.why ?? 'available',
          }),
        ),
      );
      const threads = $<HTMLInputElement>('threads');
      threads.max = String(m.hardwareThreads);
      threads.disabled = !m.isolated;
      threads.title = m.isolated ? `up to ${m.hardwareThreads}` : 'threads need a cross-origin-isolated page';
      setStatus('idle');
      break;
    }
    case 'model':
      state.model = m;
      $('summary').textContent = m.summary;
      $('plot').innerHTML = m.svg;
      break;
    case 'batch':
      state.batches.push({ step: m.step, loss: m.loss, accuracy: m.accuracy });
      batchChart.push(m.step, [m.loss, m.accuracy]);
      $('stats').textContent =
        `${m.samplesPerSecond.toFixed(0)} samples/s\n${m.tensors} tensors, ${(m.bytes / 1048576).toFixed(1)} MB`;
      break;
    case 'epoch':
      state.epochs.push({ epoch: m.epoch, logs: m.logs });
      epochChart.push(m.epoch + 1, [
        m.logs.loss,
        m.logs.val_loss ?? null,
        m.logs.accuracy,
        m.logs.val_accuracy ?? null,
      ]);
      break;
    case 'samples':
      state.samples = m.samples;
      drawSamples(m.samples, m.classes);
      break;
    case 'status':
      setStatus(m.status, m.detail);
      break;
    case 'saved': {
      state.saved = { name: m.name, size: m.bytes.byteLength };
      const link = Object.assign(document.createElement('a'), {
        href: URL.createObjectURL(new Blob([m.bytes])),
        download: m.name,
      });
      link.click();
      break;
    }
    case 'error':
      state.errors.push(m.message);
      $('error').textContent = m.message;
      break;
  }
};

$('train').onclick = () => {
  state.batches.length = 0;
  state.epochs.length = 0;
  batchChart.clear();
  epochChart.clear();
  $('error').textContent = '';
  setStatus('training');
  send({ type: 'train', config: config() });
};
$('stop').onclick = () => send({ type: 'stop' });
$('resume').onclick = () => send({ type: 'resume' });
$('saveKeras').onclick = () => send({ type: 'save', format: 'keras' });
$('saveTfjs').onclick = () => send({ type: 'save', format: 'tfjs' });

const drop = $('drop');
drop.ondragover = (e) => {
  e.preventDefault();
  drop.classList.add('over');
};
drop.ondragleave = () => drop.classList.remove('over');
drop.ondrop = async (e) => {
  e.preventDefault();
  drop.classList.remove('over');
  const file = e.dataTransfer?.files[0];
  if (!file) return;
  const bytes = await file.arrayBuffer();
  setStatus('loading', file.name);
  send({ type: 'load', name: file.name, bytes }, [bytes]);
};

send({ type: 'probe' });
