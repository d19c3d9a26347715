import { LayerError } from '../../errors';

/** How a numeric option may be: its range (inclusive unless `exclusive` says otherwise) and kind. */
export interface NumberRule {
  min?: number;
  max?: number;
  /** Bounds that are excluded ('min', 'max' or both). */
  exclusive?: 'min' | 'max' | 'both';
  integer?: boolean;
}

function describeRule(rule: NumberRule): string {
  const kind = rule.integer ? 'an integer' : 'a number';
  const lo =
    rule.min === undefined ? '' : `${rule.exclusive === 'min' || rule.exclusive === 'both' ? '>' : '>='} ${rule.min}`;
  const hi =
    rule.max === undefined ? '' : `${rule.exclusive === 'max' || rule.exclusive === 'both' ? '<' : '<='} ${rule.max}`;
  return [kind, [lo, hi].filter(Boolean).join(' and ')].filter(Boolean).join(' ');
}

/** A received value as a message shows it (JSON would print NaN and Infinity as null). */
export function show(value: unknown): string {
  return typeof value === 'number' || value === undefined ? String(value) : JSON.stringify(value);
}

/** Returns `value` (or `fallback` when it is undefined) after checking it against `rule`. */
export function checkNumber(
  layer: string,
  option: string,
  value: unknown,
  fallback: number | undefined,
  rule: NumberRule = {},
): number {
  const v = value === undefined ? fallback : value;
  const exMin = rule.exclusive === 'min' || rule.exclusive === 'both';
  const exMax = rule.exclusive === 'max' || rule.exclusive === 'both';
  const ok =
    typeof v === 'number' &&
    Number.isFinite(v) &&
    (!rule.integer || Number.isInteger(v)) &&
    (rule.min === undefined || (exMin ? v > rule.min : v >= rule.min)) &&
    (rule.max === undefined || (exMax ? v < rule.max : v <= rule.max));
  if (!ok) throw new LayerError(`${layer}: ${option} must be ${describeRule(rule)}, received ${show(value)}`);
  return v as number;
}

/** A seed option: a number, a string, or null/undefined for a fresh one at each call. */
export function checkSeed(layer: string, seed: unknown): number | string | null {
  if (seed === undefined || seed === null) return null;
  if ((typeof seed === 'number' && Number.isFinite(seed)) || typeof seed === 'string') return seed;
  throw new LayerError(`${layer}: seed must be a number, a string or null, received ${show(seed)}`);
}
