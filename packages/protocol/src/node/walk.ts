import { lstat, readdir, realpath, stat } from 'node:fs/promises';
import { join, relative, sep } from 'node:path';
import { compareNames } from '../manifest/build';

export interface WalkedFile {
  /** Relative to the walked folder, `/`-separated. */
  path: string;
  /** Absolute path to read the bytes from (a symlink's target when the entry is a link). */
  source: string;
  size: number;
}

export interface WalkResult {
  /** Sorted by path. */
  files: WalkedFile[];
  /** Every folder below the root (empty ones included), sorted. */
  folders: string[];
  /** Entries left out by the ignore rule, relative paths. */
  ignored: string[];
}

/** A folder that cannot be walked safely; the message names the entry and says why. */
export class OutputFolderError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'OutputFolderError';
  }
}

export interface WalkOptions {
  /** Leave an entry out; `path` is relative and `/`-separated. Default: `defaultIgnore`. */
  ignore?: (path: string, isFolder: boolean) => boolean;
  maxEntries?: number;
  maxDepth?: number;
}

/** Hidden files (`.git`, `.env`, `.DS_Store`) and `node_modules` never belong in a Mini. */
export function defaultIgnore(path: string): boolean {
  const name = path.slice(path.lastIndexOf('/') + 1);
  return name.startsWith('.') || name === 'node_modules';
}

function code(error: unknown): string | undefined {
  return (error as NodeJS.ErrnoException).code;
}

/**
 * Lists a built Mini's files deterministically. Symlinks are followed only inside the folder; links that
 * leave it, dangle or loop are refused with an error naming the link.
 */
export async function walkOutputFolder(root: string, options: WalkOptions = {}): Promise<WalkResult> {
  const ignore = options.ignore ?? defaultIgnore;
  const maxEntries = options.maxEntries ?? 100_000;
  const maxDepth = options.maxDepth ?? 64;
  const realRoot = await realpath(root);
  const result: WalkResult = { files: [], folders: [], ignored: [] };
  let entries = 0;

  const resolveLink = async (absolute: string, path: string): Promise<string> => {
    let target: string;
    try {
      target = await realpath(absolute);
    } catch (error) {
      if (code(error) === 'ELOOP')
        throw new OutputFolderError(`${path}: symlink loop (the link points back to itself)`);
      throw new OutputFolderError(`${path}: broken symlink (its target does not exist)`);
    }
    if (target !== realRoot && !target.startsWith(realRoot + sep)) {
      throw new OutputFolderError(
        `${path}: symlink to ${target}, outside the output folder; copy the file instead`,
      );
    }
    return target;
  };

  const visit = async (realDir: string, prefix: string, ancestors: readonly string[], depth: number) => {
    if (depth > maxDepth) throw new OutputFolderError(`${prefix}: more than ${maxDepth} nested folders`);
    const names = (await readdir(join(realDir))).sort(compareNames);
    for (const name of names) {
      const path = prefix === '' ? name : `${prefix}/${name}`;
      if (++entries > maxEntries) throw new OutputFolderError(`more than ${maxEntries} files and folders`);
      const absolute = join(realDir, name);
      const link = await lstat(absolute);
      const source = link.isSymbolicLink() ? await resolveLink(absolute, path) : absolute;
      const info = link.isSymbolicLink() ? await stat(source) : link;
      if (ignore(path, info.isDirectory())) {
        result.ignored.push(path);
      } else if (info.isDirectory()) {
        if (ancestors.includes(source)) {
          const parent = relative(realRoot, source).split(sep).join('/') || '.';
          throw new OutputFolderError(
            `${path}: symlink loop (it points back to the enclosing folder "${parent}")`,
          );
        }
        result.folders.push(path);
        await visit(source, path, [...ancestors, source], depth + 1);
      } else if (info.isFile()) {
        result.files.push({ path, source, size: info.size });
      } else {
        throw new OutputFolderError(`${path}: not a regular file or folder (socket, device or pipe)`);
      }
    }
  };

  await visit(realRoot, '', [realRoot], 0);
  result.files.sort((a, b) => compareNames(a.path, b.path));
  result.folders.sort(compareNames);
  return result;
}
