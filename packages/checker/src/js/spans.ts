/** Offsets and spans: flat lists of sorted [start, end) pairs, and nested spans found by position. */

/** The union of two flat lists of sorted, disjoint [start, end) spans, as one such list (a linear merge). */
export function unionOfSpans(a: number[], b: number[]): number[] {
  const out: number[] = [];
  let i = 0;
  let j = 0;
  while (i < a.length || j < b.length) {
    let start: number;
    let end: number;
    if (j >= b.length || (i < a.length && (a[i] as number) <= (b[j] as number))) {
      start = a[i] as number;
      end = a[i + 1] as number;
      i += 2;
    } else {
      start = b[j] as number;
      end = b[j + 1] as number;
      j += 2;
    }
    const last = out.length - 1;
    if (last > 0 && start < (out[last] as number)) {
      if (end > (out[last] as number)) out[last] = end;
    } else out.push(start, end);
  }
  return out;
}

/** Index of the last entry ≤ at in a sorted list, or -1. */
export function lastAtOrBefore(sorted: number[], at: number): number {
  let lo = 0;
  let hi = sorted.length;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if ((sorted[mid] as number) <= at) lo = mid + 1;
    else hi = mid;
  }
  return lo - 1;
}

/**
 * Nesting of spans sorted by start (they nest or are disjoint): the index of each one's parent,
 * -1 at the top. Lets `innermost` find the spans around an offset without a linear scan.
 */
export function parentsOf(spans: ReadonlyArray<readonly [number, number, ...number[]]>): Int32Array {
  const parents = new Int32Array(spans.length);
  const stack: number[] = [];
  for (let i = 0; i < spans.length; i++) {
    const start = (spans[i] as readonly number[])[0] as number;
    while (
      stack.length > 0 &&
      ((spans[stack[stack.length - 1] as number] as readonly number[])[1] as number) <= start
    )
      stack.pop();
    parents[i] = stack.length > 0 ? (stack[stack.length - 1] as number) : -1;
    stack.push(i);
  }
  return parents;
}

/** Index of the innermost span holding `at`, or -1. */
export function innermost(
  spans: ReadonlyArray<readonly [number, number, ...number[]]>,
  parents: Int32Array,
  at: number,
): number {
  let lo = 0;
  let hi = spans.length;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if (((spans[mid] as readonly number[])[0] as number) <= at) lo = mid + 1;
    else hi = mid;
  }
  let i = lo - 1;
  while (i >= 0 && ((spans[i] as readonly number[])[1] as number) <= at) i = parents[i] as number;
  return i;
}

export function inSpans(flat: number[], at: number): boolean {
  let lo = 0;
  let hi = flat.length / 2;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if ((flat[2 * mid + 1] as number) <= at) lo = mid + 1;
    else hi = mid;
  }
  return lo < flat.length / 2 && (flat[2 * lo] as number) <= at;
}

/** The intersection of two flat lists of sorted, disjoint [start, end) spans (a linear sweep). */
export function intersectSpans(a: number[], b: number[]): number[] {
  const out: number[] = [];
  let i = 0;
  let j = 0;
  while (i < a.length && j < b.length) {
    const start = Math.max(a[i] as number, b[j] as number);
    const end = Math.min(a[i + 1] as number, b[j + 1] as number);
    if (start < end) out.push(start, end);
    if ((a[i + 1] as number) < (b[j + 1] as number)) i += 2;
    else j += 2;
  }
  return out;
}

/** The parts of sorted, disjoint spans `a` outside the sorted, disjoint spans `b`. */
export function subtractSpans(a: number[], b: number[]): number[] {
  const out: number[] = [];
  let j = 0;
  for (let i = 0; i < a.length; i += 2) {
    let start = a[i] as number;
    const end = a[i + 1] as number;
    while (j < b.length && (b[j + 1] as number) <= start) j += 2;
    for (let k = j; k < b.length && (b[k] as number) < end; k += 2) {
      if ((b[k] as number) > start) out.push(start, b[k] as number);
      start = Math.max(start, b[k + 1] as number);
    }
    if (start < end) out.push(start, end);
  }
  return out;
}

/** [0, length) minus the sorted, disjoint spans. */
export function complementOfSpans(spans: number[], length: number): number[] {
  const out: number[] = [];
  let at = 0;
  for (let i = 0; i < spans.length; i += 2) {
    if ((spans[i] as number) > at) out.push(at, spans[i] as number);
    at = Math.max(at, spans[i + 1] as number);
  }
  if (at < length) out.push(at, length);
  return out;
}

/** Spans in any order, overlapping or not (sorted in place), as flat sorted disjoint spans. */
export function mergedSpans(spans: Array<[number, number]>): number[] {
  spans.sort((a, b) => a[0] - b[0]);
  const out: number[] = [];
  for (const [start, end] of spans) {
    const last = out.length - 1;
    if (last > 0 && start <= (out[last] as number)) {
      if (end > (out[last] as number)) out[last] = end;
    } else out.push(start, end);
  }
  return out;
}
