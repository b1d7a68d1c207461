// Offline checks of the benchmark's own logic: the pinned corpus list and how findings are lined up.
// Nothing here downloads or reads the corpus itself. (The .mjs extension is needed: these are plain
// Node modules with .d.mts types beside them.)
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { disabledByComment, disagreements, placesOf, type Tool, verdictOf } from './lib/compare.mjs';
import {
  type Corpus,
  type CorpusFile,
  type CorpusPackage,
  corpusJsonPath,
  corpusProblems,
} from './lib/corpus.mjs';

const corpus = JSON.parse(readFileSync(corpusJsonPath, 'utf8')) as Corpus;

function pkg(c: Corpus, index = 0): CorpusPackage {
  const found = c.packages[index];
  if (!found) throw new Error(`corpus.json has no package #${index}`);
  return found;
}

function file(c: Corpus): CorpusFile {
  const found = pkg(c).files[0];
  if (!found) throw new Error('corpus.json: the first package has no files');
  return found;
}

function mutated(change: (copy: Corpus) => void): Corpus {
  const copy = structuredClone(corpus);
  change(copy);
  return copy;
}

describe('corpus.json', () => {
  it('pins every package to an exact version and every file to a byte count and sha256', () => {
    expect(corpusProblems(corpus, { requireHashes: true })).toEqual([]);
    expect(corpus.packages.length).toBeGreaterThanOrEqual(15);
  });

  it('holds both minified and unminified bundles, none named *.min.* (oxlint would skip it)', () => {
    const names = corpus.packages.flatMap((p) => p.files.map((f) => f.as));
    expect(names.some((n) => n.includes('.minified.'))).toBe(true);
    expect(names.some((n) => !n.includes('minified'))).toBe(true);
  });

  it.each([
    [
      'a version range',
      (c: Corpus) => {
        pkg(c).version = '^3.80.1';
      },
      'version',
    ],
    [
      'a missing hash',
      (c: Corpus) => {
        file(c).sha256 = '';
      },
      'sha256',
    ],
    [
      'a *.min.* name',
      (c: Corpus) => {
        file(c).as = 'x.min.js';
      },
      '".min."',
    ],
    [
      'a path out of the tarball',
      (c: Corpus) => {
        file(c).path = '../x.js';
      },
      'path',
    ],
    [
      'a folder used twice',
      (c: Corpus) => {
        pkg(c, 1).dir = pkg(c).dir;
      },
      'used twice',
    ],
    [
      'an unknown source type',
      (c: Corpus) => {
        file(c).sourceType = 'cjs' as never;
      },
      'sourceType',
    ],
  ])('rejects %s, naming the field', (_what, change, expected) => {
    const problems = corpusProblems(mutated(change), { requireHashes: true });
    expect(problems).toHaveLength(1);
    expect(problems[0]).toContain(expected);
  });
});

describe('lining up findings', () => {
  const all: Tool[] = ['ours', 'eslint', 'oxlint'];
  const at = (file: string, line: number, column: number, rule: string) => ({ file, line, column, rule });

  it('treats close columns on one line as one place and far ones as two', () => {
    const places = placesOf({
      ours: [at('a.js', 1, 5, 'no-new-function'), at('a.js', 1, 900, 'no-eval')],
      eslint: [at('a.js', 1, 1, 'no-new-func'), at('a.js', 1, 905, 'no-eval')],
      oxlint: [at('a.js', 1, 9, 'no-new-func'), at('a.js', 1, 903, 'no-eval')],
    });
    expect(places.map((p) => p.byTool)).toEqual([
      { ours: ['new-function'], eslint: ['new-function'], oxlint: ['new-function'] },
      { ours: ['eval'], eslint: ['eval'], oxlint: ['eval'] },
    ]);
    expect(disagreements(places, () => all)).toEqual([]);
  });

  it('reports candidate misses and false positives of ours, ignoring rules outside the comparison', () => {
    const places = placesOf({
      ours: [at('a.js', 3, 1, 'no-eval'), at('a.js', 7, 1, 'no-iframe')],
      eslint: [at('a.js', 5, 1, 'no-implied-eval')],
      oxlint: [at('a.js', 5, 2, 'no-implied-eval')],
    });
    const list = disagreements(places, () => all);
    expect(list.map((p) => [p.line, verdictOf(p, all)])).toEqual([
      [3, 'ours only'],
      [5, 'ours missing'],
    ]);
  });

  it('names the tool that differs when ours agrees with the other one', () => {
    const [place] = placesOf({
      ours: [at('b.js', 2, 1, 'no-new-function')],
      eslint: [at('b.js', 2, 1, 'no-new-func')],
    });
    expect(place && verdictOf(place, all)).toBe('oxlint differs');
  });
});

describe('eslint-disable comments (oxlint obeys them)', () => {
  const code = [
    'a(); // eslint-disable-line no-eval',
    '// eslint-disable-next-line no-new-func -- fallback',
    'Function("x");',
    '/* eslint-disable require-atomic-updates */',
    'b();',
    '/* eslint-disable */',
    'c();',
    '/* eslint-enable new-cap */',
    'd();',
    '/* eslint-enable */',
    'e(); // eslint-disable-line no-console',
  ];

  it.each([
    [1, true],
    [3, true],
    [5, false],
    [7, true],
    [9, true],
    [11, false],
  ])('line %i covered: %s', (line, covered) => {
    expect(disabledByComment(code, line)).toBe(covered);
  });
});
