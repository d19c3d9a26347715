import { dispose } from '@strata/tensor';
import { useCpu } from '../testing/setup';
import { TwoLayer, planeData } from '../testing/models';
import { ProgressBar, formatTimePerStep, formatValue } from './progress-bar';

beforeAll(useCpu);

function capture(isTTY: boolean) {
  const chunks: string[] = [];
  return { stream: { isTTY, write: (s: string) => chunks.push(s) }, text: () => chunks.join('') };
}

async function train(bar: ProgressBar, epochs = 2) {
  const [x, y] = planeData(40);
  const model = new TwoLayer({ activation: 'sigmoid' });
  const trainer = model;
  trainer.compile({ optimizer: 'adam', loss: 'binary_crossentropy', metrics: ['accuracy'] });
  await trainer.fit(x, y, { epochs, batchSize: 8, validationSplit: 0.2, callbacks: [bar] });
  dispose([x, y]);
  model.dispose();
}

test('not a terminal: "Epoch i/n" then one line per epoch, as Keras prints to a file', async () => {
  const out = capture(false);
  await train(new ProgressBar({ stream: out.stream }));
  const lines = out.text().split('\n');
  expect(lines[0]).toBe('Epoch 1/2');
  expect(lines[1]).toMatch(
    /^4\/4 ━{20} \d+s \d+(ms|us|s)\/step - accuracy: \d\.\d{4} - loss: \d\.\d{4} - val_accuracy: \d\.\d{4} - val_loss: \d\.\d{4}$/,
  );
  expect(lines[2]).toBe('Epoch 2/2');
  expect(lines.length).toBe(5); // two epochs of two lines, and the final newline
  expect(out.text()).not.toMatch(/\x1b|\r/);
});

test('a terminal: the bar is redrawn in place with colours and an ETA, and ends with a newline', async () => {
  const out = capture(true);
  await train(new ProgressBar({ stream: out.stream, interval: 0 }), 1);
  const text = out.text();
  expect(text.startsWith('Epoch 1/1\n')).toBe(true);
  expect(text).toContain('\r\x1b[1m1/4\x1b[0m ');
  expect(text).toContain('\x1b[32m━━━━━\x1b[0m\x1b[37m━━━━━━━━━━━━━━━\x1b[0m'); // a quarter done
  expect(text).toMatch(
    /\r\x1b\[1m4\/4\x1b\[0m \x1b\[32m━{20}\x1b\[0m\x1b\[37m\x1b\[0m \x1b\[1m\d+s\x1b\[0m \d+\w+\/step - accuracy: [\d.]+ - loss: [\d.]+ - val_accuracy: [\d.]+ - val_loss: [\d.]+ *\n$/,
  );
});

test('verbose 2: one summary line per epoch', async () => {
  const out = capture(true);
  await train(new ProgressBar({ stream: out.stream, verbose: 2 }));
  expect(out.text()).toMatch(
    /^Epoch 1\/2\n4\/4 - \d+s - \d+\w+\/step - accuracy: [\d.]+ - loss: [\d.]+ - val_accuracy: [\d.]+ - val_loss: [\d.]+\nEpoch 2\/2\n/,
  );
});

test('times and values are formatted as Keras formats them', () => {
  expect(formatTimePerStep(0.005)).toBe('5ms/step');
  expect(formatTimePerStep(0.00012)).toBe('120us/step');
  expect(formatTimePerStep(2.4)).toBe('2s/step');
  expect(formatValue(0.40123)).toBe('0.4012');
  expect(formatValue(0.00012346)).toBe('1.2346e-04');
  expect(formatValue(NaN)).toBe('NaN');
});
