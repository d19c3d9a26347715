import { TrainingError } from '../errors';
import { Callback, type Logs } from './callback';
import { nodeFs } from '../utils/node-builtins';

/**
 * Streams each epoch's logs to a CSV file, one row per epoch (Keras's CSVLogger; Node only).
 *
 * @example
 * ```ts
 * await model.fit(x, y, { epochs: 10, callbacks: [new CSVLogger('training.csv')] }); // epoch,loss,... per row
 * ```
 */
export class CSVLogger extends Callback {
  static override className = 'CSVLogger';
  private keys: string[] | null = null;

  constructor(
    /** The CSV file written (Node's file system). */
    readonly filename: string,
    /** The column separator. Default: `','`. */
    readonly separator = ',',
    /** Whether rows are added to an existing file rather than replacing it. Default: false. */
    readonly append = false,
  ) {
    super();
    if (typeof filename !== 'string' || filename === '')
      throw new TrainingError(`CSVLogger: expected a file name, received ${JSON.stringify(filename)}`);
  }

  override async onTrainBegin(): Promise<void> {
    const { writeFile, readFile } = await nodeFs('CSVLogger');
    this.keys = null;
    if (this.append) {
      const existing = await readFile(this.filename, 'utf8').catch(() => '');
      const header = existing.split('\n')[0];
      if (header) this.keys = header.split(this.separator).slice(1);
    } else {
      await writeFile(this.filename, '');
    }
  }

  override async onEpochEnd(epoch: number, logs: Logs): Promise<void> {
    const { appendFile } = await nodeFs('CSVLogger');
    let text = '';
    if (!this.keys) {
      this.keys = Object.keys(logs).sort();
      text += `${['epoch', ...this.keys].join(this.separator)}\n`;
    }
    text += `${[String(epoch), ...this.keys.map((k) => (k in logs ? String(logs[k]) : 'NA'))].join(this.separator)}\n`;
    await appendFile(this.filename, text);
  }
}
