// Runs every tool over the corpus: `runs` rounds, each round running each timed variant once (so load
// from other processes on the machine falls on all of them alike), then ESLint once.
import { runEslint } from './tools/eslint.mjs';
import { loadChecker, runOursCli, runOursInChild, runOursInProcess } from './tools/ours.mjs';
import { runOxlint, withUtf16Positions, writeOxlintConfig } from './tools/oxlint.mjs';

export async function measure({ repoRoot, corpusDir, files, eslintFiles, eslintFromLastRun, runs, log }) {
  const series = {};
  const findings = {};
  const info = {};
  const record = (id, ms) => {
    series[id] ??= [];
    series[id].push(ms);
    log(`  ${id.padEnd(20)} ${(ms / 1000).toFixed(2)} s`);
  };

  const { checker, unavailable } = await loadChecker();
  if (unavailable) info.oursUnavailable = unavailable;
  const rel = files.map((f) => f.rel);
  const eslintSubset = eslintFiles.length > 0 && eslintFiles.length < files.length;
  const configPath = writeOxlintConfig();

  for (let round = 1; round <= runs; round++) {
    log(`round ${round}/${runs}`);
    if (checker) {
      const inProcess = await runOursInProcess(checker, { corpusDir });
      record('ours', inProcess.ms);
      findings.ours = inProcess.findings;
      Object.assign(info, {
        oursFiles: inProcess.files,
        oursBytes: inProcess.bytes,
        oursSkipped: inProcess.skipped,
      });
      record('ours-1t', (await runOursInProcess(checker, { corpusDir, threads: 1 })).ms);
      const child = runOursInChild({ repoRoot, corpusDir });
      record('ours-process', child.ms);
      info.oursProcessRssKiB = child.maxRssKiB;
      const cli = runOursCli({ repoRoot, corpusDir });
      record('ours-cli', cli.ms);
      info.oursCliFindings = cli.findings;
      if (eslintSubset)
        record(
          'ours-eslint-subset',
          (await runOursInProcess(checker, { corpusDir, files: eslintFiles.map((f) => f.rel) })).ms,
        );
    }
    const oxlint = runOxlint({ repoRoot, cwd: corpusDir, files: rel, configPath });
    record('oxlint', oxlint.ms);
    findings.oxlint = oxlint.findings;
    info.oxlintThreads = oxlint.threads;
    record('oxlint-1t', runOxlint({ repoRoot, cwd: corpusDir, files: rel, configPath, threads: 1 }).ms);
  }

  if (eslintFromLastRun) {
    log(`ESLint: reusing the run of ${eslintFromLastRun.date} from last-run.json`);
    record('eslint', eslintFromLastRun.ms);
    findings.eslint = eslintFromLastRun.findings;
    Object.assign(info, { eslintReusedFrom: eslintFromLastRun.date, eslintRssKiB: eslintFromLastRun.rssKiB });
  } else if (eslintFiles.length > 0) {
    log(`ESLint, once, over ${eslintFiles.length} files (slow)`);
    const eslint = runEslint({
      repoRoot,
      corpusDir,
      files: eslintFiles.map((f) => f.rel),
      moduleFiles: eslintFiles.filter((f) => f.sourceType === 'module').map((f) => f.rel),
    });
    record('eslint', eslint.ms);
    findings.eslint = eslint.findings;
    Object.assign(info, { eslintInnerMs: eslint.innerMs, eslintRssKiB: eslint.maxRssKiB });
  }
  if (findings.oxlint) findings.oxlint = withUtf16Positions(corpusDir, findings.oxlint);
  return { series, findings, info };
}
