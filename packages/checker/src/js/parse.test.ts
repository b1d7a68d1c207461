import { parseSync } from 'oxc-parser';
import { describe, expect, it, vi } from 'vitest';
import { parseJs, rawBufferHeld, rawTransferInUse, releaseRawBuffer } from './parse';

const replacer = (_key: string, value: unknown) =>
  typeof value === 'bigint'
    ? `${value}n`
    : value instanceof RegExp
      ? `/${value.source}/${value.flags}`
      : value;
const same = (a: unknown) => JSON.stringify(a, replacer);

const SOURCES: Array<[string, string]> = [
  // biome-ignore lint/suspicious/noTemplateCurlyInString: JavaScript source text holding a template literal.
  ['ascii.js', 'var a = 1; eval(a + `x${a}y`); new Function("return 1")();'],
  ['non-ascii.js', 'const é = "ü€𝄞"; /* ☃ */ setTimeout("ä" + é, 1); window["ev" + "al"]("𝄞")'],
  ['literals.js', 'const big = 10n, re = /a[/]b/giu, tpl = String.raw`\\u{61}`; label: { break label; }'],
  [
    'module.mjs',
    'import x, { y as z } from "m"; export default class A extends x { #p = z; static { this.q = 1; } }',
  ],
  ['jsx.jsx', 'const el = <div onClick={() => eval("1")}>{"é"}</div>;'],
  ['broken.js', 'function f( { eval("x") '],
  ['hashbang.js', '#!/usr/bin/env node\nconsole.log(1)'],
];

describe('parseJs', () => {
  it('uses raw transfer on this host (64-bit little-endian with 6 GiB of address space)', () => {
    expect(rawTransferInUse()).toBe(true);
  });

  it.each(SOURCES)('gives the same ESTree and errors as parseSync for %s', (filename, source) => {
    const options = {
      lang: filename.endsWith('.jsx') ? ('jsx' as const) : ('js' as const),
      sourceType: filename.endsWith('.mjs') ? ('module' as const) : ('unambiguous' as const),
      preserveParens: false,
    };
    const raw = parseJs(filename, source, options);
    const json = parseSync(filename, source, options);
    expect(same(raw.program)).toBe(same(json.program));
    expect(raw.errors.map((e) => [e.message, e.labels[0]?.start])).toEqual(
      json.errors.map((e) => [e.message, e.labels[0]?.start]),
    );
  });

  it('parses one file after another with the same buffer (no state leaks between parses)', () => {
    const big = `var x = [${'1,'.repeat(50_000)}]; eval(x)`;
    const first = parseJs('big.js', big, { lang: 'js' });
    const second = parseJs('small.js', 'eval(1)', { lang: 'js' });
    expect(first.program.body).toHaveLength(2);
    expect(second.program.body).toHaveLength(1);
    expect(second.program.end).toBe(7);
  });

  it('lets the buffer go after 30 s without a parse, and takes a new one for the next parse', () => {
    releaseRawBuffer();
    vi.useFakeTimers();
    try {
      parseJs('a.js', 'eval(1)', { lang: 'js' });
      expect(rawBufferHeld()).toBe(true);
      vi.advanceTimersByTime(29_000);
      parseJs('b.js', 'eval(2)', { lang: 'js' });
      vi.advanceTimersByTime(29_000);
      expect(rawBufferHeld()).toBe(true);
      vi.advanceTimersByTime(2_000);
      expect(rawBufferHeld()).toBe(false);
      expect(parseJs('c.js', 'eval(3)', { lang: 'js' }).program.body).toHaveLength(1);
      expect(rawBufferHeld()).toBe(true);
    } finally {
      vi.useRealTimers();
    }
  });
});
