// Worker thread entry. Plain .mjs because Node 20 cannot load TypeScript by itself: when the
// package runs from its .ts sources, tsx's API compiles check-file.ts for this thread; a bundled
// build (where a sibling check-file.js exists) is imported directly.
//
// Protocol (see pool.ts): the parent sends one job { files, rootReal, options, counter }; files are
// claimed through the shared counter (Atomics), each claim is announced, each outcome posted.
import { existsSync } from 'node:fs';
import { parentPort } from 'node:worker_threads';

async function loadCheckOneFile() {
  const built = new URL('../check-file.js', import.meta.url);
  if (existsSync(built)) return (await import(built.href)).checkOneFile;
  const { tsImport } = await import('tsx/esm/api');
  return (await tsImport('../check-file.ts', import.meta.url)).checkOneFile;
}

const port = parentPort;
if (!port) throw new Error('worker.mjs must run in a worker thread');
const checkOneFilePromise = loadCheckOneFile();
port.once('message', async ({ files, rootReal, options, counter }) => {
  let checkOneFile;
  try {
    checkOneFile = await checkOneFilePromise;
  } catch (error) {
    port.postMessage({ fatal: String(error?.message ?? error) });
    return;
  }
  for (let i = Atomics.add(counter, 0, 1); i < files.length; i = Atomics.add(counter, 0, 1)) {
    port.postMessage({ claimed: i });
    try {
      port.postMessage({ index: i, outcome: await checkOneFile(rootReal, files[i], options) });
    } catch (error) {
      port.postMessage({ index: i, error: String(error?.message ?? error) });
    }
  }
  port.postMessage({ done: true });
});
