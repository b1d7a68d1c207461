// The pinned corpus: reading and checking bench/checker/corpus.json, shared by fetch-corpus.mjs and run.mjs.
import { createHash } from 'node:crypto';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

export const benchDir = join(dirname(fileURLToPath(import.meta.url)), '..');
export const corpusJsonPath = join(benchDir, 'corpus.json');
export const defaultCorpusDir = join(benchDir, 'corpus');

const EXACT_VERSION = /^\d+\.\d+\.\d+$/;
const SAFE_SEGMENT = /^[A-Za-z0-9._-]+$/;

/** Reads corpus.json and throws an error naming the entry and field when something is off. */
export function loadCorpus(path = corpusJsonPath) {
  const corpus = JSON.parse(readFileSync(path, 'utf8'));
  const problems = corpusProblems(corpus, { requireHashes: false });
  if (problems.length > 0) throw new Error(`${path} is not valid:\n  ${problems.join('\n  ')}`);
  return corpus;
}

/**
 * Everything wrong with a parsed corpus.json, as readable lines (empty when fine).
 * `requireHashes`: every file must carry its byte count and sha256 (true once the corpus is pinned).
 */
export function corpusProblems(corpus, { requireHashes }) {
  const problems = [];
  if (!corpus || !Array.isArray(corpus.packages)) return ['expected an object with a "packages" array'];
  const dirs = new Set();
  for (const [i, pkg] of corpus.packages.entries()) {
    const at = `packages[${i}] (${pkg?.name ?? '?'})`;
    if (typeof pkg?.name !== 'string' || !/^(@[a-z0-9._-]+\/)?[a-z0-9._-]+$/.test(pkg.name))
      problems.push(`${at}.name: expected an npm package name, found ${JSON.stringify(pkg?.name)}`);
    if (typeof pkg?.version !== 'string' || !EXACT_VERSION.test(pkg.version))
      problems.push(
        `${at}.version: expected an exact version like 1.2.3, found ${JSON.stringify(pkg?.version)}`,
      );
    if (typeof pkg?.dir !== 'string' || !SAFE_SEGMENT.test(pkg.dir) || pkg.dir.startsWith('.'))
      problems.push(`${at}.dir: expected one plain folder name, found ${JSON.stringify(pkg?.dir)}`);
    else if (dirs.has(pkg.dir)) problems.push(`${at}.dir: "${pkg.dir}" is used twice`);
    else dirs.add(pkg.dir);
    if (!Array.isArray(pkg?.files) || pkg.files.length === 0) {
      problems.push(`${at}.files: expected a non-empty array`);
      continue;
    }
    const names = new Set();
    for (const [j, file] of pkg.files.entries()) {
      const fat = `${at}.files[${j}]`;
      const path = file?.path;
      if (typeof path !== 'string' || path.split('/').some((s) => !SAFE_SEGMENT.test(s) || s === '..'))
        problems.push(
          `${fat}.path: expected a relative path inside the tarball, found ${JSON.stringify(path)}`,
        );
      if (typeof file?.as !== 'string' || !SAFE_SEGMENT.test(file.as) || !file.as.endsWith('.js'))
        problems.push(
          `${fat}.as: expected a plain file name ending in .js, found ${JSON.stringify(file?.as)}`,
        );
      else if (file.as.includes('.min.'))
        problems.push(`${fat}.as: "${file.as}" contains ".min.", which oxlint skips silently; rename it`);
      else if (names.has(file.as)) problems.push(`${fat}.as: "${file.as}" is used twice`);
      else names.add(file.as);
      if (file?.sourceType !== 'script' && file?.sourceType !== 'module')
        problems.push(
          `${fat}.sourceType: expected "script" or "module", found ${JSON.stringify(file?.sourceType)}`,
        );
      if (requireHashes || file?.sha256) {
        if (typeof file?.sha256 !== 'string' || !/^[0-9a-f]{64}$/.test(file.sha256))
          problems.push(
            `${fat}.sha256: expected 64 lowercase hex digits, found ${JSON.stringify(file?.sha256)}`,
          );
        if (!Number.isSafeInteger(file?.bytes) || file.bytes <= 0)
          problems.push(`${fat}.bytes: expected a positive integer, found ${JSON.stringify(file?.bytes)}`);
      }
    }
  }
  return problems;
}

/** One row per corpus file, with its path relative to the corpus folder (`<dir>/<as>`). */
export function corpusFiles(corpus) {
  return corpus.packages.flatMap((pkg) =>
    pkg.files.map((file) => ({
      pkg: pkg.name,
      version: pkg.version,
      dir: pkg.dir,
      source: file.path,
      rel: `${pkg.dir}/${file.as}`,
      sourceType: file.sourceType,
      bytes: file.bytes,
      sha256: file.sha256,
    })),
  );
}

export function sha256Of(buffer) {
  return createHash('sha256').update(buffer).digest('hex');
}

/**
 * Problems with the extracted corpus (missing or changed files, files that are not in corpus.json and
 * would be checked by checkDirectory): empty when every tool is about to read exactly the pinned bytes.
 */
export function corpusDirProblems(corpusDir, corpus) {
  if (!existsSync(corpusDir)) return [`${corpusDir} does not exist; run node bench/checker/fetch-corpus.mjs`];
  const problems = [];
  const expected = new Set();
  for (const file of corpusFiles(corpus)) {
    expected.add(file.rel);
    const path = join(corpusDir, file.rel);
    if (!existsSync(path)) problems.push(`${file.rel} is missing`);
    else if (sha256Of(readFileSync(path)) !== file.sha256)
      problems.push(`${file.rel} does not match its sha256`);
  }
  for (const entry of readdirSync(corpusDir, { recursive: true, withFileTypes: true })) {
    if (!entry.isFile()) continue;
    const rel = join(entry.parentPath ?? entry.path, entry.name)
      .slice(corpusDir.length + 1)
      .split('\\')
      .join('/');
    if (!expected.has(rel)) problems.push(`${rel} is not in corpus.json`);
  }
  if (problems.length > 0) problems.push('run node bench/checker/fetch-corpus.mjs (and remove stray files)');
  return problems;
}
