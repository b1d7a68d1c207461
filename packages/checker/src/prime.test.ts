import { describe, expect, it } from 'vitest';
import { checkText } from './check-text';
import { PRIME_SAMPLE } from './prime';

describe('the priming sample', () => {
  it('is valid JavaScript that reaches the rules (so V8 sees their code paths before real input)', () => {
    const result = checkText(PRIME_SAMPLE, 'prime.js');
    expect(result.syntaxError).toBeUndefined();
    const rules = new Set(result.findings.map((f) => f.rule));
    for (const rule of [
      'no-eval',
      'no-new-function',
      'no-string-timer',
      'no-iframe',
      'no-clipboard',
      'no-geolocation',
      'no-vibrate',
      'no-untrusted-request',
    ])
      expect(rules).toContain(rule);
  });
});
