import { scanEscape } from './escapes';
import { inSpans, mergedSpans, unionOfSpans } from './spans';
import {
  anyIn,
  findTriggers,
  IDENT,
  isWordPiece,
  SPACE,
  scanWord,
  scanWords,
  type TriggerOffsets,
} from './triggers';

/**
 * A cheap lexical pass (strings, comments, templates, regex literals, brackets) that finds the
 * function bodies and statement blocks which cannot hold a finding: their raw text contains no
 * trigger word (triggers.ts). Their interiors are blanked with spaces, so offsets are unchanged
 * and the parser only builds the AST of code that matters. fast.ts checks the exactness
 * conditions after the analysis and falls back to a full parse when one fails.
 */
/**
 * [bodyStart, bodyEnd, paramsStart, paramsEnd, isFunction]: a body whose parameters can shadow
 * outer names; isFunction is 0 for catch clauses (their body is not a `var` scope).
 */
export type ParamScope = [number, number, number, number, number];

export interface Skeleton {
  /** Brace interiors holding no trigger, sorted by start; they nest. */
  bodies: Array<[number, number]>;
  /** Flat [start, end) spans of comments and long trigger-free strings: sorted, disjoint. */
  inert: number[];
  /** Bodies of functions, arrows and catch clauses with their parameter text, sorted by start. */
  paramScopes?: ParamScope[];
  /** Offsets of trigger words in code (not in comments), sorted. */
  triggers?: number[];
  /** Deepest nesting of brackets, braces and template expressions. */
  maxDepth: number;
  /** False when the file holds no trigger and no `this`: nothing in it can be a finding. */
  hasTriggers: boolean;
}

const REGEX_AFTER_WORD = new Set([
  'return',
  'typeof',
  'instanceof',
  'in',
  'of',
  'new',
  'delete',
  'void',
  'throw',
  'case',
  'do',
  'else',
  'yield',
  'await',
  'extends',
  'default',
]);
/** After `if (…)`, `while (…)`, `for (…)`, `with (…)` a statement starts: a `/` there opens a regex. */
const CONDITION_WORDS = new Set(['if', 'while', 'for', 'with']);
/**
 * String literals longer than this (shaders, embedded data) are blanked to spaces when they hold
 * no trigger, no `//` (a URL) and no line continuation: a blanked string is still a string, so a timer
 * still sees one, and nothing else a rule reads from a string can be that long without a trigger.
 */
const LONG_STRING = 64;

function hasUnblankable(src: string, start: number, end: number): boolean {
  const text = src.slice(start, end);
  return text.includes('//') || /\\[\n\r\u2028\u2029]/.test(text);
}

/**
 * Object literals and class bodies are blanked only when this does not match their raw text: a
 * brace the lexer took for a literal but that is a block (`a: {…}`, a block after a line break)
 * then cannot hide a declaration that code left in place would resolve to. Destructuring
 * patterns (`{…} =`) are never blanked. Property values read by the evaluator are kept through
 * fast.ts (`consulted` spans).
 */
const DECLARATION = /(?<![\w$.])(?:var|let|const|function|class|import|using)(?![\w$])/;

function followedByAssign(src: string, from: number): boolean {
  let k = from;
  while (isSpace(src.charCodeAt(k))) k++;
  return src.charCodeAt(k) === 61 /* = */ && src.charCodeAt(k + 1) !== 61 && src.charCodeAt(k + 1) !== 62;
}

const PAREN_BLOCK_WORDS = new Set(['if', 'for', 'while', 'switch', 'catch', 'with']);
const BLOCK_WORDS = new Set(['else', 'do', 'try', 'finally', 'catch']);
const DECLARING_WORDS = new Set(['var', 'let', 'const', 'using']);

interface Brace {
  open: number;
  candidate: boolean;
  /** An object literal or class body (or a brace the lexer cannot tell from one). */
  literal?: boolean;
  /** Inside a non-arrow function: `this` there is not the global object. */
  thisSafe: boolean;
  template: boolean;
}

/** What the lexer does at a code unit: 0 skip, 1 read a word (triggers.ts), 2 lex (quotes, `/`, brackets, braces), 3 an escape. */
const ACTION = new Uint8Array(65536);
for (let c = 0; c < 65536; c++) if (IDENT[c] === 1) ACTION[c] = 1;
for (const ch of '"\'`/{}()[]') ACTION[ch.charCodeAt(0)] = 2;
ACTION[92] = 3;

export function scanSkeleton(src: string): Skeleton {
  // Trigger words are found during the same pass, in code, strings, templates and regexes, not in
  // comments (no finding starts there): one pass over the text instead of two.
  const found: TriggerOffsets = { triggers: [], thisAt: [] };
  const n = src.length;
  const braces: Brace[] = [];
  const parens: number[] = [];
  /** Flat [start, end, thisSafe, literal] per candidate, in the order their braces close. */
  const candidates: number[] = [];
  let lastCloseParen = -1;
  let lastCloseParenOpen = -1;
  let depth = 0;
  let maxDepth = 0;
  let balanced = true;
  let i = 0;
  /** Flat [start, end) of comments: triggers there cannot start a finding, and they are blanked. */
  const comments: number[] = [];
  /** Flat [start, end) interiors of long string literals (see LONG_STRING). */
  const strings: number[] = [];
  /** [bodyStart, bodyEnd, paramsStart, paramsEnd] of every function, arrow and catch body. */
  const paramScopes: ParamScope[] = [];
  /** Indices into paramScopes still open, to set their end. */
  const openScopes: number[] = [];

  const resumeTemplate = (from: number, brace: Brace): number => {
    const t = skipTemplate(src, from);
    const before = found.triggers.length;
    scanWords(src, from, t.end, found, 'string');
    const pieceEnd = t.expr === -1 ? t.end - 1 : t.end;
    if (isWordPiece(src, from, pieceEnd)) found.triggers.splice(before, 0, from);
    if (t.expr === -1) return t.end;
    braces.push(brace);
    if (++depth > maxDepth) maxDepth = depth;
    return t.expr + 2;
  };

  while (i < n) {
    const c = src.charCodeAt(i);
    const action = ACTION[c];
    if (action === 0) {
      i++;
      continue;
    }
    if (action === 1) {
      i = scanWord(src, i, c, n, found, true);
      continue;
    }
    if (action === 3) {
      i = scanEscape(src, i, found, false);
      continue;
    }
    const p = i;
    if (c === 34 || c === 39) {
      const before = found.triggers.length;
      i = scanString(src, p, c, found);
      if (src.charCodeAt(i - 1) === c && isWordPiece(src, p + 1, i - 1))
        found.triggers.splice(before, 0, p + 1);
      if (i - p > LONG_STRING && src.charCodeAt(i - 1) === c) strings.push(p + 1, i - 1);
    } else if (c === 96) {
      i = resumeTemplate(p + 1, {
        open: p,
        candidate: false,
        thisSafe: top(braces),
        template: true,
      });
      if (i - p > LONG_STRING && src.charCodeAt(i - 1) === 96 && src.lastIndexOf('${', i) < p)
        strings.push(p + 1, i - 1);
    } else if (c === 47) {
      const next = src.charCodeAt(p + 1);
      if (next === 47) {
        i = lineEnd(src, p);
        comments.push(p, i);
      } else if (next === 42) {
        const e = src.indexOf('*/', p + 2);
        i = e === -1 ? n : e + 2;
        comments.push(p, i);
      } else {
        const e = regexAllowed(src, p, comments, lastCloseParen, lastCloseParenOpen) ? skipRegex(src, p) : -1;
        if (e !== -1) scanWords(src, p + 1, e, found, 'regex');
        i = e === -1 ? p + 1 : e;
      }
    } else if (c === 40 || c === 91) {
      parens.push(p);
      if (++depth > maxDepth) maxDepth = depth;
      i = p + 1;
    } else if (c === 41 || c === 93) {
      const open = parens.pop();
      if (open === undefined) balanced = false;
      else depth--;
      if (c === 41) {
        lastCloseParen = p;
        lastCloseParenOpen = open ?? -1;
      }
      i = p + 1;
    } else if (c === 123) {
      const parentSafe = top(braces);
      const { kind, ps, pe } = classifyBrace(src, p, lastCloseParen, lastCloseParenOpen);
      if (ps !== -1) {
        openScopes.push(paramScopes.length);
        paramScopes.push([p + 1, -1, ps, pe, kind === 'function' || kind === 'arrow' ? 1 : 0]);
      }
      braces.push({
        open: p,
        // Only whole function bodies are blanked: their declarations are their own, so blanking
        // one cannot change what a name in the remaining code resolves to (see fast.ts).
        candidate: kind === 'function' || kind === 'arrow' || kind === 'other',
        literal: kind === 'other',
        thisSafe: kind === 'function' || parentSafe,
        template: false,
      });
      if (++depth > maxDepth) maxDepth = depth;
      i = p + 1;
    } else {
      const b = braces.pop();
      i = p + 1;
      if (!b) {
        balanced = false;
        continue;
      }
      depth--;
      if (b.template) {
        i = resumeTemplate(p + 1, b);
        continue;
      }
      const openScope = openScopes[openScopes.length - 1];
      if (openScope !== undefined && (paramScopes[openScope] as ParamScope)[0] === b.open + 1) {
        (paramScopes[openScope] as ParamScope)[1] = p;
        openScopes.pop();
      }
      if (b.candidate && p > b.open + 1 && !(b.literal && followedByAssign(src, p + 1))) {
        candidates.push(b.open + 1, p, b.thisSafe ? 1 : 0, b.literal ? 1 : 0);
      }
    }
  }
  if (braces.length > 0 || parens.length > 0) balanced = false;
  if (!balanced) {
    // The lexer lost its way, so what it took for comments may be code: any trigger anywhere counts.
    const raw = findTriggers(src);
    return {
      bodies: [],
      inert: [],
      maxDepth: Math.max(maxDepth, rawDepth(src)),
      hasTriggers: raw.triggers.length > 0 || raw.thisAt.length > 0,
    };
  }
  const codeTriggers = found.triggers;
  const codeThis = found.thisAt;
  if (codeTriggers.length === 0 && codeThis.length === 0)
    return { bodies: [], inert: [], maxDepth, hasTriggers: false };
  const bodies: Array<[number, number]> = [];
  const parameters = parameterSpans(paramScopes);
  for (let k = 0; k < candidates.length; k += 4) {
    const start = candidates[k] as number;
    const end = candidates[k + 1] as number;
    if (anyIn(codeTriggers, start, end) || (candidates[k + 2] === 0 && anyIn(codeThis, start, end))) continue;
    if (candidates[k + 3] === 1) {
      // In a parameter list a brace is a destructuring pattern: it declares names.
      if (inSpans(parameters, start) || DECLARATION.test(src.slice(start, end))) continue;
    }
    bodies.push([start, end]);
  }
  bodies.sort((a, b) => a[0] - b[0] || b[1] - a[1]);
  // Comments and long strings are each in text order and never overlap: one merge.
  const blankableStrings: number[] = [];
  for (let s = 0; s < strings.length; s += 2) {
    const start = strings[s] as number;
    const end = strings[s + 1] as number;
    if (!anyIn(codeTriggers, start, end) && !hasUnblankable(src, start, end))
      blankableStrings.push(start, end);
  }
  const inert = unionOfSpans(comments, blankableStrings);
  return {
    bodies,
    inert,
    maxDepth,
    hasTriggers: true,
    triggers: codeTriggers,
    paramScopes,
  };
}

/** The parameter lists of functions, arrows and catch clauses, as flat sorted disjoint spans. */
function parameterSpans(scopes: ParamScope[]): number[] {
  const spans: Array<[number, number]> = [];
  for (const [, , ps, pe] of scopes) if (pe > ps) spans.push([ps, pe]);
  return mergedSpans(spans);
}

/** The source with every region's characters (line breaks kept) replaced by spaces. */
export function blankRegions(src: string, regions: readonly number[]): string {
  const units = Buffer.from(src, 'utf16le');
  const view = new Uint16Array(units.buffer, units.byteOffset, src.length);
  for (let r = 0; r < regions.length; r += 2) {
    const end = regions[r + 1] as number;
    for (let j = regions[r] as number; j < end; j++) {
      const c = view[j] as number;
      if (c !== 10 && c !== 13 && c !== 0x2028 && c !== 0x2029) view[j] = 32;
    }
  }
  return units.toString('utf16le');
}

function top(braces: Brace[]): boolean {
  return braces.length > 0 && (braces[braces.length - 1] as Brace).thisSafe;
}

function isIdentChar(code: number): boolean {
  return IDENT[code] === 1;
}

function isSpace(code: number): boolean {
  return SPACE[code] === 1;
}

function prevSignificant(src: string, from: number): number {
  let k = from;
  while (k >= 0 && isSpace(src.charCodeAt(k))) k--;
  return k;
}

function wordBefore(src: string, end: number): string {
  let k = end;
  while (k >= 0 && isIdentChar(src.charCodeAt(k))) k--;
  return src.slice(k + 1, end + 1);
}

interface BraceKind {
  kind: 'function' | 'arrow' | 'block' | 'switch' | 'pattern' | 'other';
  /** Parameter text of a function, arrow or catch clause whose body this is: [start, end), or -1. */
  ps: number;
  pe: number;
}

function classifyBrace(
  src: string,
  p: number,
  lastCloseParen: number,
  lastCloseParenOpen: number,
): BraceKind {
  const k = prevSignificant(src, p - 1);
  if (k < 0) return { kind: 'other', ps: -1, pe: -1 };
  const ch = src.charCodeAt(k);
  if (ch === 41 /* ) */) {
    if (k !== lastCloseParen || lastCloseParenOpen < 0) return { kind: 'other', ps: -1, pe: -1 };
    const w = prevSignificant(src, lastCloseParenOpen - 1);
    if (w < 0) return { kind: 'block', ps: -1, pe: -1 };
    const wc = src.charCodeAt(w);
    if (isIdentChar(wc)) {
      const word = wordBefore(src, w);
      if (word === 'switch') return { kind: 'switch', ps: -1, pe: -1 };
      if (word === 'catch') return { kind: 'block', ps: lastCloseParenOpen + 1, pe: lastCloseParen };
      if (PAREN_BLOCK_WORDS.has(word)) return { kind: 'block', ps: -1, pe: -1 };
      return { kind: 'function', ps: lastCloseParenOpen + 1, pe: lastCloseParen };
    }
    if (wc === 42 /* * */) return { kind: 'function', ps: lastCloseParenOpen + 1, pe: lastCloseParen };
    return { kind: 'other', ps: -1, pe: -1 };
  }
  if (ch === 62 /* > */ && src.charCodeAt(k - 1) === 61 /* = */) {
    // Arrow body: parameters are `(…)` or a single identifier before `=>`.
    const a = prevSignificant(src, k - 2);
    if (a >= 0 && src.charCodeAt(a) === 41 && a === lastCloseParen && lastCloseParenOpen >= 0) {
      return { kind: 'arrow', ps: lastCloseParenOpen + 1, pe: lastCloseParen };
    }
    if (a >= 0 && isIdentChar(src.charCodeAt(a)))
      return { kind: 'arrow', ps: a + 1 - wordBefore(src, a).length, pe: a + 1 };
    return { kind: 'arrow', ps: -1, pe: -1 };
  }
  if (isIdentChar(ch)) {
    const word = wordBefore(src, k);
    if (BLOCK_WORDS.has(word)) return { kind: 'block', ps: -1, pe: -1 };
    // `const {a: k} of list`, `let {b} = o`: a pattern, which declares names.
    if (DECLARING_WORDS.has(word)) return { kind: 'pattern', ps: -1, pe: -1 };
  }
  return { kind: 'other', ps: -1, pe: -1 };
}

/**
 * Where a `//` comment starting at p ends: the first line terminator after it (`\n`, `\r`, U+2028,
 * U+2029), or the text's end. The native search finds the `\n`; only the comment's own text is
 * then read for the others.
 */
export function lineEnd(src: string, p: number): number {
  let e = src.indexOf('\n', p);
  if (e === -1) e = src.length;
  for (let j = p + 2; j < e; j++) {
    const c = src.charCodeAt(j);
    if (c === 13 || c === 0x2028 || c === 0x2029) return j;
  }
  return e;
}

/**
 * Whether a `/` at p starts a regex: decided by the code before it, comments skipped. `lastCloseParen`
 * and its `(`: a regex can follow the `)` of an `if`, `while`, `for` or `with` condition.
 */
function regexAllowed(
  src: string,
  p: number,
  comments: number[],
  lastCloseParen: number,
  lastCloseParenOpen: number,
): boolean {
  let k = prevSignificant(src, p - 1);
  for (let c = comments.length - 2; c >= 0 && k >= 0 && comments[c + 1] === k + 1; c -= 2) {
    k = prevSignificant(src, (comments[c] as number) - 1);
  }
  if (k < 0) return true;
  const ch = src.charCodeAt(k);
  if (ch === 41)
    return k === lastCloseParen && lastCloseParenOpen >= 0 && afterCondition(src, lastCloseParenOpen);
  if (ch === 93) return false;
  if (isIdentChar(ch)) {
    const word = wordBefore(src, k);
    // `x.return / 2`: a property, not the keyword.
    return REGEX_AFTER_WORD.has(word) && src.charCodeAt(prevSignificant(src, k - word.length)) !== 46;
  }
  // `a++ / b` and `a-- / b` divide.
  if ((ch === 43 || ch === 45) && src.charCodeAt(k - 1) === ch) return false;
  return true;
}

/** Whether the `(` at `open` is an `if`, `while`, `for` or `with` condition's. */
function afterCondition(src: string, open: number): boolean {
  const w = prevSignificant(src, open - 1);
  if (w < 0 || !isIdentChar(src.charCodeAt(w))) return false;
  const word = wordBefore(src, w);
  return CONDITION_WORDS.has(word) && src.charCodeAt(prevSignificant(src, w - word.length)) !== 46;
}

/** Skips a string literal from its opening quote, recording the triggers in it; returns the offset after it. */
function scanString(src: string, p: number, quote: number, found: TriggerOffsets): number {
  const n = src.length;
  let j = p + 1;
  while (j < n) {
    const ch = src.charCodeAt(j);
    if (ch === quote) return j + 1;
    if (ch === 92) j = scanEscape(src, j, found, true);
    else if (ch === 10) return j;
    else if (IDENT[ch] === 1) j = scanWord(src, j, ch, n, found, false);
    else j++;
  }
  return n;
}

function skipRegex(src: string, p: number): number {
  const n = src.length;
  let j = p + 1;
  let inClass = false;
  while (j < n) {
    const ch = src.charCodeAt(j);
    if (ch === 10 || ch === 13) return -1;
    if (ch === 92) {
      j += 2;
      continue;
    }
    if (inClass) {
      if (ch === 93) inClass = false;
    } else if (ch === 91) inClass = true;
    else if (ch === 47) {
      j++;
      while (j < n && isIdentChar(src.charCodeAt(j))) j++;
      return j;
    }
    j++;
  }
  return -1;
}

/** Scans template text from `from`; `expr` is the offset of the next `${`, or -1 at the closing backtick. */
function skipTemplate(src: string, from: number): { end: number; expr: number } {
  const n = src.length;
  let j = from;
  while (j < n) {
    const ch = src.charCodeAt(j);
    if (ch === 96) return { end: j + 1, expr: -1 };
    if (ch === 92) j += 2;
    else if (ch === 36 && src.charCodeAt(j + 1) === 123) return { end: j, expr: j };
    else j++;
  }
  return { end: n, expr: -1 };
}

/** Bracket depth ignoring strings: the guard when the lexer lost its way. */
function rawDepth(src: string): number {
  let depth = 0;
  let max = 0;
  const re = /[([{]|[)\]}]/g;
  for (let m = re.exec(src); m !== null; m = re.exec(src)) {
    const ch = m[0];
    if (ch === '(' || ch === '[' || ch === '{') {
      if (++depth > max) max = depth;
    } else if (depth > 0) depth--;
  }
  return max;
}
