import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { END_MARKER, formatSection, replaceSection, START_MARKER, writeSection } from './results-file';

const section = (body: string) => `${START_MARKER}\n${body}\n${END_MARKER}`;
const checker = '<!-- checker:start -->\nchecker table\n<!-- checker:end -->';

describe('replaceSection', () => {
  it('appends the section when the file has none, keeping the rest', () => {
    const next = replaceSection(`# Benchmark results\n\n${checker}\n`, section('new'));
    expect(next).toBe(`# Benchmark results\n\n${checker}\n\n${section('new')}\n`);
  });

  it('replaces only the text between its own markers', () => {
    const before = `# R\n\n${section('old')}\n\n${checker}\n`;
    expect(replaceSection(before, section('new'))).toBe(`# R\n\n${section('new')}\n\n${checker}\n`);
  });

  it('refuses broken markers instead of guessing', () => {
    expect(() => replaceSection(`${START_MARKER}\nno end\n`, section('x'))).toThrow(/fix the markers/);
    expect(() => replaceSection(`${END_MARKER}\n${START_MARKER}\n`, section('x'))).toThrow(/fix the markers/);
    expect(() => replaceSection(`${section('a')}\n${section('b')}\n`, section('x'))).toThrow(
      /fix the markers/,
    );
  });

  it('refuses a section without its markers', () => {
    expect(() => replaceSection('# R\n', 'just text')).toThrow(/must start with/);
  });
});

describe('writeSection', () => {
  let dir: string | undefined;
  afterEach(() => {
    if (dir) rmSync(dir, { recursive: true, force: true });
  });

  it('creates the file when missing and rewrites the section in place later', () => {
    dir = mkdtempSync(join(tmpdir(), 'results-file-'));
    const path = join(dir, 'RESULTS.md');
    writeSection(path, section('one'));
    expect(readFileSync(path, 'utf8')).toBe(`# Benchmark results\n\n${section('one')}\n`);
    writeFileSync(path, `${readFileSync(path, 'utf8')}\n${checker}\n`);
    writeSection(path, section('two'));
    expect(readFileSync(path, 'utf8')).toBe(`# Benchmark results\n\n${section('two')}\n\n${checker}\n`);
  });
});

describe('formatSection', () => {
  it('formats the section like the repository linter does, markers kept', () => {
    const repoRoot = join(import.meta.dirname, '..', '..', '..');
    const raw = `${START_MARKER}\n## T\n\n- *emphasis* item\n\n| a | b |\n|---|---:|\n| long cell | 1 |\n${END_MARKER}`;
    const formatted = formatSection(raw, repoRoot, join(import.meta.dirname, '..'));
    expect(formatted.startsWith(START_MARKER)).toBe(true);
    expect(formatted.endsWith(END_MARKER)).toBe(true);
    expect(formatted).toContain('_emphasis_');
    expect(formatted).toContain('| long cell |');
    // idempotent: formatting again changes nothing
    expect(formatSection(formatted, repoRoot, join(import.meta.dirname, '..'))).toBe(formatted);
  });
});
