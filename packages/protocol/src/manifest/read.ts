import { manifestFromPaths } from './build';
import { MANIFEST_FILE_NAME, type MinisManifest } from './types';

/** A manifest that cannot be read; the message names the file and the entry. */
export class MinisManifestError extends Error {
  constructor(
    readonly file: string,
    readonly keyPath: string,
    readonly expected: string,
    readonly found: string,
  ) {
    super(`${file}: ${keyPath === '' ? '' : `${keyPath}: `}expected ${expected}, found ${found}`);
    this.name = 'MinisManifestError';
  }
}

const MAX_DEPTH = 64;

/**
 * Reads a manifest in the documented form or the loose form seen in the wild (spec §10 #42): entries
 * without `type`, and path-style names such as `static/js/main.js`. Returns the documented form.
 */
export function readMinisManifest(value: unknown, file = MANIFEST_FILE_NAME): MinisManifest {
  if (value === null || typeof value !== 'object' || Array.isArray(value)) {
    throw new MinisManifestError(
      file,
      '',
      'a JSON object',
      Array.isArray(value) ? 'an array' : String(value),
    );
  }
  const list = (value as { resource_list?: unknown }).resource_list;
  if (!Array.isArray(list)) throw new MinisManifestError(file, 'resource_list', 'an array', typeof list);
  const files: string[] = [];
  const folders: string[] = [];
  const visit = (entries: unknown[], prefix: string, keyPath: string, depth: number) => {
    if (depth > MAX_DEPTH) throw new MinisManifestError(file, keyPath, `at most ${MAX_DEPTH} levels`, 'more');
    entries.forEach((entry, index) => {
      const at = `${keyPath}[${index}]`;
      if (entry === null || typeof entry !== 'object') {
        throw new MinisManifestError(file, at, 'an entry object', String(entry));
      }
      const { type, name, children } = entry as { type?: unknown; name?: unknown; children?: unknown };
      if (typeof name !== 'string' || name === '') {
        throw new MinisManifestError(file, `${at}.name`, 'a file or folder name', JSON.stringify(name));
      }
      const path = prefix === '' ? name : `${prefix}/${name}`;
      if (name.split(/[\\/]/).includes('..'))
        throw new MinisManifestError(file, `${at}.name`, 'a name without ..', name);
      const isFolder = type === 'folder' || (type === undefined && Array.isArray(children));
      if (type !== undefined && type !== 'file' && type !== 'folder') {
        throw new MinisManifestError(file, `${at}.type`, '"file" or "folder"', JSON.stringify(type));
      }
      if (!isFolder) {
        files.push(path);
      } else if (!Array.isArray(children)) {
        throw new MinisManifestError(file, `${at}.children`, 'an array', typeof children);
      } else {
        folders.push(path);
        visit(children, path, `${at}.children`, depth + 1);
      }
    });
  };
  visit(list, '', 'resource_list', 0);
  try {
    return manifestFromPaths(files, folders);
  } catch (error) {
    throw new MinisManifestError(file, 'resource_list', 'each path once', (error as Error).message);
  }
}
