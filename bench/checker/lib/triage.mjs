// Hand-reviewed notes on disagreement places (bench/checker/triage.json), so a reading survives reruns.
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { benchDir } from './corpus.mjs';

/** Same tolerance as compare.mjs: the tools put one call a few columns apart. */
const SAME_PLACE_COLUMNS = 48;

export function loadTriage(path = join(benchDir, 'triage.json')) {
  if (!existsSync(path)) return [];
  const { notes } = JSON.parse(readFileSync(path, 'utf8'));
  return notes.map(({ at, note }, i) => {
    const match = /^(.+):(\d+):(\d+)$/.exec(at ?? '');
    if (!match || typeof note !== 'string')
      throw new Error(`${path}: notes[${i}] needs "at": "file:line:column" and "note"`);
    return { file: match[1], line: Number(match[2]), column: Number(match[3]), note };
  });
}

export function triageNoteFor(triage, place) {
  return triage.find(
    (t) =>
      t.file === place.file &&
      t.line === place.line &&
      Math.abs(t.column - place.column) <= SAME_PLACE_COLUMNS,
  )?.note;
}
