// Worker thread entry. Plain .mjs because Node 20 cannot load TypeScript by itself. The checker's
// code comes from, in order: a built check-file.js next to src/workers (a compiled package); else a
// bundle of the .ts sources cached on disk (worker-bundle.mjs: ~40 ms to import); else, when no
// bundle can be had, the sources themselves through tsx's API (~220 ms).
//
// Protocol (see pool.ts): the parent sends jobs { files, rootReal, options, counter }, one at a
// time; files are claimed through the job's shared counter (Atomics), each outcome is posted, then
// { done: true }. A claimed file without an outcome is redone by the parent if this thread dies.
// The worker stays for the next job until terminated.
import { existsSync } from 'node:fs';
import { parentPort, workerData } from 'node:worker_threads';

/** workerData.load: 'auto' (the order above), or 'tsx' to skip the bundle (tests). */
async function loadCheckOneFile() {
  const built = new URL('../check-file.js', import.meta.url);
  if (existsSync(built)) return primed(await import(built.href));
  if (workerData?.load !== 'tsx') {
    try {
      const { bundledEntry } = await import('./worker-bundle.mjs');
      return primed(await import(await bundledEntry(workerData?.bundleSetup)));
    } catch {
      // No esbuild, a build error, a read-only folder: the sources still load through tsx.
    }
  }
  const { tsImport } = await import('tsx/esm/api');
  return primed(await tsImport('../check-file.ts', import.meta.url));
}

/** Workers start only for large inputs: give V8 the checker's type feedback first (prime.ts). */
function primed(checkFile) {
  checkFile.primeOnce?.();
  return checkFile.checkOneFile;
}

const port = parentPort;
if (!port) throw new Error('worker.mjs must run in a worker thread');
const checkOneFilePromise = loadCheckOneFile();
let jobs = Promise.resolve();
port.on('message', (job) => {
  jobs = jobs.then(() => runJob(job));
});

async function runJob({ files, rootReal, options, counter }) {
  let checkOneFile;
  try {
    checkOneFile = await checkOneFilePromise;
  } catch (error) {
    port.postMessage({ fatal: String(error?.message ?? error) });
    return;
  }
  for (let i = Atomics.add(counter, 0, 1); i < files.length; i = Atomics.add(counter, 0, 1)) {
    try {
      port.postMessage({ index: i, outcome: await checkOneFile(rootReal, files[i], options) });
    } catch (error) {
      port.postMessage({ index: i, error: String(error?.message ?? error) });
    }
  }
  port.postMessage({ done: true });
}
