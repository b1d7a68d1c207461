import { checkSource } from '../check-source';
import type { CheckOptions, RuleName } from '../types';

/** `line:column` of each finding of `rule` in a JS snippet. */
export function hits(code: string, rule: RuleName, options?: CheckOptions, filename = 'app.js'): string[] {
  return checkSource(code, filename, options)
    .filter((f) => f.rule === rule)
    .map((f) => `${f.line}:${f.column}`);
}

/** Number of findings of `rule`. */
export function count(code: string, rule: RuleName, options?: CheckOptions, filename = 'app.js'): number {
  return hits(code, rule, options, filename).length;
}
