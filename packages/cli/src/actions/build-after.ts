import { copyFile, stat } from 'node:fs/promises';
import { join, resolve } from 'node:path';
import {
  CONFIG_FILE_NAME,
  listManifestFiles,
  MANIFEST_FILE_NAME,
  type MinisManifest,
} from '@openminis/protocol';
import { walkOutputFolder, writeMinisManifest } from '@openminis/protocol/node';
import { CliError } from '../cli/errors';
import type { CliIo } from '../cli/io';
import { styleFor } from '../cli/style';
import {
  outputDirOf,
  outputIgnore,
  type Project,
  requireFolder,
  requireProject,
  shown,
} from '../project/project';

export interface BuildAfterOptions {
  /** Project root (absolute). */
  projectDir: string;
  /** Print nothing but warnings; the caller prints the result. */
  quiet?: boolean;
}

export interface BuildAfterResult {
  outputDir: string;
  configPath: string;
  manifestPath: string;
  manifest: MinisManifest;
  /** Files in the output folder, config and manifest included. */
  fileCount: number;
  bytes: number;
  warnings: string[];
}

const BUILD_HINT = 'run your production build first (for example "npm run build"), or fix build.outputDir';

/** Fails unless the configured output folder exists and holds something besides our own files. */
export async function requireBuiltOutput(project: Project, io: CliIo): Promise<string> {
  const outputDir = outputDirOf(project);
  await requireFolder(io, outputDir, `output folder (build.outputDir in ${CONFIG_FILE_NAME})`, BUILD_HINT);
  return outputDir;
}

/**
 * `ttdx minis build:after` (spec §3.1): copies the project's `minis.config.json` into the output folder
 * unchanged and writes `minis.manifest.json` describing every file.
 */
export async function buildAfter(options: BuildAfterOptions, io: CliIo): Promise<BuildAfterResult> {
  const project = await requireProject(options.projectDir, io);
  const outputDir = await requireBuiltOutput(project, io);
  const ignore = outputIgnore(project.dir, outputDir);
  const configPath = join(outputDir, CONFIG_FILE_NAME);
  const ours = new Set([CONFIG_FILE_NAME, MANIFEST_FILE_NAME]);

  // Write the manifest only after the emptiness check, so a failed run leaves no half-made output.
  const before = await walkOutputFolder(outputDir, { ignore });
  if (before.files.every((file) => ours.has(file.path))) {
    throw new CliError(`output folder "${shown(io, outputDir)}" is empty`, 1, BUILD_HINT);
  }
  const inPlace = resolve(configPath) === resolve(project.config.path);
  if (!inPlace) await copyFile(project.config.path, configPath);
  const written = await writeMinisManifest(outputDir, { ignore });

  const warnings: string[] = [];
  const style = styleFor(io);
  if (!written.walk.files.some((file) => file.path === 'index.html')) {
    warnings.push(`no index.html at the root of "${shown(io, outputDir)}": the host opens index.html`);
  }
  for (const warning of warnings) io.stderr.write(`${style.yellow('warning')}: ${warning}\n`);
  const fileCount = listManifestFiles(written.manifest).length;
  const others = written.walk.files.filter((file) => file.path !== MANIFEST_FILE_NAME);
  const bytes = others.reduce((sum, file) => sum + file.size, 0) + (await stat(written.path)).size;
  if (!options.quiet) {
    io.stdout.write(
      (inPlace
        ? `- ${CONFIG_FILE_NAME} is already in the output folder (the project root)\n`
        : `${style.green('✓')} copied ${CONFIG_FILE_NAME} → ${shown(io, configPath)}\n`) +
        `${style.green('✓')} wrote ${shown(io, written.path)} (${fileCount} files)\n`,
    );
  }
  return {
    outputDir,
    configPath,
    manifestPath: written.path,
    manifest: written.manifest,
    fileCount,
    bytes,
    warnings,
  };
}
