import { describe, expect, it } from 'vitest';
import type { Dependency } from './evaluate';
import { parseJs } from './parse';
import { pushSensitiveBindings } from './sensitive-bindings';
import { isSensitive, propertiesThatMatter } from './values';
import { walkProgram } from './walk';

/** The loop analyze.ts ran before: every binding with an initialiser evaluated. */
function everyBinding(code: string): Dependency[] {
  const { scopes, evaluator } = walkProgram(parseJs('t.js', code, { sourceType: 'script' }).program, false);
  const out: Dependency[] = [];
  for (const scope of scopes) {
    for (const binding of scope.bindings.values()) {
      if (!binding.init) continue;
      evaluator.resetBudget();
      const value = evaluator.bindingValue(binding, 0);
      if (isSensitive(value)) out.push([binding.name, scope.start, scope.end, propertiesThatMatter(value)]);
    }
  }
  return out;
}

function sensitive(code: string): Dependency[] {
  const { scopes, evaluator } = walkProgram(parseJs('t.js', code, { sourceType: 'script' }).program, false);
  const out: Dependency[] = [];
  pushSensitiveBindings(scopes, evaluator, out);
  return out;
}

describe('pushSensitiveBindings', () => {
  it.each([
    'var e = eval, f = function () {}, o = { k: eval }, a = [eval], n = 1, s = "x";',
    'var w = window; var d = w.document; const { eval: e } = window; let t = "ifr" + "ame";',
    'function g() { var x = self.setTimeout; x = 1; var y = x; var z = navigator; return z; }',
    'var s = document.createElement("script"), r = new XMLHttpRequest(), c = class {};',
    'var a = b, b = a; var p = (0, eval); var q = cond ? fetch : null;',
  ])('finds what evaluating every binding finds: %s', (code) => {
    expect(sensitive(code)).toEqual(everyBinding(code));
    expect(sensitive(code).length).toBeGreaterThan(0);
  });
});
