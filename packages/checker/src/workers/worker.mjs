// Worker thread entry. Plain .mjs because Node 20 cannot load TypeScript by itself: when the
// package runs from its .ts sources, tsx's API compiles check-file.ts for this thread; a bundled
// build (where a sibling check-file.js exists) is imported directly.
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
loadCheckOneFile().then(
  (checkOneFile) => {
    port.on('message', async ({ id, rootReal, file, options }) => {
      try {
        port.postMessage({ id, outcome: await checkOneFile(rootReal, file, options) });
      } catch (error) {
        port.postMessage({ id, error: String(error?.message ?? error) });
      }
    });
    port.postMessage({ ready: true });
  },
  (error) => port.postMessage({ fatal: String(error?.message ?? error) }),
);
