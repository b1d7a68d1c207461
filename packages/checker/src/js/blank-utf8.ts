/**
 * Blanks regions of a source text in its UTF-8 encoding, in place, so the parser reads the blanked
 * text without it ever existing as a JS string (see parse.ts). Every character keeps both its UTF-8
 * length and its UTF-16 length, so the parser's offsets (UTF-16, converted from UTF-8 positions)
 * are those of the original text:
 * - ASCII characters become a space, but for the first `\n` (and `\r`) of each span of `lineBreaksIn`:
 *   one line break is all a blanked comment needs to count as one (ASI, and `-->` comments after it);
 * - a 2-byte character becomes U+00A0 (no-break space, 2 bytes, 1 unit);
 * - a 3-byte character becomes U+3000 (ideographic space, 3 bytes, 1 unit), but U+2028 and U+2029,
 *   which are line terminators and are kept;
 * - a 4-byte character (2 units) becomes two U+00A0.
 * All of them are WhiteSpace to ECMAScript.
 *
 * `regions` are flat, sorted, disjoint [start, end) pairs of UTF-16 offsets, on character boundaries.
 * The work is native fills and searches plus a step per non-ASCII character: bundles are nearly all
 * ASCII, and a per-byte loop over the blanked four fifths of the corpus cost as much as parsing.
 */
export function blankUtf8(
  bytes: Uint8Array,
  source: string,
  regions: readonly number[],
  utf8Length: number,
  extra: BlankExtras = {},
): void {
  finishBlanking(bytes, source, regions, factsOf(source, utf8Length), extra, true);
}

/**
 * What `encodeInto` then `blankUtf8` write, for a source this thread encoded last time (fix-point
 * rounds parse the same text again): only the text outside `regions` is encoded, the rest is
 * filled with spaces. A later round keeps a few bodies of an otherwise blank text, so this writes
 * a fraction of it. Returns the UTF-8 length, or undefined when the source is not the last one.
 */
export function writeBlankedAgain(
  bytes: Uint8Array,
  source: string,
  regions: readonly number[],
  extra: BlankExtras = {},
): number | undefined {
  if (cached?.source !== source) return undefined;
  const facts = cached;
  const wide = facts.wide;
  bytes.fill(32, 0, facts.utf8Length);
  let k = 0;
  let from = 0;
  for (let r = 0; r <= regions.length; r += 2) {
    const to = r < regions.length ? (regions[r] as number) : source.length;
    if (to > from) {
      k = firstAtOrAfter(wide.at, from, k);
      const at = from + (wide.extra[k] as number);
      encoder.encodeInto(source.slice(from, to), bytes.subarray(at));
    }
    from = r < regions.length ? (regions[r + 1] as number) : source.length;
  }
  finishBlanking(bytes, source, regions, facts, extra, false);
  return facts.utf8Length;
}

const encoder = new TextEncoder();

/**
 * The regions as spaces (`fill`: else they are spaces already), their non-ASCII characters as white
 * space of the same length, then the line breaks and the writes.
 */
function finishBlanking(
  bytes: Uint8Array,
  source: string,
  regions: readonly number[],
  facts: { wide: NonAscii; cr: boolean },
  extra: BlankExtras,
  fill: boolean,
): void {
  const wide = facts.wide;
  let k = 0;
  for (let r = 0; r < regions.length; r += 2) {
    const start = regions[r] as number;
    const end = regions[r + 1] as number;
    k = firstAtOrAfter(wide.at, start, k);
    if (fill) {
      const byteEnd = end + (wide.extra[firstAtOrAfter(wide.at, end, k)] as number);
      bytes.fill(32, start + (wide.extra[k] as number), byteEnd);
    }
    for (let w = k; w < wide.at.length && (wide.at[w] as number) < end; w++) {
      writeWhiteSpace(bytes, (wide.at[w] as number) + (wide.extra[w] as number), wide.code[w] as number);
    }
  }
  const keepLines = extra.lineBreaksIn ?? regions;
  k = 0;
  for (let r = 0; r < keepLines.length; r += 2) {
    const start = keepLines[r] as number;
    k = firstAtOrAfter(wide.at, start, k);
    // A slice of a long string shares its characters: the searches stop at the span's end.
    const text = source.slice(start, keepLines[r + 1] as number);
    restoreFirstLineBreak(bytes, text, '\n', start, wide, k);
    if (facts.cr) restoreFirstLineBreak(bytes, text, '\r', start, wide, k);
  }
  // Single ASCII characters put over ASCII ones (graft.ts's parentheses): same length in both encodings.
  for (const [offset, char] of extra.writes ?? []) {
    bytes[offset + (wide.extra[firstAtOrAfter(wide.at, offset, 0)] as number)] = char.charCodeAt(0);
  }
}

export interface BlankExtras {
  /**
   * Where a line break must stay (default: every region): the first `\n` and the first `\r` of each
   * span are kept. Inside a blanked function body none is needed: nothing but spaces is left
   * between its braces, so no line break can matter to ASI.
   */
  lineBreaksIn?: readonly number[];
  /** Single ASCII characters to put over ASCII ones after blanking. */
  writes?: ReadonlyArray<readonly [offset: number, char: string]>;
}

/**
 * The last source's non-ASCII characters, UTF-8 length and whether it has a `\r`: fix-point rounds
 * blank the same text again.
 */
let cached: { source: string; wide: NonAscii; cr: boolean; utf8Length: number } | undefined;

function factsOf(source: string, utf8Length: number): { wide: NonAscii; cr: boolean } {
  if (cached?.source !== source) {
    // As many bytes as characters: all ASCII, nothing to search for.
    const wide = utf8Length === source.length ? NO_WIDE_CHARACTERS : nonAsciiCharacters(source);
    cached = { source, wide, cr: source.includes('\r'), utf8Length };
  }
  return cached;
}

interface NonAscii {
  /** UTF-16 offsets of the non-ASCII characters (a surrogate pair once, at its first unit). */
  at: number[];
  /** Their code points. */
  code: number[];
  /** extra[i]: UTF-8 bytes minus UTF-16 units of all characters before at[i] (extra[at.length]: all). */
  extra: number[];
}

const NO_WIDE_CHARACTERS: NonAscii = { at: [], code: [], extra: [0] };

function nonAsciiCharacters(source: string): NonAscii {
  const at: number[] = [];
  const code: number[] = [];
  const extra: number[] = [0];
  let total = 0;
  // A regex scan runs in native code; most bundles have no match at all.
  const re = /[^\0-\x7f]/g;
  for (let m = re.exec(source); m !== null; m = re.exec(source)) {
    const cp = source.codePointAt(m.index) as number;
    at.push(m.index);
    code.push(cp);
    // 2-byte: 1 extra; 3-byte: 2 extra; 4-byte as 2 units: 2 extra.
    total += cp < 0x800 ? 1 : 2;
    extra.push(total);
    if (cp > 0xffff) re.lastIndex++;
  }
  return { at, code, extra };
}

/** First index i ≥ from with at[i] ≥ offset (at.length when none): a gallop from the last answer. */
function firstAtOrAfter(at: number[], offset: number, from: number): number {
  let lo = from;
  let hi = at.length;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if ((at[mid] as number) < offset) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

function restoreFirstLineBreak(
  bytes: Uint8Array,
  text: string,
  lineBreak: '\n' | '\r',
  start: number,
  wide: NonAscii,
  from: number,
): void {
  const j = text.indexOf(lineBreak);
  if (j === -1) return;
  const offset = start + j;
  bytes[offset + (wide.extra[firstAtOrAfter(wide.at, offset, from)] as number)] =
    lineBreak === '\n' ? 10 : 13;
}

function writeWhiteSpace(bytes: Uint8Array, at: number, cp: number): void {
  if (cp < 0x800) {
    bytes[at] = 0xc2;
    bytes[at + 1] = 0xa0;
  } else if (cp === 0x2028 || cp === 0x2029) {
    bytes[at] = 0xe2;
    bytes[at + 1] = 0x80;
    bytes[at + 2] = cp === 0x2028 ? 0xa8 : 0xa9;
  } else if (cp <= 0xffff) {
    bytes[at] = 0xe3;
    bytes[at + 1] = 0x80;
    bytes[at + 2] = 0x80;
  } else {
    bytes[at] = 0xc2;
    bytes[at + 1] = 0xa0;
    bytes[at + 2] = 0xc2;
    bytes[at + 3] = 0xa0;
  }
}
