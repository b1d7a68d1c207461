// biome-ignore-all lint/suspicious/noTemplateCurlyInString: the sample is JavaScript source text holding template literals.
import { checkText } from './check-text';

/**
 * A cold V8 isolate optimises the checker's hot loops (the lexer, the deserializer, the walk) while
 * the first big file runs, and throws the optimised code away each time a branch it has not seen yet
 * turns up ("insufficient type feedback"): on the benchmark corpus a fresh process spent ~0.3 s more
 * than it needed. Running every kind of construct through the checker first gives V8 that feedback
 * up front. Costs ~30 ms, so only threads about to check a large input prime (pool.ts, worker.mjs).
 * Findings in the sample are thrown away.
 */
export const PRIME_SAMPLE = [
  '/* block comment with eval */ // line comment window',
  "'use strict';",
  'var s1 = \'a\\\'b\\u0065\\x41 eval\', s2 = "x\\"y \\\\ setTimeout", t = `tpl ${a + `in ${b}`} ${{k: 1}.k} done`;',
  "var long1 = 'this is a long string with no trigger words at all, just padding padding padding text';",
  "var long2 = 'https://example.com/a/long/url/with/two/slashes/padding/padding/padding/padding/pad';",
  "var long3 = 'long string containing eval and more padding padding padding padding padding padding';",
  'var r = /[/{}\'"`]+\\/x/gi, d = a / b / 2, e = a++ / 2, f = (x) / 2, g = [1] / 2;',
  'if (a) { b(); } else { c(); } for (;;) { break; } while (x) { y(); } do { z(); } while (0);',
  'switch (k) { case 1: { q(); } default: w(); }',
  'try { t1(); } catch (err) { t2(err); } finally { t3(); }',
  'function named(a, b = {x: 1}) { return this.x + arguments.length; }',
  'const arrow1 = (p, q) => { return p + q; }, arrow2 = p => { return p * 2; }, arrow3 = () => this;',
  'function* gen() { yield 1; } async function as() { await 1; }',
  'class K extends Base { constructor(a) { super(a); this.a = a; } m() { return 1; } static s() {} get g() { return 2; } }',
  "const obj = { top: 1, parent: 2, self: 3, method() { return window.parent; }, [computed]: 4, 'iframe': 5 };",
  '({ a, b } = obj); label: { break label; }',
  "window.eval('x'); self.setTimeout('y', 1); globalThis['ev' + 'al'](s); new Function('a', 'b');",
  'document.createElement(\'iframe\'); el.innerHTML = \'<iframe src="x"></iframe>\'; x = "frame";',
  'navigator.clipboard.writeText(s); navigator.geolocation.getCurrentPosition(f); navigator.vibrate(1);',
  "fetch('https://a.example'); new XMLHttpRequest().open('GET', '/x'); new WebSocket('wss://b'); import('x');",
  "TTMinis.login({}); top.location = 1; frames[0]; parent.postMessage(1, '*'); const \\u0061bc = 1; ñame = 2;",
  'x = a ? top : parent; y = { top } ; z = a;',
  '/re/.test(s)',
  '',
].join('\n');

const ROUNDS = 30;
let primed = false;

/** Runs the sample through the checker once per thread. */
export function primeOnce(): void {
  if (primed) return;
  primed = true;
  for (let i = 0; i < ROUNDS; i++) checkText(PRIME_SAMPLE, 'prime.js');
}
