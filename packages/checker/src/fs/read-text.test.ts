import { describe, expect, it } from 'vitest';
import { decode } from './read-text';

describe('decode', () => {
  it.each([
    ['ASCII', Buffer.from('var a = 1;\n')],
    ['UTF-8 with wide characters', Buffer.from("var s = '€𝄞é';")],
    ['a byte order mark', Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from("var é = '€';")])],
  ])('gives the text and exactly its UTF-8 encoding: %s', (_, buffer) => {
    const read = decode(buffer, '/x.js');
    if (!('text' in read)) throw new Error(read.reason);
    expect(Buffer.from(read.utf8)).toEqual(Buffer.from(new TextEncoder().encode(read.text)));
    expect(read.bytes).toBe(buffer.length);
  });

  it('refuses what is not UTF-8 text', () => {
    expect(decode(Buffer.from([0x76, 0xe9, 0x3d]), '/x.js')).toMatchObject({
      reason: 'not valid UTF-8 text',
    });
    expect(decode(Buffer.from([0x61, 0, 0x62]), '/x.js')).toMatchObject({
      reason: 'binary content, not text (NUL byte at offset 1)',
    });
  });
});
