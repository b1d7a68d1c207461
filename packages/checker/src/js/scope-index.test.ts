import { describe, expect, it } from 'vitest';
import { Scope } from './scope';
import { ScopeIndex } from './scope-index';

describe('ScopeIndex', () => {
  const root = new Scope(undefined, true, false);
  const f = new Scope(root, true, true, 10, 50);
  const inner = new Scope(f, false, false, 20, 30);
  const later = new Scope(f, false, false, 35, 45);
  const g = new Scope(root, true, true, 60, 70);
  const scopes = [root, f, inner, later, g];

  it('finds the innermost scope containing a range', () => {
    const index = new ScopeIndex(scopes);
    expect(index.scopeAt(0, 5)).toBe(root);
    expect(index.scopeAt(10, 11)).toBe(f);
    expect(index.scopeAt(21, 22)).toBe(inner);
    expect(index.scopeAt(31, 33)).toBe(f);
    expect(index.scopeAt(40, 41)).toBe(later);
    expect(index.scopeAt(46, 50)).toBe(f);
    expect(index.scopeAt(55, 58)).toBe(root);
    expect(index.scopeAt(60, 70)).toBe(g);
    expect(index.scopeAt(80, 90)).toBe(root);
  });

  it('accepts scopes out of source order', () => {
    const index = new ScopeIndex([root, f, later, inner, g]);
    expect(index.scopeAt(21, 22)).toBe(inner);
    expect(index.scopeAt(40, 41)).toBe(later);
  });
});
