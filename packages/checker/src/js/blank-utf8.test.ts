import { parseSync } from 'oxc-parser';
import { describe, expect, it } from 'vitest';
import { blankUtf8, writeBlankedAgain } from './blank-utf8';
import { parseJs } from './parse';
import { blankRegions } from './skeleton';

const WHITE = new Set([' ', '\u00a0', '\u3000']);

function blankedText(source: string, regions: number[]): string {
  const bytes = new TextEncoder().encode(source);
  blankUtf8(bytes, source, regions, bytes.length);
  return new TextDecoder('utf-8', { fatal: true }).decode(bytes);
}

/** Regions around every `{…}` interior and every comment of the sample (good enough for these texts). */
function regionsOf(source: string): number[] {
  const out: number[] = [];
  for (const m of source.matchAll(/\{[^{}]*\}|\/\*[\s\S]*?\*\//g)) {
    const inner = m[0].startsWith('{') ? 1 : 0;
    out.push((m.index as number) + inner, (m.index as number) + m[0].length - inner);
  }
  return out.sort((a, b) => a - b);
}

const SAMPLES = [
  'function f() { return "plain ascii"; } eval(f())',
  'const s = "é€"; function g() { return "ü𝄞€é"; } /* ☃\u2028x */ setTimeout(s, 1); var t = "𝄞"',
  'let a = 1 /* line\nbreak */ + 2; function h() { "\u2029"; a++ }; window["ev" + "al"]("ä")',
  '"𝄞𝄞"; function k() { x = "𝄞" } k(); const après = `€` + après',
  'var e = "é"; function m() {\r\n  return "\ud800\udc00\udc00é\r\n"; }\r\n/* é\r\n𝄞 */ m()',
  `var s = "${'é'.repeat(50)}"; function n() { ${'"€𝄞";\n'.repeat(40)} } n() /* ${'x\n'.repeat(30)} */`,
];

describe('blankUtf8', () => {
  it.each(SAMPLES)('keeps every character outside the regions and each one’s UTF-16 length: %s', (source) => {
    const regions = regionsOf(source);
    const text = blankedText(source, regions);
    expect(text.length).toBe(source.length);
    const inRegion = (i: number) =>
      regions.some((_, r) => r % 2 === 0 && (regions[r] as number) <= i && i < (regions[r + 1] as number));
    // In a region: U+2028 and U+2029, and the first \n and the first \r.
    const kept = new Set<number>();
    for (let r = 0; r < regions.length; r += 2) {
      const span = source.slice(regions[r], regions[r + 1]);
      for (const lineBreak of ['\n', '\r'])
        if (span.includes(lineBreak)) kept.add((regions[r] as number) + span.indexOf(lineBreak));
    }
    for (let i = 0; i < source.length; i++) {
      const original = source[i] as string;
      if (!inRegion(i) || kept.has(i) || /[\u2028\u2029]/.test(original)) expect(text[i]).toBe(original);
      else expect(WHITE.has(text[i] as string)).toBe(true);
    }
  });

  it.each(SAMPLES)('writes the same bytes again, encoding only what stays: %s', (source) => {
    const regions = regionsOf(source);
    const expected = new TextEncoder().encode(source);
    blankUtf8(expected, source, regions, expected.length, { lineBreaksIn: regions.slice(0, 2) });
    // Any other regions, with stale bytes in the buffer: everything is written.
    const again = new Uint8Array(expected.length + 8).fill(0x78);
    const written = writeBlankedAgain(again, source, regions, { lineBreaksIn: regions.slice(0, 2) });
    expect(written).toBe(expected.length);
    expect(again.subarray(0, expected.length)).toEqual(expected);
    expect(writeBlankedAgain(again, `${source} `, regions)).toBeUndefined();
  });

  it.each(SAMPLES)('parses to the same AST as the blanked string would: %s', (source) => {
    const regions = regionsOf(source);
    const options = { lang: 'js' as const, preserveParens: false };
    const fromBuffer = parseJs('a.js', source, options, regions);
    const fromString = parseSync('a.js', blankRegions(source, regions), options);
    expect(JSON.stringify(fromBuffer.program)).toBe(JSON.stringify(fromString.program));
    expect(fromBuffer.errors).toHaveLength(0);
  });

  it('keeps line breaks only where asked (a blanked body needs none)', () => {
    const source = 'function f() {\n  a();\n  b();\n} /* x\ny */ g()';
    const body: [number, number] = [source.indexOf('{') + 1, source.indexOf('}')];
    const comment: [number, number] = [source.indexOf('/*'), source.indexOf('*/') + 2];
    const bytes = new TextEncoder().encode(source);
    blankUtf8(bytes, source, [...body, ...comment], bytes.length, { lineBreaksIn: comment });
    const text = new TextDecoder().decode(bytes);
    expect(text.slice(...body)).toBe(' '.repeat(body[1] - body[0]));
    expect(text.slice(...comment)).toBe('    \n    ');
    // One line break is all a comment needs: the first one stays.
    const long = 'a() /* x\ny\nz */\nb()';
    const span: [number, number] = [long.indexOf('/*'), long.indexOf('*/') + 2];
    const longBytes = new TextEncoder().encode(long);
    blankUtf8(longBytes, long, span, longBytes.length);
    expect(new TextDecoder().decode(longBytes)).toBe('a()     \n      \nb()');
    expect(text.length).toBe(source.length);
  });
});
