// Helpers for the recurrent layers' tests (rnn/): tfjs-layers twins, masked sequences.
import * as tfc from '@tensorflow/tfjs-core';
import { cast, dispose, mul, notEqual, randomNormal, reshape, tensor, tidy, type Tensor } from '@strata/tensor';
import type { Layer } from '../layer';
import { expectClose, toTf, weightsToTf } from './layer-oracle';

/** A tfjs-layers layer, as far as these tests use one. */
export interface TfjsLayer {
  apply(inputs: tfc.Tensor | tfc.Tensor[], kwargs?: Record<string, unknown>): tfc.Tensor | tfc.Tensor[] | unknown;
  setWeights(weights: tfc.Tensor[]): void;
}

/**
 * Embedding-like masked data: token ids with trailing zero padding (and one leading zero), the mask
 * `ids != 0` as Embedding(maskZero) makes it, and step features that are zero where masked.
 */
export function maskedSequences(
  batch: number,
  time: number,
  features: number,
): { ids: Tensor; x: Tensor; mask: Tensor } {
  return tidy(() => {
    const ids = tensor(
      Array.from({ length: batch }, (_, b) =>
        Array.from({ length: time }, (_, t) =>
          t < Math.max(1, time - b) && !(b === 1 && t === 0) ? 1 + ((b + t) % 5) : 0,
        ),
      ),
      [batch, time],
      'int32',
    );
    const mask = notEqual(ids, 0);
    const x = mul(randomNormal([batch, time, features], { seed: 7 }), reshape(cast(mask, 'float32'), [batch, time, 1]));
    return { ids, x, mask };
  });
}

/**
 * Builds both layers on `x`, copies Strata's weights into the tfjs twin, runs both (with the mask
 * and initial states if given) and expects every output to agree to 1e-5.
 */
export async function expectSameAsTfjs(
  layer: Layer,
  twin: TfjsLayer,
  x: Tensor,
  options: {
    mask?: Tensor;
    initialState?: Tensor[];
    adjustExpected?: (want: tfc.Tensor, index: number) => tfc.Tensor;
  } = {},
): Promise<void> {
  const tx = await toTf(x);
  const tMask = options.mask ? await toTf(options.mask) : undefined;
  const tState = options.initialState ? await Promise.all(options.initialState.map(toTf)) : undefined;
  tfc.dispose(twin.apply(tx, { initialState: tState }) as tfc.Tensor);
  const outputs = [
    layer.apply(x, { mask: options.mask ?? null, initialState: options.initialState ?? null }),
  ].flat() as Tensor[];
  const weights = await weightsToTf(layer);
  twin.setWeights(weights);
  const want = [twin.apply(tx, { mask: tMask, initialState: tState })].flat() as tfc.Tensor[];
  expect(outputs.length).toBe(want.length);
  for (const [i, o] of outputs.entries()) {
    const expected = options.adjustExpected ? options.adjustExpected(want[i], i) : want[i];
    await expectClose(o, expected);
    if (expected !== want[i]) tfc.dispose(expected);
  }
  dispose(outputs);
  tfc.dispose([tx, ...(tMask ? [tMask] : []), ...(tState ?? []), ...weights, ...want]);
}

/**
 * Options for a tfjs-layers twin: tfjs's Orthogonal initializer fails under Jest's module setup
 * ("rMat.flatten is not a function"), and the twin's initial weights are replaced anyway. Gated
 * cells (LSTM, GRU) default to 'hard_sigmoid' gates in tfjs, to 'sigmoid' in Keras 3 and here.
 */
export function twinOptions<T extends object>(options: T, gated = true): T {
  return { ...(gated ? { recurrentActivation: 'sigmoid' } : {}), ...options, recurrentInitializer: 'zeros' };
}
