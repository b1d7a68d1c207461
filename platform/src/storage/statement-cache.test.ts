import SQLite from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import { StatementCache } from './statement-cache';

function countingDatabase() {
  const database = new SQLite(':memory:');
  let prepared = 0;
  return {
    database,
    prepared: () => prepared,
    source: {
      close: () => database.close(),
      prepare: (sql: string) => {
        prepared++;
        return database.prepare(sql);
      },
    },
  };
}

describe('StatementCache', () => {
  it('returns the same statement for the same SQL text', () => {
    const { source, prepared } = countingDatabase();
    const cache = new StatementCache(source, 4);
    const first = cache.prepare('select ? as v');
    expect(cache.prepare('select ? as v')).toBe(first);
    expect(cache.prepare('select ? as w')).not.toBe(first);
    expect(prepared()).toBe(2);
    expect(first.all([7])).toEqual([{ v: 7 }]);
    cache.close();
  });

  it('evicts the least recently used statement past its bound', () => {
    const { source, prepared } = countingDatabase();
    const cache = new StatementCache(source, 2);
    const a = cache.prepare('select 1');
    cache.prepare('select 2');
    expect(cache.prepare('select 1')).toBe(a); // now the most recently used
    cache.prepare('select 3'); // evicts "select 2"
    expect(cache.size).toBe(2);
    expect(cache.prepare('select 1')).toBe(a);
    expect(prepared()).toBe(3);
    cache.prepare('select 2');
    expect(prepared()).toBe(4);
    expect(cache.size).toBe(2);
    cache.close();
  });

  it('prepares a fresh statement while the cached one is being iterated', () => {
    const { source } = countingDatabase();
    const cache = new StatementCache(source);
    const sql = 'select value from json_each(?)';
    const streaming = cache.prepare(sql);
    const rows = streaming.iterate(['[1,2]']);
    rows.next();
    const other = cache.prepare(sql);
    expect(other).not.toBe(streaming);
    expect(other.all(['[3]'])).toEqual([{ value: 3 }]);
    rows.return?.();
    expect(cache.prepare(sql)).toBe(streaming);
    cache.close();
  });

  it('rejects a bound that is not a positive integer', () => {
    const { source } = countingDatabase();
    expect(() => new StatementCache(source, 0)).toThrow(/positive integer, got 0/);
    source.close();
  });
});
