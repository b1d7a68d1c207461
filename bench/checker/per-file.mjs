#!/usr/bin/env node
// Where the checker spends its time: each corpus file alone, ours (in-process, one thread) beside oxlint
// (`--threads=1`), slowest-relative-to-oxlint first. Writes bench/checker/PER-FILE.md. For the checker's
// author, not for RESULTS.md (single files on a shared machine are noisy; run.mjs gives the totals).
//
//   node bench/checker/per-file.mjs [--runs 3] [--only <dir>,<dir>]
import { spawnSync } from 'node:child_process';
import { writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { benchDir, corpusDirProblems, corpusFiles, defaultCorpusDir, loadCorpus } from './lib/corpus.mjs';
import { checkerCommit, load } from './lib/machine.mjs';
import { mbPerSecond, median } from './lib/stats.mjs';
import { loadChecker, runOursInProcess } from './lib/tools/ours.mjs';
import { runOxlint, writeOxlintConfig } from './lib/tools/oxlint.mjs';

if (!process.env.OPENMINIS_BENCH_TSX) {
  const self = spawnSync(process.execPath, ['--import', 'tsx', ...process.argv.slice(1)], {
    stdio: 'inherit',
    env: { ...process.env, OPENMINIS_BENCH_TSX: '1' },
  });
  process.exit(self.status ?? 1);
}

const { values: args } = parseOrExit({
  options: { runs: { type: 'string', default: '3' }, only: { type: 'string' } },
});
const runs = Number(args.runs);
if (!Number.isInteger(runs) || runs < 1 || runs > 50) {
  console.error(`bench/checker/per-file.mjs: --runs: expected a whole number 1–50, found "${args.runs}"`);
  process.exit(2);
}
const repoRoot = resolve(benchDir, '..', '..');
const corpusDir = defaultCorpusDir;
const corpus = loadCorpus();
const stale = corpusDirProblems(corpusDir, corpus);
if (stale.length > 0) {
  console.error(stale.join('\n'));
  process.exit(2);
}
const only = args.only ? new Set(args.only.split(',')) : undefined;
const files = corpusFiles(corpus).filter((f) => !only || only.has(f.dir));
const { checker, unavailable } = await loadChecker();
if (!checker) {
  console.error(unavailable);
  process.exit(2);
}
const configPath = writeOxlintConfig();

const rows = [];
const loadStart = load();
for (const file of files) {
  const ours = [];
  const oxlint = [];
  for (let i = 0; i < runs; i++) {
    ours.push((await runOursInProcess(checker, { corpusDir, files: [file.rel], threads: 1 })).ms);
    oxlint.push(runOxlint({ repoRoot, cwd: corpusDir, files: [file.rel], configPath, threads: 1 }).ms);
  }
  const row = { file: file.rel, bytes: file.bytes, ours: median(ours), oxlint: median(oxlint) };
  rows.push(row);
  console.error(`${file.rel}: ours ${row.ours.toFixed(0)} ms, oxlint ${row.oxlint.toFixed(0)} ms`);
}
rows.sort((a, b) => b.ours / b.oxlint - a.ours / a.oxlint);
const lines = [
  '# Checker time per corpus file',
  '',
  `Written by \`node bench/checker/per-file.mjs --runs ${runs}\` at ${new Date().toISOString()} (checker at ` +
    `${checkerCommit(repoRoot)}; load average ${loadStart} → ${load()}). Each file alone, ours in-process ` +
    'with `threads: 1` beside oxlint `--threads=1` (a fresh process, so ~0.1 s of its time is start-up); ' +
    'median of the runs; slowest relative to oxlint first. Noisy on a shared machine: read the ratios, ' +
    'not the decimals.',
  '',
  '| File | MB | ours ms | ours MB/s | oxlint ms | oxlint MB/s | ours time / oxlint time |',
  '|---|---:|---:|---:|---:|---:|---:|',
  ...rows.map(
    (r) =>
      `| ${r.file} | ${(r.bytes / 1e6).toFixed(2)} | ${r.ours.toFixed(0)} | ${mbPerSecond(r.bytes, r.ours).toFixed(1)} | ` +
      `${r.oxlint.toFixed(0)} | ${mbPerSecond(r.bytes, r.oxlint).toFixed(1)} | ${(r.ours / r.oxlint).toFixed(2)} |`,
  ),
  '',
];
const out = join(benchDir, 'PER-FILE.md');
writeFileSync(out, lines.join('\n'));
spawnSync(join(repoRoot, 'node_modules', '.bin', 'biome'), ['format', '--write', out], { cwd: repoRoot });
console.log(lines.join('\n'));

function parseOrExit(config) {
  try {
    return parseArgs(config);
  } catch (error) {
    console.error(`${process.argv[1]}: ${error instanceof Error ? error.message : error}`);
    process.exit(2);
  }
}
