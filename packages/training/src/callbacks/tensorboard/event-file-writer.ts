import { nodeFs, nodeOs, nodePath } from '../../utils/node-builtins';
import { fileVersionEvent } from './summaries';
import { frameRecord } from './tfrecord';

/**
 * Where event files go. The default writes files with node:fs, imported only when a file is first
 * written, so a browser bundle of this package never loads it; in a page, pass a MemoryLogSink (or
 * your own sink that uploads or stores the bytes).
 */
export interface LogSink {
  /** Appends bytes to the file at `path` (a `/`-separated path), creating it and its folders. */
  append(path: string, bytes: Uint8Array): Promise<void>;
}

/**
 * Writes to the file system (Node).
 *
 * @example
 * ```ts
 * const tensorBoard = new TensorBoard({ logDir: 'logs', sink: new NodeLogSink() }); // the default in Node
 * ```
 */
export class NodeLogSink implements LogSink {
  async append(path: string, bytes: Uint8Array): Promise<void> {
    const { appendFile, mkdir } = await nodeFs('TensorBoard writing event files');
    const { dirname } = await nodePath('TensorBoard writing event files');
    await mkdir(dirname(path), { recursive: true });
    await appendFile(path, bytes);
  }
}

/**
 * Keeps the files in memory, by path: for browsers, and for reading back in tests.
 *
 * @example
 * ```ts
 * const sink = new MemoryLogSink();
 * await model.fit(x, y, { epochs: 2, callbacks: [new TensorBoard({ logDir: 'logs', sink })] });
 * for (const [path, bytes] of sink.files) console.log(path, readEventFile(bytes).length);
 * ```
 */
export class MemoryLogSink implements LogSink {
  /** The bytes written so far, by path. */
  readonly files = new Map<string, Uint8Array>();

  async append(path: string, bytes: Uint8Array): Promise<void> {
    const old = this.files.get(path) ?? new Uint8Array(0);
    const next = new Uint8Array(old.length + bytes.length);
    next.set(old);
    next.set(bytes, old.length);
    this.files.set(path, next);
  }
}

let fileCounter = 0;

async function hostTag(): Promise<string> {
  const proc = (globalThis as { process?: { pid?: number; versions?: { node?: string } } }).process;
  if (!proc?.versions?.node) return 'browser.0';
  const { hostname } = await nodeOs('TensorBoard naming event files');
  return `${hostname()}.${proc.pid}`;
}

/**
 * One event file in `dir`, named as TensorFlow names them
 * (`events.out.tfevents.<seconds>.<host>.<pid>.<n>.v2`), whose first record gives the file version.
 * Records are written in order: each write waits for the one before it.
 *
 * @example
 * ```ts
 * const sink = new MemoryLogSink();
 * const writer = new EventFileWriter('logs/train', sink);
 * await writer.flush();
 * [...sink.files.keys()]; // ['logs/train/events.out.tfevents.<seconds>.<host>.<n>.v2'], holding its version record
 * ```
 */
export class EventFileWriter {
  #path: Promise<string>;
  #queue: Promise<void>;

  constructor(
    /** The folder the event file is created in. */
    readonly dir: string,
    /** Where the bytes go. */
    readonly sink: LogSink,
  ) {
    const now = Date.now() / 1000;
    const n = fileCounter++;
    this.#path = hostTag().then((host) => `${dir}/events.out.tfevents.${Math.floor(now)}.${host}.${n}.v2`);
    this.#queue = this.#path.then((path) => sink.append(path, frameRecord(fileVersionEvent(now))));
  }

  /** The file's path, once known. */
  get path(): Promise<string> {
    return this.#path;
  }

  /** Queues one serialized Event. */
  write(event: Uint8Array): Promise<void> {
    this.#queue = this.#queue.then(async () => this.sink.append(await this.#path, frameRecord(event)));
    return this.#queue;
  }

  /** Resolves when everything queued is written. */
  flush(): Promise<void> {
    return this.#queue;
  }
}
