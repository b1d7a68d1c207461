import { isAscii } from 'node:buffer';
import { open, realpath } from 'node:fs/promises';
import { isInside } from './walk-dir';

export type ReadResult = { text: string; bytes: number; real: string } | { reason: string; bytes: number };

const decoder = new TextDecoder('utf-8', { fatal: true });

/** Reads a file as UTF-8 text, refusing what cannot be source code (size, NUL bytes, bad UTF-8). */
export async function readText(abs: string, rootReal: string, maxBytes: number): Promise<ReadResult> {
  let real: string;
  try {
    real = await realpath(abs);
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    if (code === 'ELOOP') return { reason: 'symlink loop', bytes: 0 };
    if (code === 'ENOENT') return { reason: 'file not found', bytes: 0 };
    return { reason: `cannot read: ${(error as Error).message}`, bytes: 0 };
  }
  if (!isInside(rootReal, real)) return { reason: 'resolves outside the checked folder', bytes: 0 };
  let handle: import('node:fs/promises').FileHandle | undefined;
  try {
    handle = await open(real, 'r');
    const info = await handle.stat();
    if (!info.isFile()) return { reason: 'not a regular file', bytes: 0 };
    if (info.size > maxBytes) {
      return {
        reason: `file too large: ${info.size} bytes, the limit is ${maxBytes} bytes`,
        bytes: info.size,
      };
    }
    const buffer = await handle.readFile();
    return decode(buffer, real);
  } catch (error) {
    return { reason: `cannot read: ${(error as Error).message}`, bytes: 0 };
  } finally {
    await handle?.close();
  }
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
  if (isAscii(buffer)) return { text: buffer.toString('latin1'), bytes, real };
  try {
    return { text: decoder.decode(buffer), bytes, real };
  } catch {
    return { reason: 'not valid UTF-8 text', bytes };
  }
}
