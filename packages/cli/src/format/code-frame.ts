/** Line lookups over one source text, computed once per file (files can be megabytes on one line). */
export class LineIndex {
  private readonly starts: number[] = [0];

  constructor(readonly text: string) {
    for (let i = text.indexOf('\n'); i !== -1; i = text.indexOf('\n', i + 1)) this.starts.push(i + 1);
  }

  get lineCount(): number {
    return this.starts.length;
  }

  /** The text of 1-based line `line`, without its line break; '' when out of range. */
  line(line: number): string {
    const start = this.starts[line - 1];
    if (start === undefined) return '';
    const next = this.starts[line];
    const end = next === undefined ? this.text.length : next - 1;
    return this.text.slice(start, end).replace(/\r$/, '');
  }
}

export interface CodeFrameOptions {
  /** Lines shown before and after. */
  context?: number;
  /** Maximum characters of each line shown; long lines are cut to a window around the column. */
  width?: number;
  endColumn?: number;
}

// biome-ignore lint/suspicious/noControlCharactersInRegex: control characters would garble the terminal.
const UNPRINTABLE = /[\u0000-\u0008\u000b-\u001f\u007f\t]/g;

/**
 * A small excerpt around `line:column` (1-based) with a caret under the column. For minified files the
 * window keeps about `width` characters around the column instead of printing the whole line.
 */
export function codeFrame(
  index: LineIndex,
  line: number,
  column: number,
  options: CodeFrameOptions = {},
): string {
  const context = options.context ?? 1;
  const width = options.width ?? 100;
  const first = Math.max(1, line - context);
  const last = Math.min(index.lineCount, line + context);
  const target = index.line(line);
  const col = Math.min(Math.max(column, 1), target.length + 1);
  // The same horizontal window for every line keeps the frame aligned.
  const from =
    target.length <= width
      ? 0
      : Math.max(0, Math.min(col - 1 - Math.floor(width / 2), target.length - width));
  const gutter = String(last).length;
  const rows: string[] = [];
  for (let n = first; n <= last; n++) {
    const text = index.line(n);
    const cut = text.slice(from, from + width).replace(UNPRINTABLE, ' ');
    const shown = `${from > 0 && text.length > 0 ? '…' : ''}${cut}${from + width < text.length ? '…' : ''}`;
    rows.push(`${n === line ? '>' : ' '} ${String(n).padStart(gutter)} | ${shown}`.trimEnd());
    if (n === line) {
      const lead = from > 0 ? 1 : 0;
      const span = options.endColumn !== undefined && options.endColumn > col ? options.endColumn - col : 1;
      const visible = Math.max(1, Math.min(span, from + width - (col - 1)));
      rows.push(`  ${' '.repeat(gutter)} | ${' '.repeat(lead + col - 1 - from)}${'^'.repeat(visible)}`);
    }
  }
  return rows.join('\n');
}
