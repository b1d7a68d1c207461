import { visitorKeys } from 'oxc-parser';
import type { ParsedJs } from './analyze';
import { parseJs } from './parse';
import { lineEnd } from './skeleton';
import { complementOfSpans, intersectSpans, subtractSpans } from './spans';
import { SPACE } from './triggers';

// biome-ignore lint/suspicious/noExplicitAny: ESTree nodes from oxc-parser are plain objects.
type Node = any;

/**
 * The next round's AST of the fast path (fast.ts) without parsing the whole text again.
 *
 * A later round un-blanks a few bodies (function bodies, object literals) that the previous round's
 * analysis found to matter; everything else is as before. Those are parsed alone in an otherwise
 * blank text, each with its braces (a function body then reads as a block; an object literal is
 * wrapped in parentheses, and ended by a semicolon, written over the characters around it), and what they hold is put into
 * the previous AST's empty nodes. The result is the AST that parsing the whole text with the new
 * blanking gives (a test compares them on real bundles), for a fraction of the cost: on the
 * benchmark corpus a second round was a quarter of the checker's time.
 *
 * The units are parsed as `commonjs` (top-level `return` allowed, sloppy like a script). Whatever
 * could read differently outside its place gives up, and the caller parses the whole text: a
 * syntax error, a module (`<!--` is not a comment there), a unit inside an async or generator
 * function (`await`, `yield`), a body that may open with a directive, a class body.
 */
export function graftBodies(
  previous: ParsedJs,
  units: Array<[number, number]>,
  blank: number[],
  source: string,
  filename: string,
): ParsedJs | undefined {
  const { program, lang } = previous;
  if (program.sourceType === 'module' || previous.firstError || units.length === 0) return undefined;
  const targets: Array<{ node: Node; key: 'body' | 'properties' }> = [];
  const withBraces: number[] = [];
  const writes: Array<[number, string]> = [];
  for (const [start, end] of units) {
    const found = emptyNodeAt(program, start - 1, end + 1);
    if (!found || found.inAsyncOrGenerator) return undefined;
    const { node } = found;
    if (node.type === 'BlockStatement' && node.body.length === 0) {
      if (mayOpenWithDirective(source, start, end)) return undefined;
      targets.push({ node, key: 'body' });
    } else if (node.type === 'ObjectExpression' && node.properties.length === 0) {
      // `({…});`: the semicolon ends the statement whatever follows on the same line.
      const open = start - 2;
      const close = end + 1;
      const ends = end + 2;
      if (open < 0 || ends >= source.length || ![open, close, ends].every((at) => isAscii(source, at)))
        return undefined;
      writes.push([open, '('], [close, ')'], [ends, ';']);
      targets.push({ node, key: 'properties' });
    } else return undefined;
    withBraces.push(start - 1, end + 1);
  }
  // Parentheses go on characters that stay blank: outside every unit, and not twice on one.
  const shown = subtractSpans(withBraces, blank);
  for (const [offset] of writes) if (inAny(withBraces, offset)) return undefined;
  if (new Set(writes.map(([offset]) => offset)).size !== writes.length) return undefined;
  const parsed = parseJs(
    filename,
    source,
    { lang, sourceType: 'commonjs', preserveParens: false },
    complementOfSpans(shown, source.length),
    // Line breaks matter only inside the units (their comments); the rest of the text is blank.
    { writes, lineBreaksIn: intersectSpans(blank, withBraces) },
  );
  const statements: Node[] = parsed.program.body;
  if (parsed.errors.length > 0 || statements.length !== targets.length) return undefined;
  const parts: Node[][] = [];
  for (let i = 0; i < statements.length; i++) {
    const statement = statements[i];
    const { node, key } = targets[i] as { node: Node; key: 'body' | 'properties' };
    const parsedNode = key === 'body' ? statement : statement.expression;
    if (parsedNode?.type !== node.type || parsedNode.start !== node.start || parsedNode.end !== node.end)
      return undefined;
    parts.push(parsedNode[key]);
  }
  for (let i = 0; i < targets.length; i++) {
    const { node, key } = targets[i] as { node: Node; key: 'body' | 'properties' };
    node[key] = parts[i];
  }
  return previous;
}

/**
 * A string first in a body could be a directive, which a block does not have. Comments before it
 * are skipped; whatever this cannot read within a few KB (an unterminated comment, `<!--`) counts as
 * maybe.
 */
function mayOpenWithDirective(source: string, start: number, end: number): boolean {
  const limit = Math.min(end, start + 4096);
  let i = start;
  while (i < limit) {
    const c = source.charCodeAt(i);
    if (c === 47 && source.charCodeAt(i + 1) === 47) i = lineEnd(source, i);
    else if (c === 47 && source.charCodeAt(i + 1) === 42) {
      const close = source.indexOf('*/', i + 2);
      if (close < 0 || close + 2 > limit) return true;
      i = close + 2;
    } else if (SPACE[c] === 1) i++;
    else return c === 34 || c === 39 || c === 60;
  }
  return i < end;
}

function isAscii(source: string, offset: number): boolean {
  return source.charCodeAt(offset) < 128;
}

function inAny(flat: number[], offset: number): boolean {
  for (let i = 0; i < flat.length; i += 2) {
    if ((flat[i] as number) <= offset && offset < (flat[i + 1] as number)) return true;
  }
  return false;
}

const FUNCTION_TYPES = new Set(['FunctionDeclaration', 'FunctionExpression', 'ArrowFunctionExpression']);

/**
 * The deepest node spanning exactly [start, end), found by descending along the offsets, and
 * whether any function around it is async or a generator.
 */
function emptyNodeAt(
  root: Node,
  start: number,
  end: number,
): { node: Node; inAsyncOrGenerator: boolean } | undefined {
  let node = root;
  let inAsyncOrGenerator = false;
  let exact: Node | undefined;
  for (;;) {
    if (FUNCTION_TYPES.has(node.type) && (node.async || node.generator)) inAsyncOrGenerator = true;
    if (node.start === start && node.end === end) exact = node;
    const child = childAround(node, start, end);
    if (!child) return exact ? { node: exact, inAsyncOrGenerator } : undefined;
    node = child;
  }
}

function childAround(node: Node, start: number, end: number): Node | undefined {
  const keys: readonly string[] = (visitorKeys as Record<string, readonly string[]>)[node.type] ?? [];
  for (const key of keys) {
    const value = node[key];
    if (Array.isArray(value)) {
      for (const item of value) if (item && item.start <= start && end <= item.end) return item;
    } else if (value && typeof value === 'object' && value.start <= start && end <= value.end) return value;
  }
  return undefined;
}
