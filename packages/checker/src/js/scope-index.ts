import type { Scope } from './scope';

/**
 * Finds the scope of a node from its source range, so the walk need not attach a scope to every
 * identifier (a million property writes on the corpus, each growing the node's property store)
 * when the evaluator asks about a fraction of them.
 *
 * A scope's range is its owner node's range and AST ranges nest, so the innermost scope whose range
 * contains a node is the scope the walk was in when it reached the node: among the scopes starting
 * at or before the node, the last one, or the first of its ancestors that reaches the node's end.
 */
export class ScopeIndex {
  private readonly sorted: readonly Scope[];
  /** Scope starts (source offsets fit: texts are far below 2^31 characters); small integers, never boxed. */
  private readonly starts: Int32Array;

  /** `scopes` as the walk opened them (pre-order: an enclosing scope before the ones inside it). */
  constructor(scopes: readonly Scope[]) {
    let ordered = true;
    for (let i = 1; i < scopes.length && ordered; i++) {
      ordered = (scopes[i - 1] as Scope).start <= (scopes[i] as Scope).start;
    }
    // A stable sort keeps an enclosing scope before an inner one with the same start.
    this.sorted = ordered ? scopes : [...scopes].sort((a, b) => a.start - b.start);
    this.starts = new Int32Array(this.sorted.length);
    for (let i = 0; i < this.sorted.length; i++) this.starts[i] = (this.sorted[i] as Scope).start;
  }

  /** The innermost scope containing [start, end); the first scope (the program's) contains all. */
  scopeAt(start: number, end: number): Scope {
    const starts = this.starts;
    let lo = 0;
    let hi = starts.length - 1;
    while (lo < hi) {
      const mid = (lo + hi + 1) >> 1;
      if ((starts[mid] as number) <= start) lo = mid;
      else hi = mid - 1;
    }
    let scope = this.sorted[lo] as Scope;
    while (scope.end < end && scope.parent) scope = scope.parent;
    return scope;
  }
}
