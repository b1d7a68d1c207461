import { createReadStream, createWriteStream } from 'node:fs';
import type { Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import type { WalkedFile } from '@openminis/protocol/node';
import { ZipFile } from 'yazl';

/**
 * Local-time midnight on 1980-01-01, the first DOS date: the ZIP's DOS fields are written from local
 * time components, so building the date from local components gives the same bytes in every time zone.
 */
const FIXED_TIME = new Date(1980, 0, 1, 0, 0, 0);
const FILE_MODE = 0o100644;
const FOLDER_MODE = 0o40755;

export interface ZipInput {
  /** Sorted by path (the walker's order). */
  files: readonly WalkedFile[];
  /** Folders to record explicitly; only those without any file below them are written. */
  folders: readonly string[];
}

/** Folders that would vanish on unzip because nothing below them is a file. */
function emptyFolders(input: ZipInput): string[] {
  return input.folders.filter((folder) => {
    const prefix = `${folder}/`;
    return !input.files.some((file) => file.path.startsWith(prefix));
  });
}

/**
 * Writes a reproducible ZIP: entries in path order, fixed timestamps and modes, no extra time fields,
 * so the same files give byte-identical archives whatever their mtimes. `onFile` is called after each
 * file's bytes are read.
 */
export async function writeReproducibleZip(
  input: ZipInput,
  target: string,
  onFile: (file: WalkedFile) => void = () => {},
): Promise<void> {
  const zip = new ZipFile();
  const entries = [
    ...input.files.map((file) => ({ path: file.path, file })),
    ...emptyFolders(input).map((path) => ({ path: `${path}/`, file: undefined })),
  ].sort((a, b) => (a.path < b.path ? -1 : a.path > b.path ? 1 : 0));
  for (const { path, file } of entries) {
    if (file === undefined) {
      zip.addEmptyDirectory(path, { mtime: FIXED_TIME, mode: FOLDER_MODE, forceDosTimestamp: true });
      continue;
    }
    const options = {
      mtime: FIXED_TIME,
      mode: FILE_MODE,
      compress: true,
      forceDosTimestamp: true,
      size: file.size,
    };
    zip.addReadStreamLazy(path, options, (callback) => {
      const stream = createReadStream(file.source);
      stream.on('end', () => onFile(file));
      callback(null, stream);
    });
  }
  zip.end();
  await pipeline(zip.outputStream as Readable, createWriteStream(target));
}
