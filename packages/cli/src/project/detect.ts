import { readFile, stat } from 'node:fs/promises';
import { join } from 'node:path';

const HTML_CANDIDATES = ['index.html', 'public/index.html', 'src/index.html'];

async function isFile(path: string): Promise<boolean> {
  return (await stat(path).catch(() => undefined))?.isFile() === true;
}

/**
 * The first usual HTML entry that exists in `folder` (Vite: `index.html`, CRA: `public/index.html`),
 * returned relative to the project (`prefix` is `folder` relative to the project).
 */
export async function detectHtmlEntry(folder: string, prefix = '.'): Promise<string | undefined> {
  for (const candidate of HTML_CANDIDATES) {
    if (await isFile(join(folder, candidate))) return prefix === '.' ? candidate : `${prefix}/${candidate}`;
  }
  return undefined;
}

interface PackageJson {
  name?: unknown;
  version?: unknown;
  scripts?: Record<string, unknown>;
  dependencies?: Record<string, unknown>;
  devDependencies?: Record<string, unknown>;
}

export async function readPackageJson(projectDir: string): Promise<PackageJson | undefined> {
  try {
    const value: unknown = JSON.parse(await readFile(join(projectDir, 'package.json'), 'utf8'));
    return value !== null && typeof value === 'object' ? (value as PackageJson) : undefined;
  } catch {
    return undefined;
  }
}

/**
 * Where the project's build writes: `.` for a static project without a build script, the bundler's
 * default otherwise (Vite `dist`, Create React App `build`), `dist` when unsure.
 */
export async function detectOutputDir(projectDir: string): Promise<string> {
  const pkg = await readPackageJson(projectDir);
  if (pkg?.scripts?.build === undefined) return '.';
  const deps = { ...pkg.dependencies, ...pkg.devDependencies };
  if ('react-scripts' in deps) return 'build';
  return 'dist';
}
