import { readFile, rename, rm, stat } from 'node:fs/promises';
import { basename, dirname, join, relative, resolve } from 'node:path';
import {
  CONFIG_FILE_NAME,
  listManifestFiles,
  MANIFEST_FILE_NAME,
  readMinisManifest,
} from '@openminis/protocol';
import { type WalkResult, walkOutputFolder } from '@openminis/protocol/node';
import { CliError, UsageError } from '../cli/errors';
import type { CliIo } from '../cli/io';
import { styleFor } from '../cli/style';
import { type CheckSummary, plural, summarize } from '../format/summary';
import { progressBar } from '../pack/progress';
import { formatSizeReport, largestFiles } from '../pack/report';
import { formatBytes, parseSize } from '../pack/size';
import { writeReproducibleZip } from '../pack/zip';
import { readPackageJson } from '../project/detect';
import {
  outputDirOf,
  outputIgnore,
  type Project,
  requireFolder,
  requireProject,
  shown,
} from '../project/project';
import { renderCheck, runChecker } from './check';

/** The seed documents' limit (spec §1.3, §10 #1); current release pages allow 200 MB (`--max-size 200MB`). */
export const DEFAULT_MAX_ZIP_SIZE = '50MB';

export interface PackOptions {
  projectDir: string;
  /** Folder to pack, relative to `io.cwd`; default: the configured output folder. */
  dir?: string;
  /** Pack even when the checker reports errors. */
  force?: boolean;
  /** Archive size limit, e.g. `50MB`. */
  maxSize?: string;
  /** Output file or folder, relative to `io.cwd`; default: the project folder. */
  out?: string;
  quiet?: boolean;
}

export interface PackResult {
  zipPath: string;
  zipBytes: number;
  fileCount: number;
  totalBytes: number;
  largest: Array<{ path: string; size: number }>;
  check: CheckSummary;
  forced: boolean;
}

const REBUILD_HINT = 'run "ttdx minis build:after" after your build';

function listSome(items: readonly string[], max = 5): string {
  const shownItems = items.slice(0, max).join(', ');
  return items.length > max ? `${shownItems} and ${items.length - max} more` : shownItems;
}

/** Refuses an output folder that build:after has not prepared, or that changed since. */
async function requirePrepared(project: Project, dir: string, walk: WalkResult, io: CliIo): Promise<void> {
  const paths = walk.files.map((file) => file.path);
  for (const required of [CONFIG_FILE_NAME, MANIFEST_FILE_NAME]) {
    if (!paths.includes(required))
      throw new CliError(`${shown(io, dir)} has no ${required}`, 1, REBUILD_HINT);
  }
  const copied = await readFile(join(dir, CONFIG_FILE_NAME));
  if (!copied.equals(project.config.bytes)) {
    throw new CliError(
      `${shown(io, join(dir, CONFIG_FILE_NAME))} differs from the project's ${CONFIG_FILE_NAME}`,
      1,
      REBUILD_HINT,
    );
  }
  const manifestPath = join(dir, MANIFEST_FILE_NAME);
  let parsed: unknown;
  try {
    parsed = JSON.parse(await readFile(manifestPath, 'utf8'));
  } catch (error) {
    throw new CliError(
      `${shown(io, manifestPath)} is not valid JSON (${(error as Error).message})`,
      1,
      REBUILD_HINT,
    );
  }
  const listed = new Set(listManifestFiles(readMinisManifest(parsed, shown(io, manifestPath))));
  const missing = paths.filter((path) => !listed.has(path));
  const gone = [...listed].filter((path) => !paths.includes(path));
  if (missing.length > 0 || gone.length > 0) {
    const parts = [
      missing.length > 0 ? `not listed: ${listSome(missing)}` : '',
      gone.length > 0 ? `listed but missing: ${listSome(gone)}` : '',
    ].filter(Boolean);
    throw new CliError(`${shown(io, manifestPath)} is out of date (${parts.join('; ')})`, 1, REBUILD_HINT);
  }
}

async function zipTarget(
  project: Project,
  outputDir: string,
  out: string | undefined,
  io: CliIo,
): Promise<string> {
  const pkg = await readPackageJson(project.dir);
  const name = (typeof pkg?.name === 'string' ? pkg.name : basename(project.dir))
    .replace(/^@/, '')
    .replace(/[^\w.-]+/g, '-');
  const version = typeof pkg?.version === 'string' ? pkg.version.replace(/[^\w.-]+/g, '-') : 'mini';
  const fileName = `${name}-${version}.zip`;
  let target = join(project.dir, fileName);
  if (out !== undefined) {
    const resolved = resolve(io.cwd, out);
    const isFolder = (await stat(resolved).catch(() => undefined))?.isDirectory() === true;
    target = isFolder || !out.endsWith('.zip') ? join(resolved, fileName) : resolved;
    await requireFolder(io, dirname(target), '--out folder');
  }
  // Inside the packed folder only the root of a project-root output is safe: ZIPs there are ignored.
  const inside = !relative(outputDir, target).startsWith('..');
  const ignoredThere =
    resolve(outputDir) === resolve(project.dir) && resolve(dirname(target)) === resolve(outputDir);
  if (inside && !ignoredThere) {
    throw new UsageError(
      `--out ${out ?? target}: the archive must not be written inside the folder being packed`,
    );
  }
  return target;
}

/**
 * `ttdx minis pack [dir]`: verifies the output folder (build:after done, no empty files, checker clean),
 * then writes a reproducible ZIP under the size limit and reports the largest files.
 */
export async function pack(options: PackOptions, io: CliIo): Promise<PackResult> {
  const style = styleFor(io);
  const limit = parseSize(options.maxSize ?? DEFAULT_MAX_ZIP_SIZE);
  if (limit === undefined) {
    throw new UsageError(
      `--max-size: expected a size such as 50MB or 200MB, found ${JSON.stringify(options.maxSize)}`,
    );
  }
  const project = await requireProject(options.projectDir, io);
  const dir = options.dir === undefined ? outputDirOf(project) : resolve(io.cwd, options.dir);
  await requireFolder(io, dir, 'output folder', 'run your build, then "ttdx minis build:after"');
  const walk = await walkOutputFolder(dir, { ignore: outputIgnore(project.dir, dir) });
  await requirePrepared(project, dir, walk, io);

  const empty = walk.files.filter((file) => file.size === 0).map((file) => file.path);
  if (empty.length > 0) {
    throw new CliError(
      `${plural(empty.length, 'empty file')} in ${shown(io, dir)}: ${listSome(empty, 10)}`,
      1,
      'uploads with 0-byte files are rejected (spec §4.3): delete them or give them content, then rerun build:after',
    );
  }

  const target = await zipTarget(project, dir, options.out, io);
  const result = await runChecker(dir, project.config.config.trustedDomains);
  const summary = summarize(result);
  if (result.findings.length > 0 || result.skipped.length > 0) {
    // With --json, stdout carries only the result object.
    (options.quiet ? io.stderr : io.stdout).write(await renderCheck(result, dir, 'pretty', io));
  }
  if (summary.failed && !options.force) {
    throw new CliError(
      `not packed: the check found ${plural(summary.errors, 'error')} and ${plural(summary.skipped, 'unchecked file')}`,
      1,
      result.findings.some((finding) => /vconsole/i.test(finding.message))
        ? 'vConsole is for debugging only: "ttdx minis init --no-vconsole" removes it; rebuild, then pack again'
        : 'fix them (see above), or pass --force to pack anyway',
    );
  }
  if (summary.failed) io.stderr.write(`${style.yellow('warning')}: packing despite check errors (--force)\n`);

  const partial = join(dirname(target), `.${basename(target)}.partial`);
  const bar = progressBar(io, walk.files.length, `packing ${shown(io, dir)}`);
  try {
    await writeReproducibleZip(walk, partial, (file) => bar.advance(file.path));
    const zipBytes = (await stat(partial)).size;
    bar.stop(`packed ${walk.files.length} files`);
    if (zipBytes > limit) {
      throw new CliError(
        `the archive would be ${formatBytes(zipBytes)}, over the ${formatBytes(limit)} limit`,
        1,
        'make the build smaller, or raise the limit with --max-size (current release pages allow 200MB)',
      );
    }
    await rename(partial, target);
    const packed: PackResult = {
      zipPath: target,
      zipBytes,
      fileCount: walk.files.length,
      totalBytes: walk.files.reduce((sum, file) => sum + file.size, 0),
      largest: largestFiles(walk.files),
      check: summary,
      forced: summary.failed,
    };
    if (!options.quiet) {
      io.stdout.write(
        formatSizeReport(style, walk.files, { label: shown(io, target), bytes: zipBytes, limit }),
      );
    }
    return packed;
  } finally {
    await rm(partial, { force: true });
  }
}
