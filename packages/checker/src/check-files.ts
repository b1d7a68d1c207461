import { realpath, stat } from 'node:fs/promises';
import path from 'node:path';
import type { FileOutcome } from './check-file';
import { fileKind, sortFindings } from './check-text';
import { CheckerError } from './errors';
import { walkDirectory } from './fs/walk-dir';
import { ruleMeta } from './rules';
import type { CheckOptions, CheckResult, Finding, SkippedFile } from './types';
import { runPool } from './workers/pool';

/** Checks the given files (paths relative to `root`, `/` or platform separators). */
export async function checkFiles(
  root: string,
  relativeFiles: string[],
  options: CheckOptions = {},
): Promise<CheckResult> {
  const rootReal = await realDir(root);
  const skipped: SkippedFile[] = [];
  const files: string[] = [];
  for (const raw of relativeFiles) {
    const rel = raw.split(path.sep).join('/').replace(/^\.\//, '');
    if (path.isAbsolute(rel) || rel.split('/').includes('..')) {
      skipped.push({ file: rel, reason: 'path leaves the checked folder' });
    } else if (!fileKind(rel)) {
      skipped.push({ file: rel, reason: 'not a .js, .mjs, .cjs, .html, .htm or .css file' });
    } else files.push(rel);
  }
  const outcomes = await runPool(rootReal, [...new Set(files)], options);
  return assemble(outcomes, skipped, options);
}

/** Walks `dir` (see walk-dir.ts for what is included) and checks every JS, HTML and CSS file. */
export async function checkDirectory(dir: string, options: CheckOptions = {}): Promise<CheckResult> {
  const walked = await walkDirectory(dir);
  const rootReal = await realDir(dir);
  const outcomes = await runPool(rootReal, walked.files, options);
  return assemble(outcomes, walked.skipped, options);
}

function assemble(outcomes: FileOutcome[], skipped: SkippedFile[], options: CheckOptions): CheckResult {
  const findings: Finding[] = [];
  const files: string[] = [];
  let bytes = 0;
  let sawLogin = false;
  for (const outcome of outcomes) {
    bytes += outcome.bytes;
    if (outcome.checked) files.push(outcome.file);
    if (outcome.skipped) skipped.push(outcome.skipped);
    findings.push(...outcome.findings);
    if (outcome.sawLogin) sawLogin = true;
  }
  files.sort();
  const loginDisabled = options.disable?.includes('login-missing') ?? false;
  const codeFiles = files.filter((f) => fileKind(f) !== 'css');
  if (!sawLogin && !loginDisabled && codeFiles.length > 0) findings.push(loginMissing(codeFiles));
  skipped.sort((a, b) => (a.file < b.file ? -1 : a.file > b.file ? 1 : 0));
  return { findings: sortFindings(findings), files, skipped, bytes };
}

/** Reported on the HTML entry when there is one (that is where the SDK is loaded), else the first script. */
function loginMissing(codeFiles: string[]): Finding {
  const meta = ruleMeta('login-missing');
  const file =
    codeFiles.find((f) => /(^|\/)index\.html?$/i.test(f)) ??
    codeFiles.find((f) => fileKind(f) === 'html') ??
    codeFiles[0];
  return {
    rule: 'login-missing',
    severity: meta.severity,
    file: file ?? '',
    line: 1,
    column: 1,
    message: 'No call of TTMinis.login or TTMinis.game.login was found in any script',
    hint: meta.hint,
  };
}

async function realDir(root: string): Promise<string> {
  try {
    const info = await stat(root);
    if (!info.isDirectory())
      throw new CheckerError(
        'ENOTDIR',
        `Not a folder: ${root} (expected the built Mini folder, found a file).`,
      );
    return await realpath(root);
  } catch (error) {
    if (error instanceof CheckerError) throw error;
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') {
      throw new CheckerError('ENOENT', `Folder not found: ${root} (expected the built Mini folder).`);
    }
    throw new CheckerError('EINVAL', `Cannot open folder ${root}: ${(error as Error).message}`);
  }
}
