// bench/RESULTS.md is shared: this benchmark owns only the text between its two markers.
import { spawnSync } from 'node:child_process';
import { existsSync, readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { basename, dirname, join } from 'node:path';

export const START_MARKER = '<!-- platform:start -->';
export const END_MARKER = '<!-- platform:end -->';

/**
 * `text` with the platform section replaced by `section` (which includes both markers), or
 * with it appended when the file has none yet. Everything outside the markers is kept.
 */
export function replaceSection(text: string, section: string): string {
  if (!section.startsWith(START_MARKER) || !section.trimEnd().endsWith(END_MARKER)) {
    throw new Error(`the platform section must start with ${START_MARKER} and end with ${END_MARKER}`);
  }
  const start = text.indexOf(START_MARKER);
  const end = text.indexOf(END_MARKER);
  if (start === -1 && end === -1) return `${text.trimEnd()}\n\n${section.trimEnd()}\n`;
  if (start === -1 || end < start || text.indexOf(START_MARKER, start + 1) !== -1) {
    throw new Error(
      `bench/RESULTS.md: expected one ${START_MARKER} followed by one ${END_MARKER}; fix the markers by hand`,
    );
  }
  return `${text.slice(0, start)}${section.trimEnd()}${text.slice(end + END_MARKER.length)}`;
}

/** Re-reads the file, replaces the section and swaps the result in with one rename. */
export function writeSection(resultsPath: string, section: string): void {
  const before = existsSync(resultsPath) ? readFileSync(resultsPath, 'utf8') : '# Benchmark results\n';
  const temporary = join(dirname(resultsPath), `.${basename(resultsPath)}.${process.pid}.tmp`);
  writeFileSync(temporary, replaceSection(before, section));
  renameSync(temporary, resultsPath);
}

/**
 * The section as Biome would format it (the repository lints Markdown too), formatted on
 * its own so the rest of RESULTS.md is never touched. Unchanged, with a warning, when Biome
 * cannot run.
 */
export function formatSection(section: string, repoRoot: string, scratchDir: string): string {
  const scratch = join(scratchDir, `.platform-section.${process.pid}.md`);
  writeFileSync(scratch, `${section.trimEnd()}\n`);
  try {
    if (!biomeFormat(repoRoot, [scratch])) return section;
    return readFileSync(scratch, 'utf8').trimEnd();
  } finally {
    rmSync(scratch, { force: true });
  }
}

/** `biome format --write` on files of this benchmark; false (with a warning) when it fails. */
export function biomeFormat(repoRoot: string, paths: string[]): boolean {
  const biome = join(repoRoot, 'node_modules', '.bin', 'biome');
  const out = spawnSync(biome, ['format', '--write', ...paths], { cwd: repoRoot, encoding: 'utf8' });
  if (out.status === 0) return true;
  process.stderr.write(
    `bench/platform: biome format failed (${out.status}); ${paths.join(', ')} left unformatted\n`,
  );
  return false;
}
