// Disk access for Node callers (CLI, server). Kept out of the main entry so browser code can import
// `@openminis/protocol` without pulling in `node:fs`.
export { type LoadedMinisConfig, loadMinisConfig } from './load-config';
export {
  defaultIgnore,
  OutputFolderError,
  type WalkedFile,
  type WalkOptions,
  type WalkResult,
  walkOutputFolder,
} from './walk';
export { type WrittenManifest, writeMinisManifest } from './write-manifest';
