// Our checker (@openminis/checker): in this process (run.mjs runs under `node --import tsx`, which worker
// threads inherit), and as a fresh process per run so start-up (tsx, module loading) is counted too.
import { spawnSync } from 'node:child_process';
import { performance } from 'node:perf_hooks';
import { fileURLToPath } from 'node:url';

/** The checker's entry points, or the reason they cannot be used yet. */
export async function loadChecker() {
  try {
    const checker = await import('@openminis/checker');
    if (typeof checker.checkDirectory !== 'function' || typeof checker.checkFiles !== 'function')
      return { unavailable: '@openminis/checker does not export checkDirectory and checkFiles yet' };
    return { checker };
  } catch (error) {
    return {
      unavailable: `@openminis/checker failed to load: ${error instanceof Error ? error.message : error}`,
    };
  }
}

/** One in-process run: the whole folder with checkDirectory, or a subset with checkFiles. */
export async function runOursInProcess(checker, { corpusDir, files, threads }) {
  const options = threads === undefined ? {} : { threads };
  const start = performance.now();
  const result = files
    ? await checker.checkFiles(corpusDir, files, options)
    : await checker.checkDirectory(corpusDir, options);
  const ms = performance.now() - start;
  return { ms, ...summarise(result) };
}

/** One run in a fresh `node --import tsx` process; `ms` is the wall time of the whole process. */
export function runOursInChild({ repoRoot, corpusDir }) {
  const child = fileURLToPath(new URL('./ours-child.mjs', import.meta.url));
  const start = performance.now();
  const out = spawnSync(process.execPath, ['--import', 'tsx', child, corpusDir], {
    cwd: repoRoot,
    encoding: 'utf8',
    maxBuffer: 256 * 1024 * 1024,
  });
  const ms = performance.now() - start;
  if (out.status !== 0) throw new Error(`ours-child.mjs exited with ${out.status}: ${out.stderr}`);
  const report = JSON.parse(out.stdout);
  return { ms, innerMs: report.ms, maxRssKiB: report.maxRssKiB, ...summarise(report.result) };
}

function summarise(result) {
  return {
    findings: result.findings.map((f) => ({
      file: f.file,
      line: f.line,
      column: f.column,
      rule: f.rule,
      message: f.message,
    })),
    files: result.files,
    skipped: result.skipped,
    bytes: result.bytes,
  };
}

/**
 * One run of the real CLI, `ttdx minis check <corpus> --format json`, in a fresh process (what a
 * developer runs); `ms` is the wall time of the whole process, findings from its JSON report.
 */
export function runOursCli({ repoRoot, corpusDir }) {
  const bin = fileURLToPath(new URL('../../../../packages/cli/bin/ttdx.mjs', import.meta.url));
  const start = performance.now();
  const out = spawnSync(process.execPath, [bin, 'minis', 'check', corpusDir, '--format', 'json'], {
    cwd: repoRoot,
    encoding: 'utf8',
    maxBuffer: 256 * 1024 * 1024,
  });
  const ms = performance.now() - start;
  // Exit code 1 means "findings"; the report must be there either way.
  if (out.status !== 0 && out.status !== 1) throw new Error(`ttdx exited with ${out.status}: ${out.stderr}`);
  const report = JSON.parse(out.stdout);
  return { ms, findings: report.findings.length };
}
