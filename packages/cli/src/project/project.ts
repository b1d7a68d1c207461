import { stat } from 'node:fs/promises';
import { relative, resolve } from 'node:path';
import { CONFIG_FILE_NAME } from '@openminis/protocol';
import { defaultIgnore, type LoadedMinisConfig, loadMinisConfig } from '@openminis/protocol/node';
import { CliError, UsageError } from '../cli/errors';
import type { CliIo } from '../cli/io';
import { styleFor } from '../cli/style';

export interface Project {
  /** Absolute project root. */
  dir: string;
  config: LoadedMinisConfig;
}

/** A path as the user should read it: relative to where they ran the command. */
export function shown(io: CliIo, path: string): string {
  const rel = relative(io.cwd, path);
  return rel === '' ? '.' : rel.startsWith('..') ? path : rel;
}

/** The project folder: `--cwd` (relative to the current directory) or the current directory. */
export async function projectDir(io: CliIo, cwdFlag: string | undefined): Promise<string> {
  const dir = resolve(io.cwd, cwdFlag ?? '.');
  const info = await stat(dir).catch(() => undefined);
  if (info === undefined || !info.isDirectory()) {
    throw new UsageError(`--cwd ${cwdFlag}: no such folder (${dir})`);
  }
  return dir;
}

/** Loads the config if there is one, printing its warnings to stderr. */
export async function loadConfig(dir: string, io: CliIo): Promise<LoadedMinisConfig | undefined> {
  const config = await loadMinisConfig(dir, io.cwd);
  const style = styleFor(io);
  for (const warning of config?.warnings ?? []) io.stderr.write(`${style.yellow('warning')}: ${warning}\n`);
  return config;
}

export async function requireProject(dir: string, io: CliIo): Promise<Project> {
  const config = await loadConfig(dir, io);
  if (config === undefined) {
    throw new CliError(
      `no ${CONFIG_FILE_NAME} in ${shown(io, dir)}`,
      1,
      'run "ttdx minis init" in the project root first, or pass --cwd <project folder>',
    );
  }
  return { dir, config };
}

export function outputDirOf(project: Project): string {
  return resolve(project.dir, project.config.config.build.outputDir);
}

/**
 * What never goes into the manifest or the ZIP. When the output folder is the project root itself (plain
 * HTML projects with `outputDir: "."`), the archives `pack` writes there and npm's files stay out too.
 */
export function outputIgnore(
  projectRoot: string,
  outputDir: string,
): (path: string, isFolder: boolean) => boolean {
  const isRoot = resolve(projectRoot) === resolve(outputDir);
  return (path, isFolder) => {
    if (defaultIgnore(path)) return true;
    if (!isRoot || path.includes('/')) return false;
    return (!isFolder && path.endsWith('.zip')) || path === 'package.json' || path === 'package-lock.json';
  };
}

/** Fails clearly unless `dir` is an existing folder. */
export async function requireFolder(io: CliIo, dir: string, what: string, hint?: string): Promise<void> {
  const info = await stat(dir).catch(() => undefined);
  if (info === undefined) throw new CliError(`${what} "${shown(io, dir)}" does not exist`, 1, hint);
  if (!info.isDirectory()) throw new CliError(`${what} "${shown(io, dir)}" is not a folder`, 1, hint);
}
