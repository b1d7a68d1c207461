import { describe, expect, it } from 'vitest';
import { isSensitive, pathIs, type Value } from './values';

describe('isSensitive', () => {
  it.each<[readonly string[], boolean]>([
    [[], true],
    [[''], true],
    [['eval'], true],
    [['navigator'], true],
    [['navigator', 'sendBeacon'], true],
    [['navigator.sendBeacon'], true],
    [['navigator', 'vibrate'], false],
    [['TTMinis', 'game', 'login'], true],
    [['TTMinis.game', 'login'], true],
    [['TTMinis', 'game', 'login', 'x'], false],
    [['document', 'createElement'], false],
  ])('path %j: %s', (path, expected) => {
    expect(isSensitive({ k: 'path', path })).toBe(expected);
  });

  it.each<[string, boolean]>([
    ['iframe', true],
    [' IFrame\n', true],
    ['frame', true],
    ['frameset', false],
    ['div', false],
  ])('string %j: %s', (s, expected) => {
    expect(isSensitive({ k: 'str', s })).toBe(expected);
  });
});

describe('pathIs', () => {
  const p = (...path: string[]): Value => ({ k: 'path', path });
  it('compares one to three segments exactly', () => {
    expect(pathIs(p('eval'), 'eval')).toBe(true);
    expect(pathIs(p('eval', 'call'), 'eval')).toBe(false);
    expect(pathIs(p('Function', 'prototype', 'call'), 'Function', 'prototype', 'call')).toBe(true);
    expect(pathIs(p('Function', 'prototype'), 'Function', 'prototype', 'call')).toBe(false);
    expect(pathIs({ k: 'str', s: 'eval' }, 'eval')).toBe(false);
  });
});
