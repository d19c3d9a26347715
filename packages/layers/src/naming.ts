/**
 * Keras's to_snake_case: `Conv2DTranspose` → `conv2d_transpose`, `LSTM` → `lstm`.
 *
 * @example
 * ```ts
 * toSnakeCase('Conv2DTranspose'); // 'conv2d_transpose'
 * ```
 */
export function toSnakeCase(name: string): string {
  return name
    .replace(/(.)([A-Z][a-z]+)/g, '$1_$2')
    .replace(/([a-z])([A-Z])/g, '$1_$2')
    .toLowerCase();
}

const counts = new Map<string, number>();

/**
 * A name not given before in this session: `dense`, then `dense_1`, `dense_2`, ... as Keras.
 *
 * @example
 * ```ts
 * uniqueName('dense'); // 'dense', then 'dense_1' on the next call
 * ```
 */
export function uniqueName(prefix: string): string {
  const n = counts.get(prefix) ?? 0;
  counts.set(prefix, n + 1);
  return n === 0 ? prefix : `${prefix}_${n}`;
}

/** Records a user-given name so auto names skip it. */
export function reserveName(name: string): void {
  const m = /^(.*?)(?:_(\d+))?$/.exec(name);
  if (!m) return;
  const [, base, suffix] = m;
  const next = suffix === undefined ? 1 : Number(suffix) + 1;
  if ((counts.get(base) ?? 0) < next) counts.set(base, next);
}

/**
 * Forgets every name given so far (Keras's `clear_session()`), so new layers start at `dense` again.
 *
 * @example
 * ```ts
 * clearSession();
 * new Dense({ units: 1 }).name; // 'dense' again
 * ```
 */
export function clearSession(): void {
  counts.clear();
}
