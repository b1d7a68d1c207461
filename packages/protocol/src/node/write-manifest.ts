import { writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { buildMinisManifest, serializeMinisManifest } from '../manifest/build';
import { MANIFEST_FILE_NAME, type MinisManifest } from '../manifest/types';
import { type WalkOptions, type WalkResult, walkOutputFolder } from './walk';

export interface WrittenManifest {
  path: string;
  manifest: MinisManifest;
  walk: WalkResult;
}

/** Walks `outputDir` and writes `minis.manifest.json` at its root in the documented form. */
export async function writeMinisManifest(
  outputDir: string,
  options: WalkOptions = {},
): Promise<WrittenManifest> {
  const walk = await walkOutputFolder(outputDir, options);
  const manifest = buildMinisManifest(
    walk.files.map((file) => file.path),
    walk.folders,
  );
  const path = join(outputDir, MANIFEST_FILE_NAME);
  await writeFile(path, serializeMinisManifest(manifest));
  return { path, manifest, walk };
}
