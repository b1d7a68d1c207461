import { readFile, stat } from 'node:fs/promises';
import { join, relative } from 'node:path';
import { MinisConfigError } from '../config/errors';
import { parseMinisConfig } from '../config/parse';
import { CONFIG_FILE_NAME, MAX_CONFIG_BYTES, type ParsedMinisConfig } from '../config/types';

export interface LoadedMinisConfig extends ParsedMinisConfig {
  /** Absolute path of the file. */
  path: string;
  /** The file's exact bytes, for copying it unchanged. */
  bytes: Buffer;
}

/**
 * Reads `<projectDir>/minis.config.json`. Returns `undefined` when the file does not exist; throws
 * `MinisConfigError` when it exists but is invalid. Messages use the path relative to `displayFrom`
 * (default: the current directory) so they read like `minis.config.json:3:5: ...`.
 */
export async function loadMinisConfig(
  projectDir: string,
  displayFrom: string = process.cwd(),
): Promise<LoadedMinisConfig | undefined> {
  const path = join(projectDir, CONFIG_FILE_NAME);
  const shown = relative(displayFrom, path) || CONFIG_FILE_NAME;
  let size: number;
  try {
    const info = await stat(path);
    if (!info.isFile()) {
      throw new MinisConfigError(shown, [{ keyPath: '', expected: 'a file', found: 'a folder' }]);
    }
    size = info.size;
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return undefined;
    throw error;
  }
  if (size > MAX_CONFIG_BYTES) {
    throw new MinisConfigError(shown, [
      { keyPath: '', expected: `a file under ${MAX_CONFIG_BYTES} bytes`, found: `${size} bytes` },
    ]);
  }
  const bytes = await readFile(path);
  return { path, bytes, ...parseMinisConfig(bytes.toString('utf8'), shown) };
}
