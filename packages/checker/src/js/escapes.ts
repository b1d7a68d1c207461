import type { TriggerOffsets } from './triggers';

/*
 * Escapes in the raw text. One that can stand for a letter (`\u0065`, `\x65`, and in strings `\145`
 * and `\e`) is a trigger (triggers.ts), since words can be spelled with them
 * (`[]['\143onstructor']`); one that stands for anything else (`\u00e9`, `\uD83D`, `\n`) cannot
 * help spell a word, and Unicode tables are full of them.
 */

/**
 * At a backslash: records the escape when it can stand for an ASCII letter (every trigger word is
 * made of them) and returns the offset after the backslash and the character after it. A `\u` or
 * `\x` escape this cannot read counts as a letter. In code and regexes only `\u` and `\x` can spell
 * a letter; in strings and templates also an octal escape (`\145`) and a letter escaping itself
 * (`\e`, any letter but the escapes b f n r t v).
 */
export function scanEscape(src: string, at: number, found: TriggerOffsets, inString: boolean): number {
  const next = src.charCodeAt(at + 1);
  let letter: boolean;
  if (next === 117 /* u */) letter = unicodeEscapeLetter(src, at + 2);
  else if (next === 120 /* x */) letter = codeIsLetterOrUnknown(hexValue(src, at + 2, at + 4));
  else if (!inString) letter = false;
  else if (next === 49 /* 1 */)
    letter = isAsciiLetter(64 + octalDigit(src, at + 2) * 8 + octalDigit(src, at + 3));
  else letter = isAsciiLetter(next) && SINGLE_ESCAPES.indexOf(String.fromCharCode(next)) === -1;
  if (letter) found.triggers.push(at);
  return at + 2;
}

/** Letters that escape to something else in a string (`\n` is a line feed, not an `n`). */
const SINGLE_ESCAPES = 'bfnrtv';

function isAsciiLetter(c: number): boolean {
  return (c >= 65 && c <= 90) || (c >= 97 && c <= 122);
}

function codeIsLetterOrUnknown(code: number): boolean {
  return code < 0 || isAsciiLetter(code);
}

/** The digits after `\u`: four hex digits or `{hex}`. */
function unicodeEscapeLetter(src: string, from: number): boolean {
  if (src.charCodeAt(from) !== 123 /* { */) return codeIsLetterOrUnknown(hexValue(src, from, from + 4));
  const close = src.indexOf('}', from + 1);
  if (close === -1 || close > from + 9) return true;
  return codeIsLetterOrUnknown(hexValue(src, from + 1, close));
}

/** The value of the hex digits in src[from, to), or -1 when there are none or one is not a hex digit. */
function hexValue(src: string, from: number, to: number): number {
  if (to <= from || to > src.length) return -1;
  let value = 0;
  for (let k = from; k < to; k++) {
    const c = src.charCodeAt(k);
    const digit = c >= 48 && c <= 57 ? c - 48 : (c | 0x20) >= 97 && (c | 0x20) <= 102 ? (c | 0x20) - 87 : -1;
    if (digit < 0) return -1;
    value = value * 16 + digit;
  }
  return value;
}

/** An octal digit's value, or a value that makes any sum it is part of miss the letters. */
function octalDigit(src: string, at: number): number {
  const c = src.charCodeAt(at);
  return c >= 48 && c <= 55 ? c - 48 : -1000;
}
