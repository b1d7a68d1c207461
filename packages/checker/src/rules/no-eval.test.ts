import { describe, expect, it } from 'vitest';
import { count, hits } from './test-helpers';

describe('no-eval', () => {
  it.each([
    'eval(x)',
    'window.eval(x)',
    'globalThis.eval(x)',
    'self.eval(x)',
    'top.eval(x)',
    'parent.eval(x)',
    'frames.eval(x)',
    'document.defaultView.eval(x)',
    "document.defaultView['ev' + 'al'](x)",
    'opener.eval(x)',
    'window.opener.eval(x)',
    "window['eval'](x)",
    "globalThis['ev'+'al'](x)",
    'globalThis[`eval`](x)',
    "const k = 'ev'; const l = k + 'al'; window[l](x)",
    "window['\\x65val'](x)",
    'ev\\u0061l(x)',
    '(0, eval)(s)',
    '(eval)(s)',
    'const e = eval; e(s)',
    'let e = eval; e(s)',
    'var w = window; w.eval(s)',
    'var w = window.self; w.eval(s)',
    'const {eval: e} = window; e(s)',
    "const {['ev' + 'al']: e} = globalThis; e(s)",
    'eval?.(s)',
    'window?.eval(s)',
    'eval.call(null, s)',
    'eval.apply(null, [s])',
    'window.eval.call(window, s)',
    'Reflect.apply(eval, null, [s])',
    "Reflect.get(window, 'eval')(s)",
    'promise.then(eval)',
    '[eval][0](s)',
    '({ run: eval }).run(s)',
    'this.eval(s)',
    '(cond ? eval : f)(s)',
    'window.window.eval(s)',
    'String.fromCharCode(101, 118, 97, 108) in window; window[String.fromCharCode(101, 118, 97, 108)](s)',
    "window[atob('ZXZhbA==')](s)",
    "window[['e','v','a','l'].join('')](s)",
    'execScript(s)',
    'const run = () => eval(s); run()',
    'Function.prototype.call.call(eval, null, s)',
    "window['lave'.split('').reverse().join('')](s)",
    "window['xevalx'.slice(1, 5)](s)",
    "window['evil'.replace('il', 'al')](s)",
    "window['e-v-a-l'.split('-').join('')](s)",
    'const { eval: e = null } = window; e(s)',
    'window[String.raw`eval`](s)',
    // Stored for a later call out of sight (get-intrinsic's table): the reference is the use.
    "var INTRINSICS = { '%eval%': eval }",
    'class A { static #e = globalThis.eval; run(s) { return A.#e(s) } }',
    'class B { e = eval }',
    'var table = [eval]',
    'module.exports = eval',
    'var o = { eval }',
    'function get() { return window.eval }',
    'const e = eval; registry.run = e',
  ])('flags %s', (code) => {
    expect(count(code, 'no-eval')).toBeGreaterThanOrEqual(1);
  });

  it.each([
    'function f(eval) { eval(s) }',
    'function f() { const eval = (x) => x; eval(s) }',
    '{ let eval = safe; eval(s) }',
    'obj.eval(s)',
    'this.engine.eval(s)',
    "const s = 'eval(x)'; log(s)",
    '// eval(x)\n/* eval(y) */ x = 1',
    'const re = /eval\\(x\\)/',
    'const o = { eval: 1, "eval": 2 }; o.eval',
    'class A { eval() {} } new A().eval()',
    'const e = eval; e = safe; e(s)',
    'evaluate(x); medieval(y)',
    'typeof eval',
    "window['evil'](x)",
    'import("./eval.js")',
    'x === eval',
    'const { eval: e } = window',
    'function f(eval) { return { eval } }',
    'var o = { a: obj.eval }',
    'var o = { get eval() { return 1 } }',
    'eval`x`',
    'opener.closed',
  ])('does not flag %s', (code) => {
    expect(hits(code, 'no-eval')).toEqual([]);
  });

  it('ignores lint-suppression comments in the audited code', () => {
    const code =
      '// eslint-disable-next-line no-eval\neval(a) // oxlint-disable-line\n/* biome-ignore lint: x */ eval(b) // @ts-ignore';
    expect(hits(code, 'no-eval')).toEqual(['2:1', '3:28']);
  });

  it('does not flag in module code where top-level this is undefined', () => {
    expect(hits('export const a = 1; this.eval(s)', 'no-eval', undefined, 'm.mjs')).toEqual([]);
  });

  it('reports UTF-16 columns after astral and CJK characters', () => {
    expect(hits('const s = "😀日本"; eval(x)', 'no-eval')).toEqual(['1:19']);
    expect(hits('/* ✓ 😀 */\n  x = "中"; eval(1)', 'no-eval')).toEqual(['2:12']);
  });
});

describe('no-eval on adversarial folding', () => {
  it('folds shared string bindings without blowing up', () => {
    const lines = ["var a0 = 'e';"];
    for (let i = 1; i <= 60; i++) lines.push(`var a${i} = a${i - 1} + a${i - 1};`);
    lines.push("var k = 'ev' + 'al'; window[k](a60);");
    expect(hits(lines.join('\n'), 'no-eval')).toEqual(['62:22']);
  });
});
