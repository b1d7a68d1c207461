// biome-ignore-all lint/suspicious/noTemplateCurlyInString: the strings are JavaScript sources under test.
import { describe, expect, it } from 'vitest';
import { count, hits } from './test-helpers';

describe('no-string-timer', () => {
  it.each([
    'setTimeout("tick()", 10)',
    "setInterval('tick()', 10)",
    'setTimeout(`tick()`, 10)',
    'setTimeout(`tick(${n})`, 10)',
    'setTimeout("tick(" + n + ")", 10)',
    'setTimeout(n + "", 10)',
    'window.setTimeout("tick()")',
    'globalThis.setInterval("tick()")',
    "window['set' + 'Timeout']('tick()')",
    'const code = "tick()"; setTimeout(code, 1)',
    'var code = "tick()"; setTimeout(code, 1)',
    'const t = setTimeout; t("tick()")',
    'setTimeout.call(window, "tick()", 1)',
    'setTimeout(String(x))',
    'setImmediate("tick()")',
    'setTimeout(cond ? "a()" : "b()")',
    'setTimeout(String.raw`tick()`)',
    'setTimeout`x()`',
    'window.setInterval`tick()`',
  ])('flags %s', (code) => {
    expect(count(code, 'no-string-timer')).toBe(1);
  });

  it.each([
    'setTimeout(() => tick(), 10)',
    'setTimeout(function () { tick() }, 10)',
    'setTimeout(tick, 10)',
    'function f(cb) { setTimeout(cb, 1) }',
    'setTimeout(obj.method, 1)',
    'var code = "a()"; code = f; setTimeout(code)',
    'function setTimeout(s) {} setTimeout("x")',
    'clock.setTimeout("x")',
    'setTimeout(fn.bind(null, "x"))',
    'setTimeout(tick, "100")',
    'const s = \'setTimeout("x")\'',
    'tag`setTimeout(x)`',
  ])('does not flag %s', (code) => {
    expect(hits(code, 'no-string-timer')).toEqual([]);
  });
});
