import { describe, expect, it } from 'vitest';
import { parseJs } from './parse';
import type { Node } from './scope';
import { pathIs } from './values';
import { walkProgram } from './walk';

/** Every node of a type, in source order (a plain recursive walk, independent of walk.ts). */
function nodesOf(program: Node, type: string): Node[] {
  const out: Node[] = [];
  const visit = (value: unknown): void => {
    if (Array.isArray(value)) for (const v of value) visit(v);
    else if (value && typeof value === 'object') {
      const node = value as Node;
      if (node.type === type) out.push(node);
      for (const key of Object.keys(node)) if (key !== 'type') visit(node[key]);
    }
  };
  visit(program);
  return out.sort((a, b) => a.start - b.start);
}

/** For each use of `name` marked with a comment, whether it evaluates to the global eval. */
function usesOfEval(code: string, name = 'e'): boolean[] {
  const { program } = parseJs('t.js', code, { sourceType: 'script', preserveParens: false });
  const { evaluator } = walkProgram(program, false);
  const marked = nodesOf(program, 'Identifier').filter(
    (id) => id.name === name && code.slice(id.end, id.end + 3) === '/*u',
  );
  return marked.map((id) => pathIs(evaluator.value(id), 'eval'));
}

describe('walkProgram scopes (found by position)', () => {
  it('resolves names through blocks, functions, arrows, classes, catch and for', () => {
    const code = [
      'var e = eval; e/*u*/;',
      '{ let e = 1; e/*u*/; }',
      'if (x) { y = e/*u*/; }',
      'if (x) { z(); } else { let q; e/*u*/; }',
      'e => e/*u*/;',
      '(a = e/*u*/) => { let e; e/*u*/; };',
      'function f(e) { return e/*u*/; }',
      'function g() { return () => e/*u*/; }',
      'class A extends e/*u*/ { m() { return e/*u*/; } static { let e; e/*u*/; } }',
      'try {} catch (e) { e/*u*/; }',
      'try {} catch { e/*u*/; }',
      'for (let e of y) { e/*u*/; }',
      'for (const k in y) { e/*u*/; }',
      'switch (e/*u*/) { case 1: let e; e/*u*/; }',
      'label: { e/*u*/; }',
      'x = [e/*u*/, { k: e/*u*/, e }];',
    ].join('\n');
    // As the walk that attached a scope to every name decided (the body of a function, its
    // parameters and a `switch` share one scope there).
    expect(usesOfEval(code)).toEqual([
      true,
      false,
      true,
      true,
      false,
      false,
      false,
      false,
      true,
      true,
      true,
      false,
      false,
      true,
      false,
      true,
      false,
      false,
      true,
      true,
      true,
    ]);
  });

  it('sees a block-level function and a sloppy if-function in their block', () => {
    expect(usesOfEval('var e = eval; { function e() {} e/*u*/; } e/*u*/;')).toEqual([false, true]);
    expect(usesOfEval('var e = eval; { if (x) function e() {} e/*u*/; }')).toEqual([false]);
    expect(usesOfEval('var e = eval; { l: function e() {} e/*u*/; }')).toEqual([false]);
  });

  it("declares a function's implicit arguments before anything named arguments", () => {
    const uses = (code: string) => usesOfEval(code, 'arguments');
    expect(uses('function f() { var arguments = eval; arguments/*u*/; }')).toEqual([false]);
    expect(uses('function f() { let arguments = eval; arguments/*u*/; }')).toEqual([false]);
    expect(uses('var arguments = eval; function g() { arguments/*u*/; } () => arguments/*u*/;')).toEqual([
      false,
      true,
    ]);
    expect(uses('(function arguments() { arguments/*u*/; })')).toEqual([false]);
    expect(uses('function m() { { let arguments = eval; arguments/*u*/; } }')).toEqual([true]);
  });

  it('knows where `this` is the global object', () => {
    const code = 'this; () => this; function f() { this; } class C { m() { this; } }; { this; }';
    const { program } = parseJs('t.js', code, { sourceType: 'script' });
    const { evaluator } = walkProgram(program, false);
    const global = nodesOf(program, 'ThisExpression').map(
      (t) => pathIs(evaluator.value(t), 'window') || evaluator.value(t).k === 'path',
    );
    expect(global).toEqual([true, true, false, false, true]);
    const mod = parseJs('t.mjs', 'this', { sourceType: 'module' }).program;
    expect(walkProgram(mod, true).evaluator.value(nodesOf(mod, 'ThisExpression')[0]).k).toBe('unknown');
  });

  it('gives blocks that declare nothing no scope of their own', () => {
    const { program } = parseJs('t.js', '{ a(); } { let b; } if (x) { c = 1; }', { sourceType: 'script' });
    expect(walkProgram(program, false).scopes).toHaveLength(2);
  });

  it('gives functions with an empty body and plain parameters no scope', () => {
    const code =
      'function f(a, b) {} var g = function h() {}; (c) => {}; function k(d = e) {} function m() { n(); }';
    const { program } = parseJs('t.js', code, { sourceType: 'script' });
    const { scopes } = walkProgram(program, false);
    expect(scopes.map((s) => code.slice(s.start, s.end))).toEqual([
      code,
      'function k(d = e) {}',
      'function m() { n(); }',
    ]);
    expect(scopes[0]?.bindings.map((b) => `${b.name}:${b.kind}`)).toEqual([
      'f:function',
      'g:var',
      'k:function',
      'm:function',
    ]);
  });

  it('collects only the sites a rule can read', () => {
    const code =
      'a.b; a.login; a[k]; a.b = c; a.b = 1; a.src = 1; x = eval; var {p} = q; var r = 1; (function(){})(); f();';
    const { program } = parseJs('t.js', code, { sourceType: 'script' });
    const sites = walkProgram(program, false).sites.map((s) => code.slice(s.start, s.end));
    expect(sites).toEqual(['a.login', 'a[k]', 'a.b = c', 'a.src = 1', '{p} = q', 'f()']);
  });
});
