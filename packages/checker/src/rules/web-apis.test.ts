import { describe, expect, it } from 'vitest';
import { checkSource } from '../check-source';
import type { RuleName } from '../types';
import { hits } from './test-helpers';

describe.each<[RuleName, string[], string[]]>([
  [
    'no-clipboard',
    [
      'navigator.clipboard.writeText(x)',
      'await navigator.clipboard.readText()',
      'window.navigator.clipboard.write(items)',
      "navigator['clip' + 'board'].writeText(x)",
      'const n = navigator; n.clipboard.writeText(x)',
      'const { clipboard } = navigator; clipboard.writeText(x)',
      'if (navigator.clipboard) {}',
      'navigator?.clipboard?.writeText(x)',
      "document.execCommand('copy')",
      "document.execCommand('Cut')",
      "document.execCommand('paste')",
      "const d = document; d.execCommand('co' + 'py')",
    ],
    [
      "'clipboard' in navigator",
      'obj.clipboard.writeText(x)',
      "document.execCommand('bold')",
      "el.addEventListener('copy', onCopy)",
      'function f(navigator) { navigator.clipboard.writeText(x) }',
    ],
  ],
  [
    'no-geolocation',
    [
      'navigator.geolocation.getCurrentPosition(cb)',
      'window.navigator.geolocation.watchPosition(cb)',
      'self.navigator.geolocation',
      "navigator['geolocation'].getCurrentPosition(cb)",
      'const { geolocation: g } = navigator; g.getCurrentPosition(cb)',
    ],
    [
      'this.geolocation.getCurrentPosition(cb)',
      "const s = 'navigator.geolocation'",
      '// navigator.geolocation',
    ],
  ],
  [
    'no-vibrate',
    [
      'navigator.vibrate(200)',
      'window.navigator.vibrate([100, 50])',
      'const n = navigator; n.vibrate(100)',
      'const v = navigator.vibrate.bind(navigator); v(1)',
      'navigator.webkitVibrate(1)',
      "navigator['vib' + 'rate'](1)",
    ],
    ['phone.vibrate(1)', 'function f(navigator) { navigator.vibrate(1) }'],
  ],
])('%s', (rule, positives, negatives) => {
  it.each(positives)('flags %s', (code) => {
    expect(hits(code, rule)).toHaveLength(1);
  });
  it.each(negatives)('does not flag %s', (code) => {
    expect(hits(code, rule)).toEqual([]);
  });
});

describe('web APIs in HTML', () => {
  it('are found in inline scripts and handlers with HTML positions', () => {
    const findings = checkSource(
      '<html>\n<body onload="navigator.vibrate(1)">\n<script>\n  navigator.geolocation.getCurrentPosition(f)\n</script>\n<a href="javascript:navigator.clipboard.writeText(1)">x</a>',
      'index.html',
    );
    expect(findings.map((f) => `${f.rule}@${f.line}:${f.column}`)).toEqual([
      'no-vibrate@2:15',
      'no-geolocation@4:3',
      'no-clipboard@6:21',
    ]);
  });
});
