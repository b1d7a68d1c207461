import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { trustedOrigins } from '../urls';
import { analyzeJs } from './analyze';
import { analyzeJsFast } from './fast';

const options = { sourceType: 'script' as const, trusted: trustedOrigins([]) };
const keys = (code: string, fast: boolean) =>
  (fast ? analyzeJsFast(code, 'p.js', options) : analyzeJs(code, 'p.js', options)).findings
    .map((f) => `${f.rule}@${f.start}`)
    .sort();

const name = fc.constantFrom('a', 'k', 'w', 'e', 't', 'o');
const expr: fc.Arbitrary<string> = fc.oneof(
  fc.constantFrom(
    "'ev'",
    "'x()'",
    'eval',
    'window',
    '1',
    "'https://evil.example.net/x'",
    "'iframe'",
    'function () {}',
    "'\\u0065v'",
    "'\\145v'",
    "'\\ev'",
    "'\\x65v'",
    "'self'",
  ),
  name,
  name.map((n) => `${n}.k`),
  name.map((n) => `{ k: ${n} }`),
  fc.constant("{ k: 'ev' }"),
);
const sink = fc.oneof(
  name.map((n) => `window[${n} + 'al'](1);`),
  name.map((n) => `${n}(1);`),
  name.map((n) => `setTimeout(${n});`),
  name.map((n) => `${n}.call(null, 1);`),
  fc.tuple(name, name).map(([n, m]) => `${n}[${m} + 'al'](1);`),
  name.map((n) => `fetch(${n});`),
  name.map((n) => `h(${n});`),
  name.map((n) => `window[${n}.k + 'al'](1);`),
  name.map((n) => `${n}.vibrate(1);`),
  name.map((n) => `${n}.open('GET', 'https://evil.example.net/y');`),
  name.map((n) => `${n}.src = 'https://cdn.example.net/z.js';`),
  name.map((n) => `${n}.constructor('x');`),
  fc.tuple(name, name).map(([n, m]) => `const { [${m} + 'al']: q${n} } = ${n}; q${n}(1);`),
  fc.tuple(name, name).map(([n, m]) => `${n}[\`ev\${${m}}\`](1);`),
  fc.constant('pad(1);'),
);
const statements: (depth: number) => fc.Arbitrary<string> = (depth) => {
  const simple = fc.oneof(
    { arbitrary: fc.tuple(name, expr).map(([n, e]) => `var ${n} = ${e};`), weight: 4 },
    { arbitrary: fc.tuple(name, expr).map(([n, e]) => `${n} = ${e};`), weight: 1 },
    { arbitrary: sink, weight: 4 },
    { arbitrary: fc.constantFrom('eval(1);', "setTimeout('x()');", "window['ev' + 'al'](1);"), weight: 1 },
    // Destructuring patterns, which the lexer cannot tell from object literals.
    {
      arbitrary: fc.tuple(name, name).map(([n, m]) => `var [q${n}, { k: ${n} }] = [1, { k: ${m} }];`),
      weight: 1,
    },
    {
      arbitrary: fc.tuple(name, name).map(([n, m]) => `for (const { k: ${n} } of [${m}]) ${n} = 1;`),
      weight: 1,
    },
    // Where the lexer must tell a regex from a division.
    { arbitrary: name.map((n) => `if (${n}) /"'/.test(${n}); ${n} = ${n}.return / 2 / 1;`), weight: 1 },
  );
  if (depth <= 0) return fc.array(simple, { minLength: 1, maxLength: 3 }).map((s) => s.join(' '));
  const inner = statements(depth - 1);
  const nested = fc.oneof(
    fc.tuple(name, name, inner).map(([n, p, b]) => `function ${n}(${p}) { ${b} }`),
    fc.tuple(name, name, name, inner).map(([n, p, d, b]) => `function ${n}(${p} = ${d}) { ${b} }`),
    fc.tuple(name, name, name, inner).map(([n, p, d, b]) => `function ${n}({ ${p}: ${d} }) { ${b} }`),
    fc.tuple(name, name, inner).map(([n, p, b]) => `var ${n} = ({ k: ${p} }) => { ${b} };`),
    fc.tuple(name, inner).map(([n, b]) => `var ${n} = () => { ${b} };`),
    fc.tuple(name, inner).map(([n, b]) => `if (${n}) { ${b} }`),
    fc.tuple(name, inner).map(([n, b]) => `var ${n} = { k: 'x', m() { ${b} } };`),
    fc.tuple(name, inner).map(([n, b]) => `(function () { ${b} })(${n});`),
    fc.tuple(name, inner).map(([n, b]) => `class C${n} { f = 1; m() { ${b} } }`),
    fc.tuple(name, inner).map(([n, b]) => `for (var i = 0; i < ${n}; i++) { ${b} }`),
    fc.tuple(name, inner).map(([, b]) => `var arrow = () => { this.x = 1; ${b} };`),
    // Lexer traps around a body: regexes with quotes and braces, templates, labels, getters, `with`.
    fc.tuple(name, inner).map(([n, b]) => `var r${n} = /["'{}/]/g; function g${n}() { ${b} }`),
    fc.tuple(name, inner).map(([n, b]) => `var t${n} = \`\${${n}}{\${'}'}\`; function h${n}() { ${b} }`),
    fc.tuple(name, inner).map(([n, b]) => `l${n}: { ${b} }`),
    fc.tuple(name, inner).map(([n, b]) => `var o${n} = { get g() { ${b} }, [${n}]: 1 };`),
    fc.tuple(name, inner).map(([n, b]) => `with (${n}) { ${b} }`),
    fc.tuple(name, inner).map(([n, b]) => `switch (${n}) { case 1: { ${b} } default: ${n}; }`),
    fc.tuple(name, inner).map(([n, b]) => `x = ${n} / 2 / { valueOf() { ${b} } };`),
    fc.tuple(name, inner).map(([n, b]) => `try { ${b} } catch (${n}) { ${n}(1); }`),
  );
  return fc
    .array(fc.tuple(fc.oneof(simple, nested), separator), { minLength: 1, maxLength: 4 })
    .map((s) => s.map(([statement, after]) => statement + after).join(''));
};
/** What can stand between statements: white space and line terminators of every kind, comments. */
const separator = fc.constantFrom(
  '\n',
  ' ',
  '\u00a0',
  '\ufeff',
  '\u2028',
  '\u3000',
  '\r\n',
  ' // note\n',
  ' // note\u2028',
  ' // note\r',
  ' /* a\nb */ ',
);

describe('blanking is exact on generated programs', () => {
  it('gives the findings of a full analysis', () => {
    let withFindings = 0;
    let runs = 0;
    fc.assert(
      fc.property(statements(3), (program) => {
        const full = keys(program, false);
        runs++;
        if (full.length > 0) withFindings++;
        expect(keys(program, true)).toEqual(full);
      }),
      {
        numRuns: Number(process.env.RUNS ?? 300),
        seed: process.env.SEED ? Number(process.env.SEED) : 20261122,
      },
    );
    // The generator must produce findings often, or the comparison proves little.
    expect(withFindings / runs).toBeGreaterThan(0.3);
  });
});
