// Experiment preload (node --require): memoises better-sqlite3 `prepare()` per connection,
// keyed by the SQL text, to measure what re-preparing every statement costs the platform.
// Never used by the benchmark itself; see bench/platform/FINDINGS.md.
const Database = require('better-sqlite3');

const original = Database.prototype.prepare;
const caches = new WeakMap();
Database.prototype.prepare = function prepare(sql) {
  let cache = caches.get(this);
  if (!cache) {
    cache = new Map();
    caches.set(this, cache);
  }
  let statement = cache.get(sql);
  if (!statement) {
    statement = original.call(this, sql);
    cache.set(sql, statement);
  }
  return statement;
};
