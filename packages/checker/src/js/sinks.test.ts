import { describe, expect, it } from 'vitest';
import { checkSource } from '../check-source';
import { parseJs } from './parse';
import type { Node } from './scope';
import { isSite } from './sinks';

const expressionOf = (code: string): Node =>
  (parseJs('t.js', code, { sourceType: 'script' }).program.body[0] as Node).expression;

describe('isSite', () => {
  it.each([
    ['a.login', true],
    ['a.clipboard', true],
    ['a[k]', true],
    ['a.b', false],
    ['a.hasOwnProperty', false],
    ['a.b = c', true],
    ['a.innerHTML = 1', true],
    ['a[k] = 1', true],
    ['a.b = 1', false],
    ['x = eval', false],
    ['f()', true],
    ['(function () {})()', false],
    ['(() => 1)()', false],
    ['[a, 1]', true],
    ['[1, 2]', false],
  ])('%s: %s', (code, expected) => {
    expect(isSite(expressionOf(code))).toBe(expected);
  });
});

describe('navigator rules', () => {
  it('ignores keys inherited from Object.prototype', () => {
    expect(checkSource('navigator.hasOwnProperty("x"); navigator.constructor;', 'a.js')).toEqual([]);
    expect(checkSource('const { toString: t, valueOf } = navigator;', 'a.js')).toEqual([]);
  });
});
