import * as tfc from '@tensorflow/tfjs-core';
import '@tensorflow/tfjs-backend-cpu'; // the oracle runs TensorFlow.js's own ops on its cpu backend
import type { BackendFactory } from '../backend';
import { setBackend } from '../backends';
import { tensor } from '../convert';
import { memory } from '../memory';
import type { Tensor, NestedArray } from '../tensor';
import { fmtShape } from '../errors';
import { inputValues, type InputSpec } from './values';
import { knownGap } from './known-gaps';

type TfTensor = tfc.Tensor;

/**
 * One row of the conformance table. `run` is Strata's op; `oracle` the same op in TensorFlow.js
 * (run on tfjs's cpu backend); `expected` hand-computed values where that is clearer (both may be
 * given). `throws` makes it a bad-input case: the error message must match.
 */
export interface OpCase {
  name: string;
  inputs: readonly InputSpec[];
  run: (...xs: Tensor[]) => Tensor | Tensor[];
  oracle?: (tf: typeof tfc, ...xs: TfTensor[]) => TfTensor | TfTensor[];
  expected?: { shape?: readonly number[]; dtype?: string; values?: readonly number[] | NestedArray<number | boolean> };
  throws?: RegExp;
  /** Absolute + relative tolerance for float outputs (default 1e-4). */
  tol?: number;
  /** Compare only shapes and dtypes (random ops). */
  shapeOnly?: boolean;
}

function flat(x: unknown): number[] {
  return Array.isArray(x) ? x.flatMap(flat) : [Number(x)];
}

function close(a: number, b: number, tol: number): boolean {
  if (Number.isNaN(a) || Number.isNaN(b)) return Number.isNaN(a) && Number.isNaN(b);
  if (!Number.isFinite(a) || !Number.isFinite(b)) return a === b;
  return Math.abs(a - b) <= tol + tol * Math.abs(b);
}

function compare(label: string, got: number[], want: number[], tol: number): void {
  if (got.length !== want.length) throw new Error(`${label}: ${got.length} values, expected ${want.length}`);
  for (let i = 0; i < got.length; i++) {
    if (!close(got[i], want[i], tol)) {
      throw new Error(
        `${label}: element ${i} is ${got[i]}, expected ${want[i]} (tolerance ${tol})\n got: ${got.slice(0, 20)}\nwant: ${want.slice(0, 20)}`,
      );
    }
  }
}

/** Runs one case on the active Strata backend; throws a descriptive error on any mismatch or leak. */
export async function checkCase(c: OpCase): Promise<void> {
  const values = c.inputs.map((spec, i) => inputValues(spec, i + 1));
  const before = memory().numTensors;
  const xs = c.inputs.map((spec, i) => tensor(values[i], spec.shape, spec.dtype ?? 'float32'));
  try {
    if (c.throws) {
      let error: unknown = null;
      try {
        const out = c.run(...xs);
        for (const t of [out].flat()) t.dispose();
      } catch (e) {
        error = e;
      }
      if (!error) throw new Error(`${c.name}: expected an error matching ${c.throws}, but the op succeeded`);
      if (!c.throws.test(String((error as Error).message)))
        throw new Error(`${c.name}: error "${(error as Error).message}" does not match ${c.throws}`);
      return;
    }
    const outs = [c.run(...xs)].flat();
    try {
      const tol = c.tol ?? 1e-4;
      let oracleOuts: { shape: number[]; dtype: string; values: number[] }[] | null = null;
      if (c.oracle) {
        const txs = c.inputs.map((spec, i) => tfc.tensor(values[i], [...spec.shape], spec.dtype ?? 'float32'));
        const res = [c.oracle(tfc, ...txs)].flat();
        oracleOuts = await Promise.all(
          res.map(async (r) => ({ shape: r.shape, dtype: r.dtype, values: Array.from(await r.data(), Number) })),
        );
        tfc.dispose([...txs, ...res]);
        if (oracleOuts.length !== outs.length)
          throw new Error(`${c.name}: ${outs.length} outputs, the oracle gave ${oracleOuts.length}`);
      }
      for (let k = 0; k < outs.length; k++) {
        const out = outs[k];
        const got = Array.from(await out.data(), Number);
        const label = `${c.name}${outs.length > 1 ? ` output ${k}` : ''}`;
        if (oracleOuts) {
          const o = oracleOuts[k];
          if (fmtShape(out.shape) !== fmtShape(o.shape))
            throw new Error(`${label}: shape ${fmtShape(out.shape)}, TensorFlow.js gives ${fmtShape(o.shape)}`);
          if (!c.shapeOnly) compare(`${label} vs TensorFlow.js`, got, o.values, out.dtype === 'float32' ? tol : 0);
        }
        const e = c.expected;
        if (e && (outs.length === 1 || k === 0)) {
          if (e.shape && fmtShape(out.shape) !== fmtShape(e.shape))
            throw new Error(`${label}: shape ${fmtShape(out.shape)}, expected ${fmtShape(e.shape)}`);
          if (e.dtype && out.dtype !== e.dtype) throw new Error(`${label}: dtype ${out.dtype}, expected ${e.dtype}`);
          if (e.values && !c.shapeOnly)
            compare(`${label} vs expected`, got, flat(e.values), out.dtype === 'float32' ? tol : 0);
        }
      }
    } finally {
      for (const t of outs) t.dispose();
    }
  } finally {
    for (const x of xs) x.dispose();
    const after = memory().numTensors;
    if (after !== before) throw new Error(`${c.name}: leaked ${after - before} tensor(s)`);
  }
}

/**
 * Declares a Jest suite that runs every case of `tables` on one backend. Known gaps (see
 * known-gaps.ts) are reported as skipped with their reason instead of failing.
 */
export function describeConformance(
  factory: BackendFactory,
  tables: Record<string, readonly OpCase[]>,
  filter?: (c: OpCase) => boolean,
): void {
  describe(`conformance on ${factory.name}`, () => {
    beforeAll(async () => {
      await tfc.setBackend('cpu');
      await setBackend(factory);
    });
    for (const [family, cases] of Object.entries(tables)) {
      describe(family, () => {
        for (const c of cases) {
          if (filter && !filter(c)) continue;
          const gap = knownGap(factory.name, c.name);
          (gap ? it.skip : it)(gap ? `${c.name} (known gap: ${gap})` : c.name, () => checkCase(c));
        }
      });
    }
  });
}
