import type { Shape } from '@strata/tensor';
import { fmtShape } from '@strata/tensor/internal';
import { LayerError } from '../../errors';

// Constructor option checks shared by the normalization, merging and preprocessing layers: each
// error names the class, the option, what was expected and what was received.

const show = (value: unknown): string => (value === undefined ? 'undefined' : (JSON.stringify(value) ?? String(value)));

export function booleanOption(cls: string, name: string, value: unknown, fallback: boolean): boolean {
  if (value === undefined) return fallback;
  if (typeof value !== 'boolean')
    throw new LayerError(`${cls}: ${name} must be true or false, received ${show(value)}`);
  return value;
}

export interface NumberRange {
  min?: number;
  max?: number;
  /** Whether `min` itself is refused (epsilon > 0, for example). */
  exclusiveMin?: boolean;
}

export function numberOption(
  cls: string,
  name: string,
  value: unknown,
  fallback: number,
  range: NumberRange = {},
): number {
  if (value === undefined) return fallback;
  const { min, max, exclusiveMin } = range;
  const below = min !== undefined && typeof value === 'number' && (exclusiveMin ? value <= min : value < min);
  const above = max !== undefined && typeof value === 'number' && value > max;
  if (typeof value !== 'number' || !Number.isFinite(value) || below || above) {
    const bounds = [
      min !== undefined ? `${exclusiveMin ? '>' : '>='} ${min}` : '',
      max !== undefined ? `<= ${max}` : '',
    ]
      .filter(Boolean)
      .join(' and ');
    throw new LayerError(
      `${cls}: ${name} must be a finite number${bounds ? ` ${bounds}` : ''}, received ${show(value)}`,
    );
  }
  return value;
}

export function positiveIntOption(cls: string, name: string, value: unknown): number {
  if (typeof value !== 'number' || !Number.isInteger(value) || value <= 0) {
    throw new LayerError(`${cls}: ${name} must be a positive integer, received ${show(value)}`);
  }
  return value;
}

export function integerOption(cls: string, name: string, value: unknown, fallback: number): number {
  if (value === undefined) return fallback;
  if (typeof value !== 'number' || !Number.isInteger(value))
    throw new LayerError(`${cls}: ${name} must be an integer, received ${show(value)}`);
  return value;
}

/** An axis or a non-empty list of distinct axes (negative counts from the end). */
export function axesOption(cls: string, value: unknown, fallback: number | number[]): number | number[] {
  if (value === undefined) return fallback;
  if (typeof value === 'number' && Number.isInteger(value)) return value;
  const ok =
    Array.isArray(value) && value.length > 0 && value.every((a) => typeof a === 'number' && Number.isInteger(a));
  if (!ok)
    throw new LayerError(`${cls}: axis must be an integer or a non-empty array of integers, received ${show(value)}`);
  return [...(value as number[])];
}

/** Accepts only the value Strata implements for an option kept for Keras config compatibility. */
export function onlyValue<T>(cls: string, name: string, value: unknown, supported: T, why: string): T {
  if (value === undefined || value === supported) return supported;
  throw new LayerError(
    `${cls}: ${name}=${show(value)} is not supported yet (${why}); use ${show(supported)} or leave it out`,
  );
}

/**
 * Resolves axes against an input rank: non-negative, sorted, distinct. Keras lets any axis be
 * negative; the error names the layer and the input shape.
 */
export function resolveAxes(layer: string, axes: number | readonly number[], shape: Shape): number[] {
  const rank = shape.length;
  const list = typeof axes === 'number' ? [axes] : axes;
  const out = list.map((a) => {
    if (a < -rank || a >= rank) {
      throw new LayerError(
        `${layer}: axis ${a} is out of range for an input of rank ${rank} (shape ${fmtShape(shape)}); use an axis in [${-rank}, ${rank - 1}]`,
      );
    }
    return a < 0 ? a + rank : a;
  });
  if (new Set(out).size !== out.length)
    throw new LayerError(
      `${layer}: axis ${JSON.stringify(list)} names the same axis twice for an input of rank ${rank}`,
    );
  return out.sort((x, y) => x - y);
}

/** The shape [1, ..., d, ..., 1] that lets a parameter over `axes` broadcast against the input. */
export function broadcastShapeFor(shape: Shape, axes: readonly number[]): number[] {
  return shape.map((d, i) => (axes.includes(i) ? (d as number) : 1));
}
