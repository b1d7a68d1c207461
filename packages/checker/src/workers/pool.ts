import { stat } from 'node:fs/promises';
import { availableParallelism } from 'node:os';
import path from 'node:path';
import { Worker } from 'node:worker_threads';
import { checkOneFile, type FileOutcome } from '../check-file';
import type { CheckOptions } from '../types';

/** Files checked by worker threads in the last run (tests check that the worker path really runs). */
export const poolStats = { filesInWorkers: 0 };

/** Below this many bytes in total, threads cost more than they save. */
const PARALLEL_MIN_BYTES = 4 * 1024 * 1024;
/** The native parser recurses on the thread's stack; workers get a roomy one (see fast.ts MAX_NESTING). */
const WORKER_STACK_MB = 32;

/**
 * Checks files, largest first, over worker threads when the input is large enough (or when
 * `options.threads` asks). A worker that cannot start or dies hands its files back to this thread:
 * threads are an optimisation, never a reason for a check to fail.
 */
export async function runPool(
  rootReal: string,
  files: string[],
  options: CheckOptions,
): Promise<FileOutcome[]> {
  const sized = await Promise.all(
    files.map(async (file) => ({
      file,
      size: await stat(path.resolve(rootReal, file)).then(
        (s) => s.size,
        () => 0,
      ),
    })),
  );
  sized.sort((a, b) => b.size - a.size || (a.file < b.file ? -1 : 1));
  const total = sized.reduce((sum, f) => sum + f.size, 0);
  const wanted = options.threads ?? (total >= PARALLEL_MIN_BYTES ? availableParallelism() : 1);
  const threads = Math.max(1, Math.min(wanted, sized.length, 16));
  const queue = sized.map((f) => f.file);
  poolStats.filesInWorkers = 0;
  if (threads <= 1) return runInline(rootReal, queue, options);
  const outcomes: FileOutcome[] = [];
  const workers = Array.from({ length: threads }, () => runWorker(rootReal, queue, options, outcomes));
  const leftovers = (await Promise.all(workers)).flat();
  outcomes.push(...(await runInline(rootReal, leftovers, options)));
  return outcomes;
}

async function runInline(rootReal: string, files: string[], options: CheckOptions): Promise<FileOutcome[]> {
  const outcomes: FileOutcome[] = [];
  for (const file of files) outcomes.push(await checkOneFile(rootReal, file, options));
  return outcomes;
}

/** Feeds one worker from the shared queue; resolves with the files it could not check. */
function runWorker(
  rootReal: string,
  queue: string[],
  options: CheckOptions,
  outcomes: FileOutcome[],
): Promise<string[]> {
  return new Promise((resolve) => {
    let current: string | undefined;
    let settled = false;
    const worker = new Worker(new URL('./worker.mjs', import.meta.url), {
      // A larger young generation: the parser's short-lived AST objects die there instead of being
      // promoted, which measurably cuts GC time on big bundles.
      resourceLimits: { stackSizeMb: WORKER_STACK_MB },
    });
    const finish = (leftover: string[]) => {
      if (settled) return;
      settled = true;
      worker.removeAllListeners();
      void worker.terminate();
      resolve(leftover);
    };
    const next = () => {
      current = queue.shift();
      if (current === undefined) finish([]);
      else worker.postMessage({ id: current, rootReal, file: current, options: plain(options) });
    };
    worker.on(
      'message',
      (message: { ready?: boolean; fatal?: string; id?: string; outcome?: FileOutcome; error?: string }) => {
        if (message.ready) return next();
        if (message.fatal !== undefined) return finish(current ? [current] : []);
        if (message.outcome) {
          outcomes.push(message.outcome);
          poolStats.filesInWorkers++;
        } else if (message.id !== undefined) {
          outcomes.push({
            file: message.id,
            bytes: 0,
            findings: [],
            sawLogin: false,
            checked: false,
            skipped: { file: message.id, reason: `cannot check: ${message.error}` },
          });
        }
        next();
      },
    );
    worker.on('error', () => finish(current ? [current] : []));
    worker.on('exit', () => finish(current ? [current] : []));
  });
}

/** Options cross the thread boundary by structured clone: keep only data. */
function plain(options: CheckOptions): CheckOptions {
  return {
    trustedDomains: options.trustedDomains ? [...options.trustedDomains] : undefined,
    disable: options.disable ? [...options.disable] : undefined,
    maxFileBytes: options.maxFileBytes,
  };
}
