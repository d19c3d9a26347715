// Keras 3 prints summaries with rich's table (box.HEAVY_HEAD, a line between rows): drawn here by hand.

export type Align = 'left' | 'right' | 'center';

/** Greedy word wrap to `width` columns; words longer than a line are split. Explicit newlines are kept. */
export function wrap(text: string, width: number): string[] {
  const lines: string[] = [];
  for (const paragraph of text.split('\n')) {
    let line = '';
    for (let word of paragraph.split(' ')) {
      while (word.length > width) {
        if (line) {
          lines.push(line);
          line = '';
        }
        lines.push(word.slice(0, width));
        word = word.slice(width);
      }
      if (!line) line = word;
      else if (line.length + 1 + word.length <= width) line += ` ${word}`;
      else {
        lines.push(line);
        line = word;
      }
    }
    lines.push(line);
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

/**
 * The width of each column, borders and one space of padding on each side included, for a table
 * `lineLength` characters wide whose columns end at `positions` (fractions of the line, as Keras).
 */
export function columnWidths(lineLength: number, positions: readonly number[]): number[] {
  const ends = positions.map((p) => (p <= 1 ? Math.floor(p * lineLength) : p));
  const raw: number[] = [];
  let current = 0;
  for (const end of ends) {
    const width = end - current;
    if (width < 4)
      throw new RangeError(
        `summary: lineLength ${lineLength} with positions [${positions.join(', ')}] leaves a column narrower than 4 characters`,
      );
    raw.push(width);
    current += width;
  }
  const total = raw.reduce((a, b) => a + b, 0);
  const available = lineLength - (raw.length + 1);
  const widths = raw.map((w) => Math.floor((w * available) / total));
  widths[0] += available - widths.reduce((a, b) => a + b, 0);
  return widths;
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
