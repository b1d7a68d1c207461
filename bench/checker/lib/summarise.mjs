// From raw measurements to the run object that report.mjs renders and last-run.json stores.
import { contextOf, countsByKind, disagreements, placesOf, TOOLS, verdictOf } from './compare.mjs';
import { mbPerSecond, median } from './stats.mjs';
import { loadTriage, triageNoteFor } from './triage.mjs';

export function summarise({
  corpus,
  files,
  eslintFiles,
  corpusDir,
  measured,
  runs,
  command,
  machine,
  versions,
}) {
  const { series, findings, info } = measured;
  const bytes = sum(files);
  const eslintBytes = sum(eslintFiles);
  const eslintFull = eslintFiles.length === files.length;
  const eslintSet = new Set(eslintFiles.map((f) => f.rel));
  const toolsThatRan = TOOLS.filter((tool) => findings[tool]);
  const toolsFor = (file) => toolsThatRan.filter((tool) => tool !== 'eslint' || eslintSet.has(file));

  const labels = {
    ours: 'ours: `checkDirectory`, in-process, default threads',
    'ours-1t': 'ours: in-process, `threads: 1`',
    'ours-process': 'ours: fresh `node --import tsx` process per run (start-up included)',
    'ours-cli': 'ours: `ttdx minis check --format json`, the CLI, fresh process',
    oxlint: `oxlint (default threads: ${info.oxlintThreads ?? '?'}), fresh process`,
    'oxlint-1t': 'oxlint `--threads=1`, fresh process',
    eslint: eslintFull
      ? 'ESLint (1 thread), fresh process, run once'
      : 'ESLint (1 thread), once, on a subset',
    'ours-eslint-subset': "ours: in-process, on ESLint's subset",
  };
  const subsetRow = (id) => id === 'eslint' || id === 'ours-eslint-subset';
  const timings = Object.entries(series).map(([id, runsMs]) => {
    const medianMs = median(runsMs);
    const rowBytes = subsetRow(id) ? eslintBytes : bytes;
    return {
      id,
      label: labels[id] ?? id,
      runsMs,
      medianMs,
      bytes: rowBytes,
      mbps: mbPerSecond(rowBytes, medianMs),
    };
  });
  const byId = Object.fromEntries(timings.map((t) => [t.id, t]));
  for (const t of timings) {
    const sameBytesAsOxlint = !subsetRow(t.id) || eslintFull;
    t.vsOxlint = byId.oxlint && sameBytesAsOxlint ? t.mbps / byId.oxlint.mbps : Number.NaN;
    const sameBytesAsEslint = eslintFull || subsetRow(t.id);
    t.vsEslint = byId.eslint && sameBytesAsEslint ? t.mbps / byId.eslint.mbps : Number.NaN;
  }

  const headline = [];
  if (byId.ours && byId.oxlint)
    headline.push(
      `ours / oxlint, same corpus, same run, both default threads: ${byId.ours.vsOxlint.toFixed(2)}× ` +
        `(${byId.ours.mbps.toFixed(1)} vs ${byId.oxlint.mbps.toFixed(1)} MB/s); one thread each: ` +
        `${(byId['ours-1t'].mbps / byId['oxlint-1t'].mbps).toFixed(2)}×; ours as a fresh process: ` +
        `${byId['ours-process'].vsOxlint.toFixed(2)}×` +
        (byId['ours-cli'] ? `; the CLI: ${byId['ours-cli'].vsOxlint.toFixed(2)}×.` : '.'),
    );
  const oursVsEslint = eslintFull ? byId.ours : byId['ours-eslint-subset'];
  if (oursVsEslint && byId.eslint)
    headline.push(
      `ours / ESLint${eslintFull ? '' : ' (on the subset ESLint ran on)'}: ${oursVsEslint.vsEslint.toFixed(0)}×.`,
    );

  const problems = [];
  if (info.eslintReusedFrom)
    problems.push(
      `ESLint did not run: its time and findings are those of the run of ${info.eslintReusedFrom} ` +
        '(`--eslint last`); the × ESLint column compares across runs.',
    );
  if (info.oursUnavailable) problems.push(`ours not measured: ${info.oursUnavailable}`);
  if (info.oursCliFindings !== undefined && findings.ours && info.oursCliFindings !== findings.ours.length)
    problems.push(
      `the CLI reported ${info.oursCliFindings} findings, checkDirectory ${findings.ours.length}`,
    );
  if (info.oursFiles && info.oursFiles.length !== files.length)
    problems.push(`ours looked at ${info.oursFiles.length} files, the corpus has ${files.length}`);
  if (info.oursBytes !== undefined && info.oursBytes !== bytes)
    problems.push(`ours counted ${info.oursBytes} bytes, the corpus has ${bytes}`);
  for (const s of info.oursSkipped ?? []) problems.push(`ours skipped ${s.file}: ${s.reason}`);
  for (const tool of toolsThatRan)
    for (const f of findings[tool].filter((x) => x.rule === 'parse-error'))
      problems.push(`${tool} could not parse ${f.file}:${f.line}:${f.column}: ${f.message}`);

  const notes = [
    'Timed: wall time over the whole corpus, file reads included. oxlint and ESLint are timed as whole ' +
      'processes (that is how they are used; oxlint starts in milliseconds); ours is timed both in-process ' +
      'and as a whole process.',
    'oxlint: `-c` a config with only `no-eval`, `no-implied-eval`, `no-new-func` (categories off, no plugins), ' +
      '`--disable-nested-config`, `-f json`, the corpus files given by name.',
    'ESLint: flat config with only the three rules, `ecmaVersion: "latest"`, `sourceType` script (module for ' +
      'the ESM files), `window`/`self`/`global` declared as globals so its rules see `window.eval(…)` and ' +
      '`self.setTimeout("…")`, `noInlineConfig` so the bundles’ own `eslint-disable` comments do not hide ' +
      `findings. It ran once (oxlint has ${byId.eslint && byId.oxlint ? `${(byId.oxlint.mbps / byId.eslint.mbps).toFixed(0)}×` : 'many times'} ` +
      `its throughput${info.eslintRssKiB ? `; ESLint's peak memory: ${(info.eslintRssKiB / 2 ** 20).toFixed(1)} GiB` : ''}).`,
    'Rule mapping: ours `no-eval` ↔ `no-eval`; ours `no-new-function` ↔ `no-new-func`; ours `no-string-timer` ↔ ' +
      '`no-implied-eval` (approximately: ESLint’s and oxlint’s also cover `execScript`).',
  ];
  if (info.oursProcessRssKiB)
    notes.push(
      `Peak memory of ours as a fresh process: ${(info.oursProcessRssKiB / 2 ** 20).toFixed(2)} GiB.`,
    );

  const perPackage = corpus.packages.map((pkg) => {
    const pkgFiles = new Set(pkg.files.map((f) => `${pkg.dir}/${f.as}`));
    const byTool = {};
    for (const tool of toolsThatRan) {
      if (tool === 'eslint' && ![...pkgFiles].every((f) => eslintSet.has(f))) continue;
      byTool[tool] = countsByKind(
        findings[tool].filter((f) => pkgFiles.has(f.file)),
        tool,
      );
    }
    return {
      name: pkg.name,
      version: pkg.version,
      bytes: pkg.files.reduce((n, f) => n + f.bytes, 0),
      byTool,
    };
  });

  const cache = new Map();
  const triage = loadTriage();
  const list = disagreements(placesOf(findings), toolsFor).map((place) => ({
    ...place,
    ...contextOf(corpusDir, place, cache),
    tools: toolsFor(place.file),
    verdict: verdictOf(place, toolsFor(place.file)),
    triage: triageNoteFor(triage, place),
  }));

  const date = new Date().toISOString().replace(/\.\d+Z$/, 'Z');
  return {
    date,
    runs,
    command,
    machine,
    versions,
    corpus: { packages: corpus.packages.length, files: files.length, bytes, eslintBytes },
    eslintRssKiB: info.eslintRssKiB,
    eslintRanAt: info.eslintReusedFrom ?? date,
    timings,
    headline,
    notes,
    problems,
    toolsThatRan,
    perPackage,
    disagreements: list,
    findings,
  };
}

function sum(files) {
  return files.reduce((n, f) => n + f.bytes, 0);
}
