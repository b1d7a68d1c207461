// Lines up the three tools' findings on eval / new Function / implied eval, place by place, and lists the
// places where they disagree: how we find the checker's false positives and misses on real code.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { KINDS, kindOf } from './rules.mjs';

export const TOOLS = ['ours', 'eslint', 'oxlint'];
export const TOOL_LABEL = { ours: 'ours', eslint: 'ESLint', oxlint: 'oxlint' };

/**
 * Tools report the same call at slightly different columns (ESLint: the `new` of `new Function`,
 * oxlint: the callee), so findings on one line closer than this many columns are one place.
 */
const SAME_PLACE_COLUMNS = 48;

/**
 * findingsByTool: { ours?, eslint?, oxlint? } → arrays of { file, line, column, rule }.
 * Returns every place (file, line, column) with, per tool, the kinds it reported there.
 */
export function placesOf(findingsByTool) {
  const hits = [];
  for (const tool of TOOLS) {
    for (const f of findingsByTool[tool] ?? []) {
      const kind = kindOf(tool, f.rule);
      if (kind) hits.push({ tool, kind, file: f.file, line: f.line, column: f.column });
    }
  }
  hits.sort((a, b) => a.file.localeCompare(b.file) || a.line - b.line || a.column - b.column);
  const places = [];
  let current;
  for (const hit of hits) {
    const last = current?.hits.at(-1);
    if (
      !current ||
      current.file !== hit.file ||
      current.line !== hit.line ||
      hit.column - last.column > SAME_PLACE_COLUMNS
    ) {
      current = { file: hit.file, line: hit.line, column: hit.column, hits: [] };
      places.push(current);
    }
    current.hits.push(hit);
  }
  return places.map((place) => ({
    file: place.file,
    line: place.line,
    column: place.column,
    byTool: Object.fromEntries(
      TOOLS.map((tool) => [tool, place.hits.filter((h) => h.tool === tool).map((h) => h.kind)]),
    ),
  }));
}

/**
 * The places where the tools that looked at the file (`toolsFor(file)`) do not report the same kinds,
 * the same number of times.
 */
export function disagreements(places, toolsFor) {
  return places.filter((place) => {
    const signatures = toolsFor(place.file).map((tool) => [...place.byTool[tool]].sort().join(','));
    return new Set(signatures).size > 1;
  });
}

/** What each tool reported, per kind, in one package's files. */
export function countsByKind(findings, tool) {
  const counts = Object.fromEntries(KINDS.map((kind) => [kind, 0]));
  const other = {};
  for (const f of findings) {
    const kind = kindOf(tool, f.rule);
    if (kind) counts[kind]++;
    else other[f.rule] = (other[f.rule] ?? 0) + 1;
  }
  return { counts, other };
}

/** The source around a place, on one line, for the disagreement list; and whether an eslint-disable comment is near. */
export function contextOf(corpusDir, place, cache = new Map()) {
  let lines = cache.get(place.file);
  if (!lines) {
    lines = readFileSync(join(corpusDir, place.file), 'utf8').split(/\r\n|\r|\n|\u2028|\u2029/);
    cache.set(place.file, lines);
  }
  const text = lines[place.line - 1] ?? '';
  const at = Math.max(0, place.column - 1);
  const from = Math.max(0, at - 40);
  const excerpt = text
    .slice(from, at + 80)
    .replace(/\s+/g, ' ')
    .trim();
  return {
    excerpt: `${from > 0 ? '…' : ''}${excerpt}${at + 80 < text.length ? '…' : ''}`,
    eslintDisableNearby: disabledByComment(lines, place.line),
  };
}

/** `eslint-disable` comments oxlint obeys: for all rules, or naming one of the three compared here. */
const DISABLES_OUR_RULES = /^\s*(?:$|--|.*\b(?:no-eval|no-new-func|no-implied-eval)\b)/;

/**
 * Whether an `eslint-disable` comment covers this line: `-line` on it, `-next-line` on the line before,
 * or a block `/* eslint-disable … *\/` earlier in the file not followed by an `eslint-enable` for the
 * same rules (`eslint-enable new-cap` after `eslint-disable` leaves every other rule off).
 */
export function disabledByComment(lines, line) {
  const covers = (text, directive) => {
    const at = text.indexOf(directive);
    return at >= 0 && DISABLES_OUR_RULES.test(text.slice(at + directive.length).replace(/\*\/.*$/, ''));
  };
  if (covers(lines[line - 1] ?? '', 'eslint-disable-line')) return true;
  if (covers(lines[line - 2] ?? '', 'eslint-disable-next-line')) return true;
  for (let i = line - 1; i >= 0; i--) {
    const text = lines[i] ?? '';
    if (/\/\*\s*eslint-enable\b/.test(text) && covers(text, 'eslint-enable')) return false;
    if (/\/\*\s*eslint-disable(?![-\w])/.test(text) && covers(text, 'eslint-disable')) return true;
  }
  return false;
}

/** A short reading of one disagreement, from the checker's point of view. */
export function verdictOf(place, toolsThatRan) {
  const sig = (tool) => [...place.byTool[tool]].sort().join(',');
  const others = toolsThatRan.filter((tool) => tool !== 'ours');
  if (!toolsThatRan.includes('ours')) return 'ESLint and oxlint differ';
  const agreeing = others.filter((tool) => sig(tool) === sig('ours'));
  const differing = others.filter((tool) => !agreeing.includes(tool));
  if (agreeing.length > 0) return `${differing.map((tool) => TOOL_LABEL[tool]).join(' and ')} differs`;
  if (place.byTool.ours.length === 0) return 'ours missing';
  if (others.every((tool) => place.byTool[tool].length === 0)) return 'ours only';
  return 'kinds or counts differ';
}
