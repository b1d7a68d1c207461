/** `minis.manifest.json` as documented (spec §3.1): a recursive list of basenames. */
export type ManifestEntry = ManifestFile | ManifestFolder;

export interface ManifestFile {
  type: 'file';
  name: string;
}

export interface ManifestFolder {
  type: 'folder';
  name: string;
  children: ManifestEntry[];
}

export interface MinisManifest {
  name: 'minis.manifest.json';
  resource_list: ManifestEntry[];
}

export const MANIFEST_FILE_NAME = 'minis.manifest.json';
