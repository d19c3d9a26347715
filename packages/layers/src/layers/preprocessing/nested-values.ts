import { LayerError } from '../../errors';

/** A number or a rectangular nested array of numbers, as JSON configs hold them. */
export type NestedValues = number | readonly NestedValues[];

/** The shape and row-major values of a nested array; throws on ragged or non-finite input. */
export function flattenValues(
  cls: string,
  name: string,
  value: NestedValues | null,
): { shape: number[]; values: number[] } {
  const fail = (): never => {
    throw new LayerError(
      `${cls}: ${name} must be a finite number or a rectangular nested array of finite numbers, received ${JSON.stringify(value)}`,
    );
  };
  const shape: number[] = [];
  for (let level: unknown = value; Array.isArray(level); level = level[0]) {
    if (level.length === 0) fail();
    shape.push(level.length);
  }
  const values: number[] = [];
  const walk = (v: unknown, depth: number): void => {
    if (depth === shape.length) {
      if (typeof v !== 'number' || !Number.isFinite(v)) fail();
      values.push(v as number);
      return;
    }
    if (!Array.isArray(v) || v.length !== shape[depth]) fail();
    for (const item of v as unknown[]) walk(item, depth + 1);
  };
  walk(value, 0);
  return { shape, values };
}
