export {
  buildMinisManifest,
  compareNames,
  listManifestFiles,
  manifestFromPaths,
  serializeMinisManifest,
} from './build';
export { MinisManifestError, readMinisManifest } from './read';
export {
  MANIFEST_FILE_NAME,
  type ManifestEntry,
  type ManifestFile,
  type ManifestFolder,
  type MinisManifest,
} from './types';
