// Turns one benchmark run (the object run.mjs also writes to last-run.json) into Markdown: the section of
// bench/RESULTS.md between the checker markers, and bench/checker/DISAGREEMENTS.md.
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { TOOL_LABEL } from './compare.mjs';
import { KINDS } from './rules.mjs';
import { fixed } from './stats.mjs';

export const START_MARKER = '<!-- checker:start -->';
export const END_MARKER = '<!-- checker:end -->';

const KIND_LABEL = { eval: 'eval', 'new-function': 'new Function', 'implied-eval': 'implied eval' };

export function renderSection(run) {
  const out = [START_MARKER, '## Checker: forbidden-API scan vs ESLint and oxlint', ''];
  out.push(
    `Run ${run.date} with \`${run.command ?? `node bench/checker/run.mjs --runs ${run.runs}`}\` (${run.runs} run${run.runs === 1 ? '' : 's'} per tool, interleaved ` +
      'round by round so background load hits every tool alike; ESLint once).',
    '',
    `- Machine: ${run.machine.nproc} cores (${run.machine.cpu}), ${run.machine.memGiB} GiB RAM, ${run.machine.os}; ` +
      `load average ${run.machine.loadStart} at the start and ${run.machine.loadEnd} at the end ` +
      '(the cores are shared with other engineers running tests: numbers are noisy, medians are reported).',
    `- Node ${run.versions.node}; oxlint ${run.versions.oxlint}; ESLint ${run.versions.eslint}; ` +
      `@openminis/checker at commit ${run.versions.checkerCommit} (oxc-parser ${run.versions.oxcParser}).`,
    `- Corpus: ${run.corpus.files} files from ${run.corpus.packages} npm packages, ${fixed(run.corpus.bytes / 1e6, 1)} MB ` +
      '(MB = 10^6 bytes), pinned by version and sha256 in `bench/checker/corpus.json`; `*.min.*` renamed `*.minified.*` ' +
      'because oxlint silently skips `*.min.*` files; every tool reads the same bytes under the same names.',
    '',
  );
  out.push(
    '| Tool | Runs | Median s | Fastest s | MB/s | × oxlint | × ESLint |',
    '|---|---:|---:|---:|---:|---:|---:|',
  );
  for (const t of run.timings) {
    out.push(
      `| ${t.label} | ${t.runsMs.length} | ${fixed(t.medianMs / 1000)} | ${fixed(Math.min(...t.runsMs) / 1000)} | ` +
        `${fixed(t.mbps, t.mbps < 10 ? 2 : 1)} | ${fixed(t.vsOxlint)} | ${fixed(t.vsEslint, 0)} |`,
    );
  }
  out.push('', ...run.headline.flatMap((line) => [`**${line}**`, '']));
  out.push(...run.notes.map((note) => `- ${note}`), '');
  if (run.problems.length > 0)
    out.push('Problems in this run:', '', ...run.problems.map((p) => `- ${p}`), '');

  out.push(
    '### Findings per package',
    '',
    'Each cell: eval / new Function / implied eval (ours: `no-eval` / `no-new-function` / `no-string-timer`; ' +
      'ESLint and oxlint: `no-eval` / `no-new-func` / `no-implied-eval`).',
    '',
    `| Package | MB | ${run.toolsThatRan.map((t) => TOOL_LABEL[t]).join(' | ')} | ours, other rules |`,
    `|---|---:|${run.toolsThatRan.map(() => '---:|').join('')}---|`,
  );
  for (const pkg of run.perPackage) {
    const cells = run.toolsThatRan.map((tool) => {
      const c = pkg.byTool[tool];
      return c ? KINDS.map((k) => c.counts[k]).join(' / ') : '—';
    });
    const other = pkg.byTool.ours ? Object.entries(pkg.byTool.ours.other).map(([r, n]) => `${r} ${n}`) : [];
    out.push(
      `| ${pkg.name}@${pkg.version} | ${fixed(pkg.bytes / 1e6, 1)} | ${cells.join(' | ')} | ${other.join(', ')} |`,
    );
  }
  out.push('', '### Disagreements', '');
  out.push(...renderDisagreementList(run, 30), END_MARKER);
  return out.join('\n');
}

/** The disagreement table; `limit` rows at most, with a pointer to the full list when cut. */
export function renderDisagreementList(run, limit = Number.POSITIVE_INFINITY) {
  const list = run.disagreements;
  if (list.length === 0)
    return [`None: ${run.toolsThatRan.map((t) => TOOL_LABEL[t]).join(', ')} agree everywhere.`, ''];
  const out = [
    `${list.length} places where ${run.toolsThatRan.map((t) => TOOL_LABEL[t]).join(', ')} do not report the same ` +
      'thing (a cell lists what that tool reported at the place; — is nothing). "ours only" is a candidate false ' +
      'positive of the checker, "ours missing" a candidate miss; ✎ marks a place an `eslint-disable` comment ' +
      'in the bundle covers (oxlint obeys those comments; ESLint was told to ignore them).',
    '',
    `| File:line:col | ${run.toolsThatRan.map((t) => TOOL_LABEL[t]).join(' | ')} | Verdict | Code | Reviewed (triage.json) |`,
    `|---|${run.toolsThatRan.map(() => '---|').join('')}---|---|---|`,
  ];
  for (const d of list.slice(0, limit)) {
    const cells = run.toolsThatRan.map((tool) =>
      d.tools.includes(tool) ? d.byTool[tool].map((k) => KIND_LABEL[k]).join(', ') || '—' : 'not run',
    );
    out.push(
      `| \`${d.file}:${d.line}:${d.column}\`${d.eslintDisableNearby ? ' ✎' : ''} | ${cells.join(' | ')} | ` +
        `${d.verdict} | \`${escapeCell(d.excerpt)}\` | ${d.triage ? escapeCell(d.triage) : ''} |`,
    );
  }
  if (list.length > limit)
    out.push('', `… and ${list.length - limit} more in bench/checker/DISAGREEMENTS.md.`);
  out.push('');
  return out;
}

function escapeCell(text) {
  return text.replace(/\|/g, '\\|').replace(/`/g, "'");
}

/** Replaces the checker section of RESULTS.md (or appends it), leaving the rest of the file alone. */
export function writeSection(resultsPath, section) {
  const before = existsSync(resultsPath) ? readFileSync(resultsPath, 'utf8') : '# Benchmark results\n';
  const start = before.indexOf(START_MARKER);
  const end = before.indexOf(END_MARKER);
  const next =
    start >= 0 && end > start
      ? `${before.slice(0, start)}${section}${before.slice(end + END_MARKER.length)}`
      : `${before.trimEnd()}\n\n${section}\n`;
  writeFileSync(resultsPath, next);
}
