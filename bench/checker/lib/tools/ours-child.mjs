// Runs checkDirectory once in this fresh process and prints { ms, maxRssKiB, result } as JSON.
// Started by ours.mjs as `node --import tsx ours-child.mjs <corpusDir>`.
import { performance } from 'node:perf_hooks';
import { checkDirectory } from '@openminis/checker';

const corpusDir = process.argv[2];
if (!corpusDir) {
  console.error('usage: node --import tsx ours-child.mjs <corpus-dir>');
  process.exit(2);
}
const start = performance.now();
const result = await checkDirectory(corpusDir);
const ms = performance.now() - start;
process.stdout.write(`${JSON.stringify({ ms, maxRssKiB: process.resourceUsage().maxRSS, result })}\n`);
