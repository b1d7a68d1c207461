import { readFile, realpath, stat } from 'node:fs/promises';
import path from 'node:path';
import { originalPositionFor, TraceMap } from '@jridgewell/trace-mapping';
import type { Finding } from '../types';
import { isInside } from './walk-dir';

const MAP_COMMENT = /\/\/[#@][ \t]*sourceMappingURL=([^\s'"]+)[ \t]*(?:\*\/)?\s*$/;

/**
 * Fills `Finding.original` from the file's source map: the `//# sourceMappingURL=` comment
 * (inline data: URL or a file inside the checked folder), else `<file>.map` beside it.
 * A missing or broken map never fails the check: the findings are returned unchanged.
 */
export async function mapFindings(
  findings: Finding[],
  source: string,
  fileAbs: string,
  rootReal: string,
  maxBytes: number,
): Promise<Finding[]> {
  if (findings.length === 0) return findings;
  const map = await loadMap(source, fileAbs, rootReal, maxBytes).catch(() => undefined);
  if (!map) return findings;
  return findings.map((finding) => {
    try {
      const pos = originalPositionFor(map, { line: finding.line, column: finding.column - 1 });
      if (pos.source === null || pos.line === null || pos.column === null) return finding;
      return { ...finding, original: { file: pos.source, line: pos.line, column: pos.column + 1 } };
    } catch {
      return finding;
    }
  });
}

async function loadMap(
  source: string,
  fileAbs: string,
  rootReal: string,
  maxBytes: number,
): Promise<TraceMap | undefined> {
  const tail = source.slice(Math.max(0, source.length - 4096));
  const comment = MAP_COMMENT.exec(tail)?.[1];
  let json: string | undefined;
  if (comment?.startsWith('data:')) {
    const comma = comment.indexOf(',');
    if (comma === -1) return undefined;
    const meta = comment.slice(5, comma);
    const payload = comment.slice(comma + 1);
    json = meta.endsWith(';base64')
      ? Buffer.from(payload, 'base64').toString('utf8')
      : decodeURIComponent(payload);
  } else {
    const candidate = comment
      ? path.resolve(path.dirname(fileAbs), decodeURI(comment.split(/[?#]/)[0] ?? ''))
      : `${fileAbs}.map`;
    json = await readInside(candidate, rootReal, maxBytes);
    if (json === undefined && comment) json = await readInside(`${fileAbs}.map`, rootReal, maxBytes);
  }
  if (json === undefined) return undefined;
  return new TraceMap(JSON.parse(json));
}

async function readInside(file: string, rootReal: string, maxBytes: number): Promise<string | undefined> {
  try {
    const real = await realpath(file);
    if (!isInside(rootReal, real)) return undefined;
    const info = await stat(real);
    if (!info.isFile() || info.size > maxBytes) return undefined;
    return await readFile(real, 'utf8');
  } catch {
    return undefined;
  }
}
