import type { Dim, Shape } from '@strata/tensor';
import { fmtShape } from '@strata/tensor/internal';
import { LayerError } from '../../errors';

/** What an EinsumDense equation means for its weights and output, given an input shape. */
export interface EinsumDenseShapes {
  /** Null where a size comes from an unknown input dimension (build() refuses those). */
  kernelShape: Dim[];
  biasShape: Dim[] | null;
  outputShape: Dim[];
}

interface SplitEquation {
  inputSpec: string;
  weightSpec: string;
  outputSpec: string;
  leftElided: boolean;
}

// The three forms Keras accepts, with '...' replaced by '0' first (as keras/src/layers/core/einsum_dense.py).
const PLAIN = /^([a-zA-Z]+),([a-zA-Z]+)->([a-zA-Z]+)$/;
const LEFT_ELIDED = /^0([a-zA-Z]+),([a-zA-Z]+)->0([a-zA-Z]+)$/;
const RIGHT_ELIDED = /^([a-zA-Z]{2,})0,([a-zA-Z]+)->([a-zA-Z]+)0$/;

function split(equation: string): SplitEquation {
  const eq = equation.replace(/\.\.\./g, '0');
  for (const [re, leftElided] of [
    [PLAIN, false],
    [LEFT_ELIDED, true],
    [RIGHT_ELIDED, false],
  ] as const) {
    const m = re.exec(eq);
    if (m) return { inputSpec: m[1], weightSpec: m[2], outputSpec: m[3], leftElided };
  }
  throw new LayerError(
    `EinsumDense: invalid equation "${equation}"; equations must be of the form "[X],[Y]->[Z]", "...[X],[Y]->...[Z]" or "[X]...,[Y]->[Z]...", such as "ab,bc->ac" or "...b,bc->...c"`,
  );
}

/** Checks the equation's form without an input shape (the constructor's check). */
export function checkEinsumDenseEquation(equation: unknown): void {
  if (typeof equation !== 'string')
    throw new LayerError(
      `EinsumDense: equation must be a string such as "ab,bc->ac", received ${JSON.stringify(equation)}`,
    );
  split(equation);
}

/**
 * Keras's _analyze_einsum_string: the kernel shape (each weight label sized from the input or the
 * output), the bias shape (the output from the first bias axis on, 1 on non-bias axes) and the
 * full output shape. `partialOutputShape` is the output without the batch axis and without the
 * axes '...' stands for; its null entries take the input's size where the label is shared.
 */
export function analyzeEinsumDense(
  equation: string,
  biasAxes: string | null,
  inputShape: Shape,
  partialOutputShape: readonly Dim[],
): EinsumDenseShapes {
  const { inputSpec, weightSpec, outputSpec, leftElided } = split(equation);
  const rank = inputShape.length;
  const elided = rank - inputSpec.length;
  const fail = (what: string) =>
    new LayerError(`EinsumDense "${equation}" with input shape ${fmtShape(inputShape)}: ${what}`);
  if (elided < 0 || (leftElided && elided < 1) || (!leftElided && !equation.includes('...') && elided !== 0)) {
    throw fail(
      `the input has rank ${rank}, which the equation's input "${inputSpec}"${equation.includes('...') ? ' plus "..."' : ''} cannot name; give an input of the rank the equation describes`,
    );
  }
  const expected = leftElided ? outputSpec.length : outputSpec.length - 1;
  if (partialOutputShape.length !== expected) {
    throw fail(
      `outputShape ${fmtShape(partialOutputShape)} has ${partialOutputShape.length} entries, but the equation's output "${outputSpec}" needs ${expected} (its axes${leftElided ? '' : ' after the batch axis'}, without those "..." stands for)`,
    );
  }
  const output: Dim[] = [inputShape[0], ...partialOutputShape];
  if (leftElided) output.splice(1, 0, ...inputShape.slice(1, elided));
  else output.push(...inputShape.slice(rank - elided));
  const inputIndex = (l: string) => (leftElided ? elided + inputSpec.indexOf(l) : inputSpec.indexOf(l));
  const outputIndex = (l: string) => (leftElided ? elided + outputSpec.indexOf(l) : outputSpec.indexOf(l));

  for (const l of inputSpec) {
    if (!outputSpec.includes(l)) continue;
    const [inDim, outDim] = [inputShape[inputIndex(l)], output[outputIndex(l)]];
    if (outDim !== null && inDim !== null && outDim !== inDim) {
      throw fail(
        `the input and output shapes differ at the shared axis '${l}': the input has ${inDim}, outputShape gives ${outDim}; set that entry of outputShape to ${inDim} or null`,
      );
    }
    if (outDim === null) output[outputIndex(l)] = inDim;
  }
  for (const l of outputSpec) {
    if (!inputSpec.includes(l) && !weightSpec.includes(l))
      throw fail(`the output axis '${l}' appears in neither the input "${inputSpec}" nor the weight "${weightSpec}"`);
  }
  const kernelShape = [...weightSpec].map((l) => {
    if (inputSpec.includes(l)) return inputShape[inputIndex(l)];
    if (outputSpec.includes(l)) return output[outputIndex(l)];
    throw fail(
      `the weight axis '${l}' appears in neither the input "${inputSpec}" nor the output "${outputSpec}", so its size is unknown`,
    );
  });
  let biasShape: Dim[] | null = null;
  if (biasAxes !== null) {
    for (const c of biasAxes)
      if (!outputSpec.includes(c)) throw fail(`the bias axis '${c}' is not an axis of the output "${outputSpec}"`);
    const first = Math.min(...[...biasAxes].map((c) => outputSpec.indexOf(c)));
    biasShape = [...outputSpec.slice(first)].map((c) => (biasAxes.includes(c) ? output[outputIndex(c)] : 1));
    if (!leftElided) biasShape.push(...Array<number>(elided).fill(1));
  }
  return { kernelShape, biasShape, outputShape: output };
}
