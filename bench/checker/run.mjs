#!/usr/bin/env node
// The checker benchmark: @openminis/checker beside oxlint and ESLint (no-eval, no-implied-eval,
// no-new-func) over the pinned corpus, in one run. Writes the checker section of bench/RESULTS.md,
// bench/checker/DISAGREEMENTS.md and bench/checker/last-run.json. See bench/checker/README.md.
//
//   node bench/checker/run.mjs [--runs 5] [--eslint full|last|skip|<pkg>,<pkg>] [--corpus-dir DIR] [--dry-run]
//   node bench/checker/run.mjs --from-last-run   re-render from last-run.json (after editing triage.json)
import { spawnSync } from 'node:child_process';
import { readFileSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { contextOf } from './lib/compare.mjs';
import { benchDir, corpusDirProblems, corpusFiles, defaultCorpusDir, loadCorpus } from './lib/corpus.mjs';
import { checkerCommit, describeMachine, load, packageVersion } from './lib/machine.mjs';
import { measure } from './lib/measure.mjs';
import { renderDisagreementList, renderSection, writeSection } from './lib/report.mjs';
import { summarise } from './lib/summarise.mjs';
import { oxlintVersion } from './lib/tools/oxlint.mjs';
import { loadTriage, triageNoteFor } from './lib/triage.mjs';

// Worker threads inherit execArgv: running under `--import tsx` lets the TypeScript checker (and any
// worker it starts from a .ts file) load without a build step.
if (!process.env.OPENMINIS_BENCH_TSX) {
  const self = spawnSync(process.execPath, ['--import', 'tsx', ...process.argv.slice(1)], {
    stdio: 'inherit',
    env: { ...process.env, OPENMINIS_BENCH_TSX: '1' },
  });
  process.exit(self.status ?? 1);
}

const { values: args } = parseOrExit({
  options: {
    runs: { type: 'string', default: '5' },
    eslint: { type: 'string', default: 'full' },
    'corpus-dir': { type: 'string', default: defaultCorpusDir },
    'dry-run': { type: 'boolean', default: false },
    'from-last-run': { type: 'boolean', default: false },
    help: { type: 'boolean', short: 'h', default: false },
  },
});
if (args.help) {
  console.log(
    'usage: node bench/checker/run.mjs [--runs N] [--eslint full|last|skip|<pkg>,<pkg>] [--corpus-dir DIR] [--dry-run]\n' +
      '       node bench/checker/run.mjs --from-last-run   (re-render the Markdown, e.g. after editing triage.json)',
  );
  process.exit(0);
}
const runs = Number(args.runs);
if (!Number.isInteger(runs) || runs < 1 || runs > 50)
  fail(`--runs: expected a whole number 1–50, found "${args.runs}"`);

const repoRoot = resolve(benchDir, '..', '..');
const corpusDir = resolve(args['corpus-dir']);
const corpus = loadCorpus();
const files = corpusFiles(corpus);
const stale = corpusDirProblems(corpusDir, corpus);
if (stale.length > 0) fail(`the corpus in ${corpusDir} is not the pinned one:\n  ${stale.join('\n  ')}`);

let eslintFiles = files;
// ESLint and the corpus are pinned, so its findings cannot change between runs: `last` reuses the
// previous full run's ESLint figures while iterating on the checker (say so in the results).
let eslintFromLastRun;
if (args.eslint === 'skip') eslintFiles = [];
else if (args.eslint === 'last') eslintFromLastRun = lastEslintRun();
else if (args.eslint !== 'full') {
  const wanted = new Set(args.eslint.split(','));
  const known = new Set(corpus.packages.map((p) => p.name));
  const unknown = [...wanted].filter((name) => !known.has(name));
  if (unknown.length > 0)
    fail(`--eslint: ${unknown.join(', ')} not in corpus.json (known: ${[...known].join(', ')})`);
  eslintFiles = files.filter((f) => wanted.has(f.pkg));
}

const machine = describeMachine();
const versions = {
  node: process.versions.node,
  oxlint: oxlintVersion(repoRoot),
  eslint: packageVersion(repoRoot, 'eslint'),
  oxcParser: packageVersion(repoRoot, 'oxc-parser'),
  checkerCommit: checkerCommit(repoRoot),
};
async function measureAll() {
  console.log(
    `corpus: ${files.length} files, ${(sumBytes(files) / 1e6).toFixed(1)} MB; ${runs} runs; load ${machine.loadStart}`,
  );
  const log = (line) => console.log(line);
  const measured = await measure({ repoRoot, corpusDir, files, eslintFiles, eslintFromLastRun, runs, log });
  machine.loadEnd = load();
  return measured;
}

function lastEslintRun() {
  const last = JSON.parse(readFileSync(join(benchDir, 'last-run.json'), 'utf8'));
  const timing = last.timings?.find((t) => t.id === 'eslint');
  if (!timing || !last.findings?.eslint || last.corpus?.eslintBytes !== last.corpus?.bytes)
    fail('--eslint last: last-run.json has no full ESLint run; run once with --eslint full');
  return {
    date: last.eslintRanAt ?? last.date,
    ms: timing.medianMs,
    findings: last.findings.eslint,
    rssKiB: last.eslintRssKiB,
  };
}

/** The stored run with today's triage.json notes (and today's reading of the source around each place). */
function retriaged(run) {
  const triage = loadTriage();
  const cache = new Map();
  for (const d of run.disagreements)
    Object.assign(d, contextOf(corpusDir, d, cache), { triage: triageNoteFor(triage, d) });
  return run;
}

const run = args['from-last-run']
  ? retriaged(JSON.parse(readFileSync(join(benchDir, 'last-run.json'), 'utf8')))
  : summarise({
      corpus,
      files,
      eslintFiles,
      corpusDir,
      measured: await measureAll(),
      runs,
      command: ['node bench/checker/run.mjs', ...process.argv.slice(2)].join(' '),
      machine,
      versions,
    });
const section = renderSection(run);
const disagreementsDoc = [
  '# Checker disagreements on the benchmark corpus',
  '',
  `Written by \`node bench/checker/run.mjs\` on ${run.date} (checker at ${run.versions.checkerCommit}). ` +
    'Each row is a place in a real published bundle where our checker, ESLint and oxlint do not report the same ' +
    'eval / new Function / implied eval; the corpus is in `bench/checker/corpus/` after ' +
    '`node bench/checker/fetch-corpus.mjs`. The last column is a human reading of the place, kept in ' +
    '`bench/checker/triage.json` (TP: really builds code from a string; FP: does not); add to it as you review.',
  '',
  ...renderDisagreementList(run),
].join('\n');

if (args['dry-run']) {
  console.log(`\n${section}\n`);
} else {
  writeSection(join(benchDir, '..', 'RESULTS.md'), section);
  writeFileSync(join(benchDir, 'DISAGREEMENTS.md'), disagreementsDoc);
  writeFileSync(join(benchDir, 'last-run.json'), `${JSON.stringify(run, null, 2)}\n`);
  formatMarkdown([join(benchDir, '..', 'RESULTS.md'), join(benchDir, 'DISAGREEMENTS.md')]);
  console.log(
    'wrote bench/RESULTS.md (checker section), bench/checker/DISAGREEMENTS.md, bench/checker/last-run.json',
  );
}
for (const line of run.headline) console.log(line);
for (const problem of run.problems) console.log(`problem: ${problem}`);

/** `npm run lint` checks Markdown formatting too: let Biome lay out the tables we wrote. */
function formatMarkdown(paths) {
  const biome = join(repoRoot, 'node_modules', '.bin', 'biome');
  const out = spawnSync(biome, ['format', '--write', ...paths], { cwd: repoRoot, encoding: 'utf8' });
  if (out.status !== 0) console.error(`biome format failed (${out.status}): ${out.stderr || out.stdout}`);
}

function sumBytes(list) {
  return list.reduce((sum, f) => sum + f.bytes, 0);
}

function parseOrExit(config) {
  try {
    return parseArgs(config);
  } catch (error) {
    fail(`${error instanceof Error ? error.message : error} (see --help)`);
  }
}

function fail(message) {
  console.error(`bench/checker/run.mjs: ${message}`);
  process.exit(2);
}
