import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { LineIndex } from './positions';

/** Line and column the slow, obvious way. */
function naive(text: string, offset: number): { line: number; column: number } {
  const before = text.slice(0, offset).split('\n');
  return { line: before.length, column: (before[before.length - 1] as string).length + 1 };
}

describe('LineIndex', () => {
  it('answers like counting from the start, in any order of questions', () => {
    fc.assert(
      fc.property(
        fc.string({ unit: fc.constantFrom('a', 'b', '\n', '\r', 'é', '\u2028') }),
        fc.array(fc.nat(), { maxLength: 12 }),
        (text, picks) => {
          const index = new LineIndex(text);
          for (const pick of [...picks, 0, text.length]) {
            const offset = pick % (text.length + 1);
            expect(index.position(offset)).toEqual(naive(text, offset));
          }
        },
      ),
      { numRuns: 500, seed: 20261122 },
    );
  });

  it('counts a line break at the offset itself as before the next line', () => {
    const index = new LineIndex('\nab\n\ncd');
    expect(index.position(0)).toEqual({ line: 1, column: 1 });
    expect(index.position(3)).toEqual({ line: 2, column: 3 });
    expect(index.position(4)).toEqual({ line: 3, column: 1 });
    expect(index.position(6)).toEqual({ line: 4, column: 2 });
    expect(index.position(1)).toEqual({ line: 2, column: 1 });
  });
});
