// Step results (tensors) to logs (numbers): read once per epoch, or per batch only when a callback asks.
import type { Tensor } from '@strata/tensor';
import type { Logs } from '../callbacks/callback';
import { lazyLogs } from '../callbacks/callback-list';

/** Numbers from a record of tensors (a synchronisation point: used once per epoch, not per batch). */
export async function readLogs(tensors: Record<string, Tensor>): Promise<Logs> {
  const names = Object.keys(tensors);
  const values = await Promise.all(names.map((n) => tensors[n].data()));
  const logs: Logs = {};
  names.forEach((n, i) => {
    const v = values[i] as ArrayLike<number>;
    if (v.length === 1) logs[n] = v[0];
    else Array.from(v).forEach((x, k) => (logs[`${n}_${k}`] = x));
  });
  return logs;
}

/** Batch logs for callbacks: lazy on backends that read synchronously, read (awaited) first on those that cannot. */
export async function batchLogs(logs: Record<string, Tensor>): Promise<Logs> {
  const first = Object.values(logs)[0];
  const syncReadable = first?.handle?.backend.canReadSync !== false;
  return lazyLogs(logs, syncReadable ? {} : await readLogs(logs));
}

export function printEvaluation(logs: Logs): void {
  console.log(
    Object.keys(logs)
      .sort()
      .map((k) => `${k}: ${logs[k].toFixed(4)}`)
      .join(' - '),
  );
}
