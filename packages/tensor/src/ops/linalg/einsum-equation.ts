import { fmtShape, opError } from '../../errors';
import type { Dim, Shape } from '../../shape';

/**
 * A two-operand einsum with every axis named: letters for the user's labels, '.0', '.1', ... for the
 * axes '...' stands for (right-aligned, as NumPy broadcasts them). The op records this form, so a
 * graph replays it whatever the batch size, and gradient rules build new equations without parsing.
 */
export interface EinsumAttrs {
  /** The first operand's axis labels ('...' stands for the broadcast axes). */
  a: string[];
  /** The second operand's axis labels. */
  b: string[];
  /** The output's axis labels. */
  out: string[];
}

const TERM = /^([a-zA-Z]*)(\.\.\.)?([a-zA-Z]*)$/;

interface Term {
  before: string[];
  ellipsis: boolean;
  after: string[];
}

function parseTerm(equation: string, term: string, what: string): Term {
  const m = TERM.exec(term);
  if (!m) {
    throw opError(
      'einsum',
      `${what} of equation "${equation}" is "${term}": expected letters (a-z, A-Z) with at most one '...'`,
    );
  }
  return { before: [...m[1]], ellipsis: m[2] !== undefined, after: [...m[3]] };
}

function ellipsisLabels(count: number, total: number): string[] {
  return Array.from({ length: count }, (_, i) => `.${total - count + i}`);
}

function expand(equation: string, term: Term, rank: number, operand: string, total: number): string[] {
  const letters = term.before.length + term.after.length;
  const covered = rank - letters;
  if (covered < 0 || (!term.ellipsis && covered !== 0)) {
    throw opError(
      'einsum',
      `operand ${operand} has rank ${rank} but its subscripts in "${equation}" name ${letters} axes` +
        (term.ellipsis
          ? ' (plus a "..." that must stand for 0 or more)'
          : '; add "..." to cover the extra axes or fix the subscripts'),
    );
  }
  const labels = [...term.before, ...ellipsisLabels(covered, total), ...term.after];
  const seen = new Set<string>();
  for (const l of labels) {
    if (seen.has(l)) {
      throw opError(
        'einsum',
        `label '${l}' appears twice in operand ${operand} of "${equation}": diagonals and traces are not supported yet; take them with other ops first`,
      );
    }
    seen.add(l);
  }
  return labels;
}

/** Parses "ab,bc->ac", "...ij,...jk->...ik" or the implicit "ij,jk" for operands of the given ranks. */
export function parseEinsum(equation: string, rankA: number, rankB: number): EinsumAttrs {
  if (typeof equation !== 'string')
    throw opError('einsum', `equation must be a string such as "ij,jk->ik", received ${JSON.stringify(equation)}`);
  const eq = equation.replace(/\s+/g, '');
  const sides = eq.split('->');
  if (sides.length > 2) throw opError('einsum', `equation "${equation}" has more than one "->"`);
  const inputs = sides[0].split(',');
  if (inputs.length !== 2) {
    throw opError(
      'einsum',
      `einsum takes exactly two operands, but equation "${equation}" names ${inputs.length}; for one operand use transpose or sum`,
    );
  }
  const [ta, tb] = inputs.map((t, i) => parseTerm(equation, t, `operand ${i === 0 ? 'a' : 'b'}`));
  const coveredA = Math.max(0, rankA - ta.before.length - ta.after.length);
  const coveredB = Math.max(0, rankB - tb.before.length - tb.after.length);
  const total = Math.max(ta.ellipsis ? coveredA : 0, tb.ellipsis ? coveredB : 0);
  const a = expand(equation, ta, rankA, 'a', total);
  const b = expand(equation, tb, rankB, 'b', total);
  let out: string[];
  if (sides.length === 2) {
    const to = parseTerm(equation, sides[1], 'the output');
    if (!to.ellipsis && total > 0) {
      throw opError(
        'einsum',
        `the operands of "${equation}" have ${total} axes under "...", so the output must place them with "..." too`,
      );
    }
    out = [...to.before, ...ellipsisLabels(to.ellipsis ? total : 0, total), ...to.after];
  } else {
    // NumPy's implicit mode: the broadcast axes, then every label used once, in alphabetical order.
    const letters = [...a, ...b].filter((l) => !l.startsWith('.'));
    const once = [...new Set(letters)].filter((l) => letters.indexOf(l) === letters.lastIndexOf(l)).sort();
    out = [...ellipsisLabels(total, total), ...once];
  }
  const known = new Set([...a, ...b]);
  const seen = new Set<string>();
  for (const l of out) {
    if (!known.has(l)) throw opError('einsum', `output label '${l}' of "${equation}" appears in neither operand`);
    if (seen.has(l)) throw opError('einsum', `output label '${l}' appears twice in "${equation}"`);
    seen.add(l);
  }
  return { a, b, out };
}

/** The equation an attrs object stands for, as the user would write it ('...' for broadcast axes). */
export function formatEinsum({ a, b, out }: EinsumAttrs): string {
  const term = (labels: readonly string[]) =>
    labels
      .map((l) => (l.startsWith('.') ? '…' : l))
      .join('')
      .replace(/…+/, '...');
  return `${term(a)},${term(b)}->${term(out)}`;
}

/**
 * The size of every label. A label both operands have must agree; where it is also in the output
 * (a batch axis) a size of 1 broadcasts. Unknown sizes (null) agree with anything.
 */
export function einsumSizes(attrs: EinsumAttrs, shapeA: Shape, shapeB: Shape): Map<string, Dim> {
  if (shapeA.length !== attrs.a.length || shapeB.length !== attrs.b.length) {
    throw opError(
      'einsum',
      `equation "${formatEinsum(attrs)}" expects operands of rank ${attrs.a.length} and ${attrs.b.length}, received a.shape=${fmtShape(shapeA)}, b.shape=${fmtShape(shapeB)}`,
    );
  }
  const sizes = new Map<string, Dim>(attrs.a.map((l, i) => [l, shapeA[i]]));
  const inOut = new Set(attrs.out);
  attrs.b.forEach((l, i) => {
    const q = shapeB[i];
    if (!sizes.has(l)) return void sizes.set(l, q);
    const p = sizes.get(l)!;
    if (p === q) return;
    const broadcasts = inOut.has(l);
    if (p !== null && q !== null && !(broadcasts && (p === 1 || q === 1))) {
      const shown = l.startsWith('.') ? `axis ${l.slice(1)} under "..."` : `label '${l}'`;
      throw opError(
        'einsum',
        `${shown} has size ${p} in a and ${q} in b (a.shape=${fmtShape(shapeA)}, b.shape=${fmtShape(shapeB)}, equation "${formatEinsum(attrs)}"); ` +
          (broadcasts
            ? 'sizes must be equal, or 1 in one operand'
            : 'a summed label must have the same size in both operands'),
      );
    }
    const known = p ?? q;
    // An unknown size beside a broadcasting 1 stays unknown; beside anything else it must be that size.
    sizes.set(l, p === null || q === null ? (broadcasts && known === 1 ? null : known) : p === 1 ? q : p);
  });
  return sizes;
}
