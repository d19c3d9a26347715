// Keras 3 prints summaries with rich's table (box.HEAVY_HEAD, a line between rows): drawn here by hand.

export type Align = 'left' | 'right' | 'center';

/**
 * rich's word wrap (what Keras 3 draws its summary with): lines break at spaces only, so a name
 * such as `embedding_1[0][0]` is never split; a word longer than the line gets a line of its own,
 * cut to fit with an ellipsis (`question_tokens[0…`). Explicit newlines are kept.
 */
export function wrap(text: string, width: number): string[] {
  const lines: string[] = [];
  const fit = (line: string) => (line.length > width ? `${line.slice(0, Math.max(0, width - 1))}…` : line);
  for (const paragraph of text.split('\n')) {
    let line = '';
    for (const word of paragraph.split(' ')) {
      if (!line) line = word;
      else if (line.length <= width && line.length + 1 + word.length <= width) line += ` ${word}`;
      else {
        lines.push(fit(line));
        line = word;
      }
    }
    lines.push(fit(line));
  }
  return lines;
}

function pad(text: string, width: number, align: Align): string {
  const room = width - text.length;
  if (room <= 0) return text;
  if (align === 'right') return ' '.repeat(room) + text;
  if (align === 'center') return ' '.repeat(Math.floor(room / 2)) + text + ' '.repeat(Math.ceil(room / 2));
  return text + ' '.repeat(room);
}

/** Python's round(): halves go to the even neighbour (rich's arithmetic, which Keras's layout is). */
function roundHalfEven(x: number): number {
  const floor = Math.floor(x);
  const diff = x - floor;
  if (diff > 0.5) return floor + 1;
  if (diff < 0.5) return floor;
  return floor % 2 === 0 ? floor : floor + 1;
}

/**
 * The width of each column, one space of padding on each side included, borders not, for a table
 * `lineLength` characters wide whose columns end at `positions` (fractions of the line, or
 * absolute positions). As Keras 3 with rich: each column asks for its share of the line plus its
 * padding, and the excess over what the borders leave is taken evenly from the columns
 * (rich's ratio_reduce); a table narrower than the line is widened in proportion (ratio_distribute).
 */
export function columnWidths(lineLength: number, positions: readonly number[]): number[] {
  const ends = positions.map((p) => (p <= 1 ? Math.floor(p * lineLength) : p));
  const widths: number[] = [];
  let current = 0;
  for (const end of ends) {
    const width = end - current;
    if (width < 4)
      throw new RangeError(
        `summary: lineLength ${lineLength} with positions [${positions.join(', ')}] leaves a column narrower than 4 characters`,
      );
    widths.push(width + 2);
    current += width;
  }
  const available = lineLength - (widths.length + 1);
  const total = widths.reduce((a, b) => a + b, 0);
  let remaining = Math.abs(available - total);
  let ratio = widths.length;
  if (total > available) {
    return widths.map((w) => {
      const cut = Math.min(w, roundHalfEven((1 * remaining) / ratio));
      remaining -= cut;
      ratio -= 1;
      return w - cut;
    });
  }
  let weight = total;
  return widths.map((w) => {
    const extra = weight > 0 ? Math.ceil((w * remaining) / weight) : remaining;
    remaining -= extra;
    weight -= w;
    return w + extra;
  });
}

/** The table's lines: heavy header, a light line between rows. */
export function renderTable(
  header: readonly string[],
  rows: readonly (readonly string[])[],
  widths: readonly number[],
  align: readonly Align[],
): string[] {
  const rule = (left: string, fill: string, mid: string, right: string) =>
    left + widths.map((w) => fill.repeat(w)).join(mid) + right;
  const cells = (values: readonly string[], bar: string, aligns: readonly Align[]): string[] => {
    const wrapped = values.map((v, i) => wrap(v, widths[i] - 2));
    const height = Math.max(...wrapped.map((w) => w.length));
    const out: string[] = [];
    for (let k = 0; k < height; k++) {
      out.push(bar + wrapped.map((w, i) => ` ${pad(w[k] ?? '', widths[i] - 2, aligns[i])} `).join(bar) + bar);
    }
    return out;
  };
  const lines = [rule('┏', '━', '┳', '┓'), ...cells(header, '┃', align), rule('┡', '━', '╇', '┩')];
  rows.forEach((row, i) => {
    if (i > 0) lines.push(rule('├', '─', '┼', '┤'));
    lines.push(...cells(row, '│', align));
  });
  lines.push(rule('└', '─', '┴', '┘'));
  return lines;
}
