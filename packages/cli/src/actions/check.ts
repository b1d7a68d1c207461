import { readFileSync } from 'node:fs';
import { writeFile } from 'node:fs/promises';
import { join, relative, resolve } from 'node:path';
import type { CheckResult } from '@openminis/checker';
import { CliError } from '../cli/errors';
import type { CliIo } from '../cli/io';
import { styleFor } from '../cli/style';
import { formatJson } from '../format/json';
import { formatPretty } from '../format/pretty';
import { formatSarif } from '../format/sarif';
import { type CheckSummary, summarize } from '../format/summary';
import { loadConfig, outputDirOf, requireFolder, shown } from '../project/project';
import { CLI_VERSION } from '../version';

export type CheckFormat = 'pretty' | 'json' | 'sarif';

export interface CheckOptions {
  projectDir: string;
  /** Folder to check, relative to `io.cwd`; default: the configured output folder. */
  dir?: string;
  format?: CheckFormat;
  /** Write the report to this file (relative to `io.cwd`) instead of stdout. */
  output?: string;
}

export interface CheckOutcome {
  dir: string;
  result: CheckResult;
  summary: CheckSummary;
  /** 1 when there are error findings or files that could not be checked. */
  exitCode: 0 | 1;
}

const MAX_FRAME_SOURCE_BYTES = 64 * 1024 * 1024;

/** Reads sources lazily for code frames; unreadable files just get no frame. */
function sourceReader(dir: string): (file: string) => string | undefined {
  const cache = new Map<string, string | undefined>();
  return (file) => {
    if (!cache.has(file)) {
      try {
        const bytes = readFileSync(join(dir, file));
        cache.set(file, bytes.length > MAX_FRAME_SOURCE_BYTES ? undefined : bytes.toString('utf8'));
      } catch {
        cache.set(file, undefined);
      }
    }
    return cache.get(file);
  };
}

/** Runs the forbidden-API checker over a folder; no output. */
export async function runChecker(dir: string, trustedDomains: readonly string[]): Promise<CheckResult> {
  const { checkDirectory } = await import('@openminis/checker');
  return checkDirectory(dir, { trustedDomains });
}

/** Formats a result in the requested format. */
export async function renderCheck(
  result: CheckResult,
  dir: string,
  format: CheckFormat,
  io: CliIo,
): Promise<string> {
  const dirLabel = shown(io, dir);
  if (format === 'json') return formatJson(result, dirLabel);
  if (format === 'sarif') {
    const { rules } = await import('@openminis/checker');
    const dirUri = relative(io.cwd, dir).split('\\').join('/');
    return formatSarif(result, {
      rules,
      dirUri: dirUri.startsWith('..') ? dir : dirUri,
      toolVersion: CLI_VERSION,
    });
  }
  return formatPretty(result, { style: styleFor(io), dirLabel, readSource: sourceReader(dir) });
}

/** `ttdx minis check [dir]`: the forbidden-API checker over a built Mini (spec §4.1, §4.3). */
export async function check(options: CheckOptions, io: CliIo): Promise<CheckOutcome> {
  const config = await loadConfig(options.projectDir, io);
  let dir: string;
  if (options.dir !== undefined) {
    dir = resolve(io.cwd, options.dir);
  } else if (config !== undefined) {
    dir = outputDirOf({ dir: options.projectDir, config });
  } else {
    throw new CliError(
      'no folder to check: pass one ("ttdx minis check dist") or run in a project with minis.config.json',
      2,
    );
  }
  await requireFolder(io, dir, 'folder', options.dir === undefined ? 'run your build first' : undefined);
  const result = await runChecker(dir, config?.config.trustedDomains ?? []);
  const summary = summarize(result);
  const report = await renderCheck(result, dir, options.format ?? 'pretty', io);
  if (options.output === undefined) {
    io.stdout.write(report);
  } else {
    const target = resolve(io.cwd, options.output);
    await writeFile(target, report);
    const { errors, warnings, skipped } = summary;
    io.stdout.write(
      `wrote ${shown(io, target)} (${errors} errors, ${warnings} warnings, ${skipped} not checked)\n`,
    );
  }
  return { dir, result, summary, exitCode: summary.failed ? 1 : 0 };
}
