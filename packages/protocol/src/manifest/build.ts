import { CONFIG_FILE_NAME } from '../config/types';
import { MANIFEST_FILE_NAME, type ManifestEntry, type ManifestFolder, type MinisManifest } from './types';

/** Code-point order, independent of locale, so the same folder always gives the same bytes. */
export function compareNames(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

function sortEntries(entries: ManifestEntry[]): ManifestEntry[] {
  entries.sort((a, b) => compareNames(a.name, b.name));
  for (const entry of entries) if (entry.type === 'folder') sortEntries(entry.children);
  return entries;
}

function folderAt(root: ManifestEntry[], segments: readonly string[], path: string): ManifestEntry[] {
  let level = root;
  for (const segment of segments) {
    const existing = level.find((entry) => entry.name === segment);
    if (existing?.type === 'file')
      throw new Error(`manifest: "${path}" is listed both as a file and a folder`);
    if (existing) {
      level = existing.children;
    } else {
      const folder: ManifestFolder = { type: 'folder', name: segment, children: [] };
      level.push(folder);
      level = folder.children;
    }
  }
  return level;
}

function splitPath(path: string): string[] {
  const segments = path.split('/').filter((segment) => segment !== '' && segment !== '.');
  if (segments.length === 0 || segments.includes('..')) throw new Error(`manifest: invalid path "${path}"`);
  return segments;
}

/**
 * Builds the manifest from the paths in a built Mini (relative, `/`-separated). `folders` lists folders
 * that must appear even when empty. The two config files are always listed at the root (spec §10 #42),
 * since `build:after` puts them there.
 */
export function buildMinisManifest(files: readonly string[], folders: readonly string[] = []): MinisManifest {
  return manifestFromPaths([...files, CONFIG_FILE_NAME, MANIFEST_FILE_NAME], folders);
}

/** The documented tree for exactly these paths, sorted by name at every level. */
export function manifestFromPaths(files: readonly string[], folders: readonly string[] = []): MinisManifest {
  const root: ManifestEntry[] = [];
  for (const folder of folders) folderAt(root, splitPath(folder), folder);
  for (const file of new Set(files)) {
    const segments = splitPath(file);
    const name = segments.pop() as string;
    const level = folderAt(root, segments, file);
    const existing = level.find((entry) => entry.name === name);
    if (existing?.type === 'folder')
      throw new Error(`manifest: "${file}" is listed both as a file and a folder`);
    if (!existing) level.push({ type: 'file', name });
  }
  return { name: MANIFEST_FILE_NAME, resource_list: sortEntries(root) };
}

/** Every file path in the manifest, `/`-separated, sorted. */
export function listManifestFiles(manifest: MinisManifest): string[] {
  const out: string[] = [];
  const visit = (entries: readonly ManifestEntry[], prefix: string) => {
    for (const entry of entries) {
      const path = prefix === '' ? entry.name : `${prefix}/${entry.name}`;
      if (entry.type === 'file') out.push(path);
      else visit(entry.children, path);
    }
  };
  visit(manifest.resource_list, '');
  return out.sort(compareNames);
}

/** The manifest file's text: two-space JSON with a final newline. */
export function serializeMinisManifest(manifest: MinisManifest): string {
  return `${JSON.stringify(manifest, null, 2)}\n`;
}
