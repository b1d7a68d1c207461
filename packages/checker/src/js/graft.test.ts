import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { trustedOrigins } from '../urls';
import { analyzeJs } from './analyze';
import { analyzeJsFast, fastStats } from './fast';

const options = { sourceType: 'script' as const, trusted: trustedOrigins([]) };
const keys = (result: { findings: Array<{ rule: string; start: number }> }) =>
  result.findings.map((f) => `${f.rule}@${f.start}`).sort();
const filler = 'function pad(a, b) { var c = a + b; return [c, { k: c }]; }\n';

/** Runs the fast path with the graft checked against a whole parse (fast.ts verifyGraft throws on a difference). */
function fastWithGrafts(code: string): { keys: string[]; grafts: number } {
  const before = fastStats.grafts;
  const result = analyzeJsFast(code, 'a.js', options);
  return { keys: keys(result), grafts: fastStats.grafts - before };
}

describe('second rounds grafted into the first round’s AST', () => {
  beforeEach(() => {
    process.env.OPENMINIS_CHECKER_VERIFY_GRAFT = '1';
  });
  afterEach(() => {
    delete process.env.OPENMINIS_CHECKER_VERIFY_GRAFT;
  });

  it.each([
    ['a function body', 'var e = eval; function f(s) { return e(s); }', 1],
    ['an arrow body', "var w = window; const f = (k) => { if (k) { return w['ev' + 'al'](k); } };", 1],
    [
      'a method in an object literal',
      "var w = window; var o = { m: function () { return w['ev' + 'al'](1); } };",
      1,
    ],
    [
      'two object literals on one line',
      "var w = window; var o = { m: function () { return w['ev' + 'al'](1); } }; var p = { n: function () { return w['ev' + 'al'](2); } };",
      2,
    ],
    ['two bodies on one line', 'var t = setTimeout; function a() { t("x()") } function b() { t("y()") }', 2],
    ['a body whose last statement has no semicolon', 'var e = eval; function f(s) { return e(s) }\n(g)()', 1],
    [
      'a body that opens with comments',
      'var e = eval; function f(s) {\n  // a comment\n  /* another */ return e(s); }',
      1,
    ],
    ['non-ASCII text around', 'var é = eval; /* ü */ function f(s) { var x = "𝄞"; return é(s + x); }', 1],
  ])('%s', (_, snippet, findings) => {
    const code = `${filler}${snippet}\n${filler}`;
    const fast = fastWithGrafts(code);
    expect(fast.grafts).toBeGreaterThan(0);
    expect(fast.keys).toHaveLength(findings as number);
    expect(fast.keys).toEqual(keys(analyzeJs(code, 'a.js', options)));
  });

  it.each([
    [
      'an async function (await reads differently outside it)',
      'var e = eval; async function f(s) { return e(await s); }',
    ],
    ['a generator', 'var e = eval; function* f(s) { yield e(s); }'],
    ['a body that opens with a directive', 'var e = eval; function f(s) { "use strict"; return e(s); }'],
    [
      'a directive after comments',
      "var e = eval; function f(s) { // why\n /* strict */ 'use strict'; return e(s); }",
    ],
    [
      'an unterminated-looking comment',
      'var e = eval; function f(s) { /* a */ /* b */ return e(s); }'.replace(
        '/* b */',
        `/* ${'x'.repeat(5000)} */`,
      ),
    ],
    ['a class body', "var w = window; class A { m() { return w['ev' + 'al'](1); } }"],
  ])('parses the whole text again for %s', (_, snippet) => {
    const code = `${filler}${snippet}\n${filler}`;
    const fast = fastWithGrafts(code);
    expect(fast.grafts).toBe(0);
    expect(fast.keys).toHaveLength(1);
    expect(fast.keys).toEqual(keys(analyzeJs(code, 'a.js', options)));
  });

  it('parses the whole text again for a module', () => {
    const code = `${filler}import x from 'x'; var e = eval; function f(s) { return e(s); }`;
    const before = fastStats.grafts;
    const result = analyzeJsFast(code, 'a.mjs', { ...options, sourceType: 'module' });
    expect(fastStats.grafts).toBe(before);
    expect(keys(result)).toEqual(keys(analyzeJs(code, 'a.mjs', { ...options, sourceType: 'module' })));
  });
});
