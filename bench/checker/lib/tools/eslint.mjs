// ESLint 10 with no-eval, no-implied-eval and no-new-func, run once in a fresh process (eslint-child.mjs).
import { spawnSync } from 'node:child_process';
import { performance } from 'node:perf_hooks';
import { fileURLToPath } from 'node:url';

/** ESLint holds every file's AST, tokens and scopes at once: about 3 GiB for the full 57 MB corpus. */
const HEAP_MIB = 8192;

export function runEslint({ repoRoot, corpusDir, files, moduleFiles }) {
  const child = fileURLToPath(new URL('./eslint-child.mjs', import.meta.url));
  const spec = JSON.stringify({ cwd: corpusDir, files, moduleFiles });
  const start = performance.now();
  const out = spawnSync(process.execPath, [`--max-old-space-size=${HEAP_MIB}`, child, spec], {
    cwd: repoRoot,
    encoding: 'utf8',
    maxBuffer: 256 * 1024 * 1024,
  });
  const ms = performance.now() - start;
  if (out.status !== 0) throw new Error(`eslint-child.mjs exited with ${out.status}: ${out.stderr}`);
  const report = JSON.parse(out.stdout);
  const findings = report.results.flatMap((r) => r.messages.map((m) => ({ file: r.file, ...m })));
  return { ms, innerMs: report.ms, maxRssKiB: report.maxRssKiB, version: report.version, findings };
}
