import { lstat, readdir, realpath, stat } from 'node:fs/promises';
import path from 'node:path';
import { fileKind } from '../check-text';
import { CheckerError } from '../errors';
import type { SkippedFile } from '../types';

export interface WalkResult {
  /** Relative paths with `/` separators, sorted. */
  files: string[];
  skipped: SkippedFile[];
}

/**
 * Lists the files to check under `root`. Decision: nothing is skipped by name — node_modules and
 * dot-folders ship in the Mini's ZIP like everything else, so they are checked. Symlinks are
 * followed only when their target stays inside the folder; a directory reached twice (a loop)
 * is reported once as skipped.
 */
export async function walkDirectory(root: string): Promise<WalkResult> {
  const rootReal = await realRoot(root);
  const files: string[] = [];
  const skipped: SkippedFile[] = [];
  const visited = new Set<string>([rootReal]);
  const stack: Array<{ abs: string; rel: string }> = [{ abs: rootReal, rel: '' }];
  while (stack.length > 0) {
    const dir = stack.pop() as { abs: string; rel: string };
    let entries: import('node:fs').Dirent[];
    try {
      entries = await readdir(dir.abs, { withFileTypes: true });
    } catch (error) {
      skipped.push({ file: dir.rel || '.', reason: `cannot read folder: ${(error as Error).message}` });
      continue;
    }
    for (const entry of entries) {
      const abs = path.join(dir.abs, entry.name);
      const rel = dir.rel ? `${dir.rel}/${entry.name}` : entry.name;
      if (entry.isSymbolicLink()) {
        const target = await resolveLink(abs, rootReal);
        if ('reason' in target) {
          skipped.push({ file: rel, reason: target.reason });
          continue;
        }
        if (target.isDir) {
          if (visited.has(target.real)) {
            skipped.push({
              file: rel,
              reason: `symlink loop: points back to ${describe(rootReal, target.real)}`,
            });
            continue;
          }
          visited.add(target.real);
          stack.push({ abs: target.real, rel });
        } else if (fileKind(rel)) files.push(rel);
        continue;
      }
      if (entry.isDirectory()) {
        const real = await realpath(abs).catch(() => abs);
        if (visited.has(real)) continue;
        visited.add(real);
        stack.push({ abs, rel });
      } else if (entry.isFile() && fileKind(rel)) files.push(rel);
    }
  }
  files.sort();
  return { files, skipped };
}

async function realRoot(root: string): Promise<string> {
  let info: import('node:fs').Stats;
  try {
    info = await stat(root);
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    if (code === 'ENOENT')
      throw new CheckerError('ENOENT', `Folder not found: ${root} (expected the built Mini folder).`);
    throw new CheckerError('EINVAL', `Cannot open folder ${root}: ${(error as Error).message}`);
  }
  if (!info.isDirectory())
    throw new CheckerError(
      'ENOTDIR',
      `Not a folder: ${root} (expected the built Mini folder, found a file).`,
    );
  return realpath(root);
}

type LinkTarget = { real: string; isDir: boolean } | { reason: string };

async function resolveLink(abs: string, rootReal: string): Promise<LinkTarget> {
  let real: string;
  try {
    real = await realpath(abs);
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    if (code === 'ELOOP') return { reason: 'symlink loop: the link resolves to itself' };
    return { reason: `broken symlink: ${(error as Error).message}` };
  }
  if (!isInside(rootReal, real)) return { reason: `symlink points outside the checked folder (${real})` };
  const info = await lstat(real);
  return { real, isDir: info.isDirectory() };
}

export function isInside(rootReal: string, candidate: string): boolean {
  const rel = path.relative(rootReal, candidate);
  return rel === '' || (!rel.startsWith('..') && !path.isAbsolute(rel));
}

function describe(rootReal: string, real: string): string {
  const rel = path.relative(rootReal, real).split(path.sep).join('/');
  return rel === '' ? 'the checked folder' : rel;
}
