import type { Position } from './types';

/**
 * Offsets → 1-based line/column. Offsets are UTF-16 indices (what oxc-parser, htmlparser2 and
 * the CSS tokenizer report on JS strings), so columns are UTF-16 columns like editors show.
 *
 * Lines are counted on demand from the nearest offset already answered: a file has a handful of
 * findings, and a table of every line start of a 10 MB bundle cost more than the counting.
 */
export class LineIndex {
  /** Offsets already answered, sorted, with the number of `\n` before each (`breaks`). */
  private readonly offsets: number[] = [0];
  private readonly breaks: number[] = [0];
  constructor(private readonly text: string) {}

  position(offset: number): Position {
    const text = this.text;
    const k = this.lastAtOrBefore(offset);
    let line = this.breaks[k] as number;
    for (let i = text.indexOf('\n', this.offsets[k]); i !== -1 && i < offset; i = text.indexOf('\n', i + 1))
      line++;
    if (offset !== this.offsets[k]) {
      this.offsets.splice(k + 1, 0, offset);
      this.breaks.splice(k + 1, 0, line);
    }
    const lineStart = offset === 0 ? 0 : text.lastIndexOf('\n', offset - 1) + 1;
    return { line: line + 1, column: offset - lineStart + 1 };
  }

  private lastAtOrBefore(offset: number): number {
    let lo = 0;
    let hi = this.offsets.length - 1;
    while (lo < hi) {
      const mid = (lo + hi + 1) >>> 1;
      if ((this.offsets[mid] as number) <= offset) lo = mid;
      else hi = mid - 1;
    }
    return lo;
  }
}
