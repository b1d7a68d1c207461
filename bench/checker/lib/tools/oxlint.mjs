// oxlint with only no-eval, no-implied-eval and no-new-func, run as a fresh process per run (that is how
// it is used). Files are passed explicitly: the corpus folder is gitignored and oxlint skips ignored
// paths when given a directory.
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { ESLINT_RULES } from '../rules.mjs';

export function oxlintBinary(repoRoot) {
  return join(repoRoot, 'node_modules', '.bin', 'oxlint');
}

export function oxlintVersion(repoRoot) {
  const out = spawnSync(oxlintBinary(repoRoot), ['--version'], { encoding: 'utf8' });
  return out.stdout.trim().replace(/^Version:\s*/, '');
}

/** A config in a temp folder so no .oxlintrc in the repository can add rules or plugins. */
export function writeOxlintConfig() {
  const dir = mkdtempSync(join(tmpdir(), 'openminis-bench-oxlint-'));
  const path = join(dir, 'oxlintrc.json');
  const config = {
    plugins: [],
    categories: { correctness: 'off' },
    rules: Object.fromEntries(ESLINT_RULES.map((rule) => [rule, 'error'])),
  };
  writeFileSync(path, JSON.stringify(config));
  return path;
}

/**
 * One oxlint run over `files` (relative to `cwd`). `threads`: undefined for oxlint's default.
 * Returns the wall time of the process and its findings as { file, line, column, rule }.
 */
export function runOxlint({ repoRoot, cwd, files, configPath, threads }) {
  const args = ['-c', configPath, '--disable-nested-config', '-f', 'json'];
  if (threads !== undefined) args.push(`--threads=${threads}`);
  const start = performance.now();
  const out = spawnSync(oxlintBinary(repoRoot), [...args, ...files], {
    cwd,
    encoding: 'utf8',
    maxBuffer: 256 * 1024 * 1024,
  });
  const ms = performance.now() - start;
  if (out.error) throw out.error;
  // Exit code 1 means "found problems"; anything else, or output that is not JSON, is a failed run.
  let report;
  try {
    report = JSON.parse(out.stdout);
  } catch {
    throw new Error(`oxlint exited with ${out.status} without a JSON report: ${out.stderr || out.stdout}`);
  }
  if (out.status !== 0 && out.status !== 1)
    throw new Error(`oxlint exited with ${out.status}: ${out.stderr}`);
  if (report.number_of_files !== files.length)
    throw new Error(`oxlint looked at ${report.number_of_files} files, expected ${files.length}`);
  const findings = report.diagnostics.map((d) => {
    const span = d.labels?.[0]?.span ?? {};
    return {
      file: d.filename,
      line: span.line ?? 0,
      column: span.column ?? 0,
      offset: span.offset,
      rule: /^\w+\((.+)\)$/.exec(d.code ?? '')?.[1] ?? d.code ?? 'parse-error',
      message: d.message,
    };
  });
  return { ms, findings, threads: report.threads_count };
}

/**
 * oxlint's spans count UTF-8 bytes; ESLint and ours count UTF-16 code units, like editors. Recomputes
 * line and column from the byte offset so the same call gets the same position from every tool
 * (line breaks as JavaScript defines them: \n, \r\n, \r, U+2028, U+2029). Done after timing.
 */
export function withUtf16Positions(cwd, findings) {
  const files = new Map();
  return findings.map((f) => {
    if (typeof f.offset !== 'number') return f;
    let buffer = files.get(f.file);
    if (!buffer) {
      buffer = readFileSync(join(cwd, f.file));
      files.set(f.file, buffer);
    }
    const before = buffer.subarray(0, f.offset).toString('utf8');
    const breaks = before.match(/\r\n|\r|\n|\u2028|\u2029/g) ?? [];
    const lineStart =
      Math.max(
        before.lastIndexOf('\n'),
        before.lastIndexOf('\r'),
        before.lastIndexOf('\u2028'),
        before.lastIndexOf('\u2029'),
      ) + 1;
    return { ...f, line: breaks.length + 1, column: before.length - lineStart + 1 };
  });
}
