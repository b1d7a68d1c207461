import { checkText } from './check-text';
import type { CheckOptions, Finding } from './types';

/**
 * Checks one file's text; the kind comes from the extension (.js/.mjs/.cjs, .html/.htm, .css;
 * anything else yields no findings). `login-missing` is a whole-project rule: never emitted here.
 */
export function checkSource(source: string, filename: string, options?: CheckOptions): Finding[] {
  return checkText(source, filename, options).findings;
}
