import { isAscii } from 'node:buffer';
import { closeSync, fstatSync, openSync, readSync, realpathSync } from 'node:fs';
import { isInside } from './walk-dir';

/** `utf8`: the UTF-8 encoding of `text` exactly (the file's bytes, less a byte order mark). */
export type ReadResult =
  | { text: string; bytes: number; real: string; utf8: Uint8Array }
  | { reason: string; bytes: number };

const decoder = new TextDecoder('utf-8', { fatal: true });

/**
 * Reads a file as UTF-8 text, refusing what cannot be source code (size, NUL bytes, bad UTF-8).
 * Synchronous on purpose: the check that follows blocks this thread far longer anyway, and the
 * promise API reads in 512 KiB turns through the thread pool, which left a checking thread idle
 * ~6 % of the time on the benchmark corpus.
 */
export function readText(abs: string, rootReal: string, maxBytes: number): ReadResult {
  let real: string;
  try {
    real = realpathSync(abs);
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    if (code === 'ELOOP') return { reason: 'symlink loop', bytes: 0 };
    if (code === 'ENOENT') return { reason: 'file not found', bytes: 0 };
    return { reason: `cannot read: ${(error as Error).message}`, bytes: 0 };
  }
  if (!isInside(rootReal, real)) return { reason: 'resolves outside the checked folder', bytes: 0 };
  let fd: number | undefined;
  try {
    fd = openSync(real, 'r');
    const info = fstatSync(fd);
    if (!info.isFile()) return { reason: 'not a regular file', bytes: 0 };
    if (info.size > maxBytes) {
      return {
        reason: `file too large: ${info.size} bytes, the limit is ${maxBytes} bytes`,
        bytes: info.size,
      };
    }
    const buffer = readAll(fd, info.size, maxBytes);
    if (buffer.length > maxBytes) {
      return { reason: `file too large: it grew past the limit of ${maxBytes} bytes`, bytes: buffer.length };
    }
    return decode(buffer, real);
  } catch (error) {
    return { reason: `cannot read: ${(error as Error).message}`, bytes: 0 };
  } finally {
    if (fd !== undefined) closeSync(fd);
  }
}

/**
 * The file's bytes: its size as stat saw it, or what is there if it changed meanwhile (one byte past
 * the limit at most, so that growing past it is still caught by the caller's size check).
 */
function readAll(fd: number, size: number, maxBytes: number): Buffer {
  let buffer = Buffer.allocUnsafe(Math.max(size, 1));
  let length = 0;
  for (;;) {
    if (length === buffer.length) {
      if (length > maxBytes) break;
      const bigger = Buffer.allocUnsafe(Math.min(buffer.length * 2, maxBytes + 1));
      buffer.copy(bigger, 0, 0, length);
      buffer = bigger;
    }
    const n = readSync(fd, buffer, length, buffer.length - length, null);
    if (n === 0) break;
    length += n;
  }
  return buffer.subarray(0, length);
}

export function decode(buffer: Buffer, real: string): ReadResult {
  const bytes = buffer.length;
  if (
    bytes >= 2 &&
    ((buffer[0] === 0xff && buffer[1] === 0xfe) || (buffer[0] === 0xfe && buffer[1] === 0xff))
  ) {
    return { reason: 'UTF-16 text is not supported: save the file as UTF-8', bytes };
  }
  const nul = buffer.indexOf(0);
  if (nul !== -1) return { reason: `binary content, not text (NUL byte at offset ${nul})`, bytes };
  // ASCII is valid UTF-8 as it is, and a one-byte copy is several times faster than decoding.
  if (isAscii(buffer)) return { text: buffer.toString('latin1'), bytes, real, utf8: buffer };
  try {
    const text = decoder.decode(buffer);
    // The decoder drops a leading byte order mark.
    const bom = buffer[0] === 0xef && buffer[1] === 0xbb && buffer[2] === 0xbf;
    return { text, bytes, real, utf8: bom ? buffer.subarray(3) : buffer };
  } catch {
    return { reason: 'not valid UTF-8 text', bytes };
  }
}
