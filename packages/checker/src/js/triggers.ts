import { scanEscape } from './escapes';

/**
 * Names a finding can reach through any object, not only the global one (whose names are triggers
 * themselves): `x.constructor`, a document's or an element's methods and properties.
 */
const MEMBER_WORDS = [
  'constructor',
  'createElement',
  'createElementNS',
  'innerHTML',
  'outerHTML',
  'insertAdjacentHTML',
  'createContextualFragment',
  'setHTMLUnsafe',
  'parseHTMLUnsafe',
  'srcdoc',
  'write',
  'writeln',
  'execCommand',
];

/**
 * Words without which no finding can start. A function body or block whose raw text (strings
 * and comments included) contains none of them, nor a name the analysis found sensitive, is
 * blanked before parsing (skeleton.ts). Over-matching only costs speed; a missing word would
 * cost exactness, so every API name the rules resolve is here. Words are whole identifier-like
 * runs of the raw text (inside strings and comments too): an identifier such as `evaluate`
 * cannot reference `eval`, and a key written `'eval'` is the run `eval`. An escape that can stand
 * for a letter is a trigger itself (escapes.ts). URLs are not triggers: every request or resource
 * sink has its own word (fetch, import, …) or goes through a sensitive binding.
 */
const WORDS = [
  'eval',
  'execScript',
  'Function',
  'Reflect',
  'setTimeout',
  'setInterval',
  'setImmediate',
  'navigator',
  'clipboard',
  'geolocation',
  'vibrate',
  'webkitVibrate',
  'mozVibrate',
  ...MEMBER_WORDS,
  'fetch',
  'Request',
  'XMLHttpRequest',
  'WebSocket',
  'EventSource',
  'sendBeacon',
  'import',
  'importScripts',
  'Worker',
  'SharedWorker',
  'TTMinis',
  'login',
  // `document.defaultView` is the window.
  'defaultView',
];
/**
 * Names of the global object: triggers only as references (a `.parent` property, a `{top: 1}` key,
 * a `'top'` string are not).
 */
const GLOBAL_WORDS = ['window', 'self', 'globalThis', 'top', 'parent', 'frames', 'global', 'opener'];

const wordSet = new Set(WORDS); /**
 * The pieces of those names that a split in two leaves (half the name or more, three letters at
 * least): a string that is one may be joined with another into the name (`d['create' + 'Element']`,
 * a template), which the analysis folds, so it is a trigger too. Shorter pieces (`'in'`, `'text'`)
 * are everywhere in bundles. Through the global object every name needs a trigger anyway
 * (`window`, `self`…).
 */
const PIECES = new Set<string>();
for (const w of MEMBER_WORDS) {
  const least = Math.max(3, Math.ceil(w.length / 2));
  for (let a = 0; a < w.length; a++) for (let b = a + least; b <= w.length; b++) PIECES.add(w.slice(a, b));
}

/** Whether src[start, end) is a piece of a member name (see PIECES): ASCII letters only. */
export function isWordPiece(src: string, start: number, end: number): boolean {
  const length = end - start;
  if (length < 3 || length > 24) return false;
  for (let k = start; k < end; k++) {
    const c = src.charCodeAt(k) | 0x20;
    if (c < 97 || c > 122) return false;
  }
  return PIECES.has(src.slice(start, end));
}
const globalSet = new Set(GLOBAL_WORDS);
/**
 * 1 at (length << 7 | first char) and at (length << 7 | last char) of every word, as written (and
 * in both cases for iframe and frame, which match in any case): most identifiers are rejected
 * without slicing; `function`, say, is not `Function`.
 */
const SHAPES = new Uint8Array(32 << 7);
const ENDINGS = new Uint8Array(32 << 7);
const caseless = ['iframe', 'frame'].flatMap((w) => [w, w.toUpperCase()]);
for (const w of [...WORDS, ...GLOBAL_WORDS, 'this', ...caseless]) {
  SHAPES[(w.length << 7) | w.charCodeAt(0)] = 1;
  ENDINGS[(w.length << 7) | (w.charCodeAt(w.length - 1) & 0x7f)] = 1;
}

/**
 * 1 for ECMAScript white space and line terminators, the non-ASCII ones included: `a;\u00a0eval(s)`
 * is a call of eval, not the word `\u00a0eval`.
 */
const SPACE = new Uint8Array(65536);
for (const c of [9, 10, 11, 12, 13, 32, 0xa0, 0x1680, 0x2028, 0x2029, 0x202f, 0x205f, 0x3000, 0xfeff])
  SPACE[c] = 1;
for (let c = 0x2000; c <= 0x200a; c++) SPACE[c] = 1;

/** 1 for identifier characters (ASCII letters, digits, `$`, `_`, and anything non-ASCII but white space). */
const IDENT = new Uint8Array(65536);
for (let c = 0; c < 65536; c++) {
  IDENT[c] =
    (c >= 97 && c <= 122) ||
    (c >= 65 && c <= 90) ||
    (c >= 48 && c <= 57) ||
    c === 36 ||
    c === 95 ||
    (c > 127 && SPACE[c] === 0)
      ? 1
      : 0;
}

export interface TriggerOffsets {
  /** Sorted offsets of trigger words and escapes. */
  triggers: number[];
  /** Sorted offsets of `this` used as a reference. */
  thisAt: number[];
}

/**
 * Every trigger in the raw text, comments included. skeleton.ts finds the same words while it
 * lexes (and skips comments); this whole-text scan is its fallback when the lexer loses its way.
 */
export function findTriggers(src: string): TriggerOffsets {
  const found: TriggerOffsets = { triggers: [], thisAt: [] };
  scanWords(src, 0, src.length, found, 'raw');
  return found;
}

/**
 * What a span of text is to `scanWords`: string or template text (`\145` and `\e` spell letters
 * there; words are not references), regex text, or text the lexer could not read (anything may be
 * code). Words in regex text count as references: whether a `/` opens a regex is the one guess the
 * lexer makes (skeleton.ts regexAllowed), and code it took for a regex must not hide a `window`.
 */
export type TextKind = 'string' | 'regex' | 'raw';

/** Finds the triggers in src[from, to): words as in `scanWord`, and escapes as in `scanEscape`. */
export function scanWords(
  src: string,
  from: number,
  to: number,
  found: TriggerOffsets,
  kind: TextKind,
): void {
  const reference = kind !== 'string';
  const inString = kind !== 'regex';
  let i = from;
  while (i < to) {
    const c = src.charCodeAt(i);
    if (IDENT[c] === 1) i = scanWord(src, i, c, to, found, reference);
    else if (c === 92 /* \ */) i = scanEscape(src, i, found, inString);
    else i++;
  }
}

/**
 * Reads the identifier-like run starting at `start` (whose first code unit is `c`), up to `limit`,
 * records it when it is a trigger (or a `this`), and returns the offset after the run. `reference`:
 * the run may be code; in string or regex text a global object's name or `this` refers to nothing.
 */
export function scanWord(
  src: string,
  start: number,
  c: number,
  limit: number,
  found: TriggerOffsets,
  reference: boolean,
): number {
  let i = start + 1;
  while (i < limit && IDENT[src.charCodeAt(i)] === 1) i++;
  const len = i - start;
  if (len < 3 || len > 24 || c > 127 || SHAPES[(len << 7) | c] === 0) return i;
  if (ENDINGS[(len << 7) | (src.charCodeAt(i - 1) & 0x7f)] === 0) return i;
  // `this` is most of the words that get this far: no slice for it.
  if (
    len === 4 &&
    c === 116 &&
    src.charCodeAt(start + 1) === 104 &&
    src.charCodeAt(start + 2) === 105 &&
    src.charCodeAt(start + 3) === 115
  ) {
    if (reference && (start === 0 || src.charCodeAt(start - 1) !== 46)) found.thisAt.push(start);
    return i;
  }
  const word = src.slice(start, i);
  if (wordSet.has(word)) {
    found.triggers.push(start);
    return i;
  }
  const afterDot = start > 0 && src.charCodeAt(start - 1) === 46;
  if (globalSet.has(word)) {
    if (reference && !afterDot && !isObjectKey(src, start, i)) found.triggers.push(start);
  } else if (len === 6 || len === 5) {
    const lower = word.toLowerCase();
    // Any spelling of iframe (markup, tag names); `frame` only as a quoted tag name.
    if (lower === 'iframe') found.triggers.push(start);
    else if (lower === 'frame' && isQuote(src.charCodeAt(start - 1)) && isQuote(src.charCodeAt(i)))
      found.triggers.push(start);
  }
  return i;
}

/** `{top: 1}` / `, parent: x`: a property key, not a reference (a `? top :` ternary is not matched). */
function isObjectKey(src: string, start: number, end: number): boolean {
  let j = end;
  while (src.charCodeAt(j) === 32) j++;
  if (src.charCodeAt(j) !== 58 || src.charCodeAt(j + 1) === 58) return false;
  let k = start - 1;
  while (
    k >= 0 &&
    (src.charCodeAt(k) === 32 ||
      src.charCodeAt(k) === 10 ||
      src.charCodeAt(k) === 9 ||
      src.charCodeAt(k) === 13)
  )
    k--;
  const before = src.charCodeAt(k);
  return before === 123 || before === 44;
}

function isQuote(c: number): boolean {
  return c === 34 || c === 39 || c === 96;
}

/** True when a sorted offset list has an entry in [start, end). */
export function anyIn(offsets: number[], start: number, end: number): boolean {
  let lo = 0;
  let hi = offsets.length;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if ((offsets[mid] as number) < start) lo = mid + 1;
    else hi = mid;
  }
  return lo < offsets.length && (offsets[lo] as number) < end;
}

/**
 * Whether a name is a trigger word. A blanked body holds no such word as code: only in comments, after
 * a dot, or as an object key, none of which is a reference (fast.ts skips searching for them).
 */
export function isTriggerWord(name: string): boolean {
  return wordSet.has(name) || globalSet.has(name);
}

export { IDENT, SPACE };
