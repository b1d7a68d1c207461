import { describe, expect, it } from 'vitest';
import { codeFrame, LineIndex } from './code-frame';

describe('codeFrame', () => {
  it('shows the line with its neighbours and a caret under the span', () => {
    const index = new LineIndex('const a = 1;\r\neval(code);\nconst b = 2;\n');
    expect(codeFrame(index, 2, 1, { endColumn: 5 })).toBe(
      ['  1 | const a = 1;', '> 2 | eval(code);', '    | ^^^^', '  3 | const b = 2;'].join('\n'),
    );
  });

  it('cuts a 5 MB single line to a window around the column', () => {
    const line = `${'a'.repeat(2_500_000)}eval(x)${'b'.repeat(2_500_000)}`;
    const frame = codeFrame(new LineIndex(line), 1, 2_500_001, { width: 40 });
    const [text, caret] = frame.split('\n') as [string, string];
    expect(text.length).toBeLessThan(60);
    expect(text).toBe(`> 1 | …${'a'.repeat(20)}eval(x)${'b'.repeat(13)}…`);
    expect(caret.indexOf('^')).toBe(text.indexOf('eval'));
  });

  it('keeps the window inside the line near its end, and handles out-of-range columns', () => {
    const index = new LineIndex(`${'x'.repeat(300)}EVAL`);
    const [text, caret] = codeFrame(index, 1, 301, { width: 50 }).split('\n') as [string, string];
    expect(text.endsWith('EVAL')).toBe(true);
    expect(caret.indexOf('^')).toBe(text.indexOf('EVAL'));
    expect(codeFrame(new LineIndex('ab'), 1, 99)).toBe('> 1 | ab\n    |   ^');
  });

  it('replaces control characters so the terminal is not garbled', () => {
    expect(codeFrame(new LineIndex('a\u001b[31mb'), 1, 1).split('\n')[0]).toBe('> 1 | a [31mb');
  });
});
