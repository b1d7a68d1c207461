#!/usr/bin/env node
// Downloads the pinned corpus (corpus.json) with `npm pack` and extracts only the listed files into
// bench/checker/corpus/<dir>/<as>, checking each file's sha256. Idempotent: a package whose files are
// all present with the right hash is not downloaded again.
//
//   node bench/checker/fetch-corpus.mjs                 fetch and verify
//   node bench/checker/fetch-corpus.mjs --write-hashes  (maintainers) record bytes + sha256 in corpus.json
import { execFileSync } from 'node:child_process';
import {
  existsSync,
  mkdirSync,
  mkdtempSync,
  readFileSync,
  renameSync,
  rmSync,
  statSync,
  writeFileSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { corpusJsonPath, defaultCorpusDir, loadCorpus, sha256Of } from './lib/corpus.mjs';

/** No single bundle in a sane corpus is this large; refuse rather than fill the disk. */
const MAX_FILE_BYTES = 64 * 1024 * 1024;

const { values: args } = parseOrExit({
  options: {
    'write-hashes': { type: 'boolean', default: false },
    'corpus-dir': { type: 'string', default: defaultCorpusDir },
    help: { type: 'boolean', short: 'h', default: false },
  },
});
if (args.help) {
  console.log('usage: node bench/checker/fetch-corpus.mjs [--corpus-dir DIR] [--write-hashes]');
  process.exit(0);
}

const corpus = loadCorpus();
const corpusDir = args['corpus-dir'];
const writeHashes = args['write-hashes'];
let failures = 0;
let totalBytes = 0;
let totalFiles = 0;

for (const pkg of corpus.packages) {
  const spec = `${pkg.name}@${pkg.version}`;
  const pkgDir = join(corpusDir, pkg.dir);
  if (!writeHashes && pkg.files.every((file) => hashMatches(join(pkgDir, file.as), file))) {
    console.log(`ok       ${spec} (${pkg.files.length} files already present)`);
    countPackage(pkg);
    continue;
  }
  const work = mkdtempSync(join(tmpdir(), 'openminis-corpus-'));
  try {
    const tarball = packTarball(spec, work);
    execFileSync('tar', ['-xzf', tarball, '-C', work, ...pkg.files.map((file) => `package/${file.path}`)], {
      stdio: ['ignore', 'ignore', 'pipe'],
    });
    mkdirSync(pkgDir, { recursive: true });
    for (const file of pkg.files) {
      const extracted = join(work, 'package', file.path);
      const size = statSync(extracted).size;
      if (size > MAX_FILE_BYTES)
        throw new Error(`${spec}: ${file.path} is ${size} bytes, over ${MAX_FILE_BYTES}`);
      const actual = sha256Of(readFileSync(extracted));
      if (writeHashes) {
        file.bytes = size;
        file.sha256 = actual;
      } else if (actual !== file.sha256 || size !== file.bytes) {
        console.error(
          `MISMATCH ${spec}: ${file.path} expected sha256 ${file.sha256} (${file.bytes} bytes), found ${actual} (${size} bytes)`,
        );
        failures++;
        continue;
      }
      renameSync(extracted, join(pkgDir, file.as));
    }
    console.log(`fetched  ${spec} → ${pkg.dir}/ (${pkg.files.map((f) => f.as).join(', ')})`);
    countPackage(pkg);
  } catch (error) {
    console.error(`FAILED   ${spec}: ${error instanceof Error ? error.message : String(error)}`);
    failures++;
  } finally {
    rmSync(work, { recursive: true, force: true });
  }
}

if (writeHashes) {
  writeFileSync(corpusJsonPath, `${JSON.stringify(corpus, null, 2)}\n`);
  console.log(`wrote bytes and sha256 of ${totalFiles} files to ${corpusJsonPath}`);
}
console.log(`${totalFiles} files, ${(totalBytes / 1e6).toFixed(1)} MB in ${corpusDir}`);
if (failures > 0) {
  console.error(`${failures} problem(s); the corpus is incomplete`);
  process.exit(1);
}

function hashMatches(path, file) {
  if (!file.sha256 || !existsSync(path)) return false;
  if (statSync(path).size !== file.bytes) return false;
  return sha256Of(readFileSync(path)) === file.sha256;
}

function countPackage(pkg) {
  for (const file of pkg.files) totalBytes += file.bytes;
  totalFiles += pkg.files.length;
}

/** `npm pack` verifies the tarball's integrity against the registry; returns the tarball's path. */
function packTarball(spec, dest) {
  const out = execFileSync('npm', ['pack', spec, '--json', '--pack-destination', dest], {
    encoding: 'utf8',
    stdio: ['ignore', 'pipe', 'pipe'],
    maxBuffer: 64 * 1024 * 1024,
  });
  const [info] = JSON.parse(out);
  if (!info?.filename) throw new Error(`npm pack ${spec} printed no file name`);
  return join(dest, info.filename);
}

function parseOrExit(config) {
  try {
    return parseArgs(config);
  } catch (error) {
    console.error(`${process.argv[1]}: ${error instanceof Error ? error.message : error}`);
    process.exit(2);
  }
}
