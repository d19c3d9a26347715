import { unaryDef, callUnary } from './define';
import { hasQuirk } from './quirks';
import type { OpInput } from '../../convert';
import type { Tensor } from '../../tensor';

/**
 * Where the backend's Log1p is wrong at and outside the edge of its domain (webgpu: log1p(-2) is
 * finite, log1p(-1) is -88, and so is its Log(0)), those elements are set by comparison alone:
 * -Infinity at -1, NaN below -1 and for NaN.
 */
export const log1pOp = unaryDef('log1p', 'Log1p', {
  compute: 'float',
  compose: (s, [x]) => {
    const y = s.run('Log1p', { x });
    if (!hasQuirk(s.backend, 'Log1p', 'specialValues')) return y;
    const minusOne = s.scalar(-1, 'float32');
    const inDomain = s.run('GreaterEqual', { a: x, b: minusOne });
    const atMinusOne = s.run('Equal', { a: x, b: minusOne });
    const nans = s.run('Fill', {}, { shape: x.shape, value: NaN, dtype: 'float32' });
    const minusInfs = s.run('Fill', {}, { shape: x.shape, value: -Infinity, dtype: 'float32' });
    const valid = s.run('Select', { condition: inDomain, t: y, e: nans });
    return s.run('Select', { condition: atMinusOne, t: minusInfs, e: valid });
  },
});

/**
 * log(1 + x), accurate near 0.
 * @example
 * ```ts
 * log1p(tensor([0, 1e-10])); // [0, 1e-10]
 * ```
 */
export const log1p = (x: OpInput): Tensor => callUnary(log1pOp, x);
