import { describe, expect, it } from 'vitest';
import { count, hits } from './test-helpers';

describe('no-new-function', () => {
  it.each([
    'new Function("a", "return a")',
    'Function("return this")()',
    'new window.Function("x")',
    "new globalThis['Func' + 'tion']('x')",
    'const F = Function; new F("x")',
    'var w = window; new w.Function("x")',
    '[].constructor.constructor("x")()',
    "''.constructor.constructor('x')()",
    '(()=>{}).constructor("x")',
    '(function(){}).constructor("x")',
    'Object.getPrototypeOf(async function(){}).constructor("x")',
    'Object.getPrototypeOf(function*(){}).constructor("x")',
    'const AsyncFunction = Object.getPrototypeOf(async () => {}).constructor; new AsyncFunction("x")',
    'Reflect.construct(Function, ["x"])',
    'Function.prototype.constructor("x")',
    'Function.apply(null, ["x"])',
    'Function.call(null, "x")',
    'Function.bind(null, "x")',
    'anything.constructor.constructor("x")',
    'Array.constructor("x")',
    'frame.contentWindow.Function("x")',
    'function f(context) { var Function = context.Function; return Function("x") }',
    '({}).constructor.constructor("x")',
    'Function`alert(1)`()',
    '[].constructor.constructor`alert(1)`()',
    // A builtin method of a known value is a function: its constructor is Function.
    '[].filter.constructor("x")()',
    "''.big.constructor('x')()",
    '(1).toFixed.constructor("x")',
    '({}).hasOwnProperty.constructor("x")',
    'const a = []; a.push.constructor("x")',
    '(function(){}).call.constructor("x")',
  ])('flags %s', (code) => {
    expect(count(code, 'no-new-function')).toBeGreaterThanOrEqual(1);
  });

  it.each([
    'x instanceof Function',
    "typeof f === 'function'",
    'function f(Function) { return new Function("x") }',
    'class Function {} new Function()',
    'Function.prototype.toString.call(f)',
    'Function.prototype.bind.call(f, null)',
    'this.constructor(x)',
    '[].length.constructor("x")',
    '({ toString: 1 }).toString.constructor("x")',
    'new this.constructor(x)',
    'obj.constructor(x)',
    "const s = 'new Function(x)'",
    'Object.getPrototypeOf(obj)',
    'isFunction(Function)',
  ])('does not flag %s', (code) => {
    expect(hits(code, 'no-new-function')).toEqual([]);
  });
});
