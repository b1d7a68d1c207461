import { stat } from 'node:fs/promises';
import { availableParallelism } from 'node:os';
import path from 'node:path';
import type { Worker } from 'node:worker_threads';
import { checkOneFile, type FileOutcome, primeOnce } from '../check-file';
import type { CheckOptions } from '../types';
import { workerExecArgv } from './worker-exec-argv';
import { keepWorker, takeWorker, type WorkerSpec } from './worker-threads';

/** What the last run did with threads (tests check that the worker path really runs). */
export const poolStats = { filesInWorkers: 0, workersStarted: 0, workersReused: 0 };
export const poolSettings = {
  /**
   * With more than one thread, whether this thread checks files too (then it is one of the threads,
   * beside threads - 1 workers). Off: the workers do all the work (see runPool); tests turn it on.
   */
  mainThreadClaims: false,
  /** How long a worker stays warm for the next run (see worker-threads.ts); 0 ends it after each run. */
  keepWorkersMs: 30_000,
  /** Tests point this elsewhere (a worker that dies, one that must use tsx). */
  worker: { url: new URL('./worker.mjs', import.meta.url), workerData: undefined as unknown },
};

/** Below this many bytes in total, threads cost more than they save. */
const PARALLEL_MIN_BYTES = 4 * 1024 * 1024;
/** The native parser recurses on the thread's stack; workers get a roomy one (see fast.ts MAX_NESTING). */
const WORKER_STACK_MB = 32;
/**
 * The checker allocates AST nodes and scope records by the million, most of them dead by the next
 * file: a young generation of 192 MB (64 MB semi-spaces, V8's default is 16 MB) means fewer
 * scavenges and fewer objects promoted by accident. Measured on the corpus: ~6 % less process CPU
 * for a run with a fresh worker (the same flag, --max-semi-space-size=64, helps the main thread).
 */
const WORKER_YOUNG_GENERATION_MB = 192;

/**
 * Checks files, largest first. With one thread, this thread checks them all. With N threads, N
 * workers claim files from one shared counter, so no thread waits for another to hand out work,
 * while this thread only hands out the job and gathers outcomes: a worker's young generation is
 * sized for the checker (WORKER_YOUNG_GENERATION_MB) where this thread's is whatever the host
 * process has. On the benchmark corpus, two workers took ~20 % less time than one worker and this
 * thread. A worker that cannot start or dies leaves its claimed-but-unfinished file (any file
 * without an outcome) to this thread: threads are an optimisation, never a reason for a check to fail.
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
  const ordered = sized.map((f) => f.file);
  Object.assign(poolStats, { filesInWorkers: 0, workersStarted: 0, workersReused: 0 });
  const outcomes: Array<FileOutcome | undefined> = new Array(ordered.length);
  const counter = new Int32Array(new SharedArrayBuffer(4));
  const mainClaims = threads === 1 || poolSettings.mainThreadClaims;
  const workers = Array.from({ length: mainClaims ? threads - 1 : threads }, () =>
    runWorker({ files: ordered, rootReal, options: plain(options), counter }, outcomes),
  );
  if (mainClaims) {
    if (total >= PARALLEL_MIN_BYTES) primeOnce();
    await claimAll(counter, ordered, rootReal, options, outcomes);
  }
  await Promise.all(workers);
  // Files no worker got to (every worker failed early), then files a worker claimed but never finished.
  await claimAll(counter, ordered, rootReal, options, outcomes);
  for (let i = 0; i < ordered.length; i++) {
    outcomes[i] ??= await checkOneFile(rootReal, ordered[i] as string, options);
  }
  return outcomes as FileOutcome[];
}

/** Checks files on this thread, claiming them from `counter` until none is left. */
async function claimAll(
  counter: Int32Array,
  ordered: string[],
  rootReal: string,
  options: CheckOptions,
  outcomes: Array<FileOutcome | undefined>,
): Promise<void> {
  for (let i = Atomics.add(counter, 0, 1); i < ordered.length; i = Atomics.add(counter, 0, 1)) {
    outcomes[i] = await checkOneFile(rootReal, ordered[i] as string, options);
  }
}

interface Job {
  files: string[];
  rootReal: string;
  options: CheckOptions;
  counter: Int32Array;
}

type WorkerMessage =
  | { index: number; outcome: FileOutcome }
  | { index: number; error: string }
  | { done: true }
  | { fatal: string };

function workerSpec(): WorkerSpec {
  return {
    url: poolSettings.worker.url,
    execArgv: workerExecArgv(process.execArgv),
    workerData: poolSettings.worker.workerData,
    resourceLimits: { stackSizeMb: WORKER_STACK_MB, maxYoungGenerationSizeMb: WORKER_YOUNG_GENERATION_MB },
  };
}

/** Runs one worker over the shared queue; resolves when it is done, or gone. */
function runWorker(job: Job, outcomes: Array<FileOutcome | undefined>): Promise<void> {
  return new Promise((resolve) => {
    const spec = workerSpec();
    let worker: Worker;
    try {
      const taken = takeWorker(spec);
      worker = taken.worker;
      if (taken.reused) poolStats.workersReused++;
      else poolStats.workersStarted++;
    } catch {
      resolve();
      return;
    }
    let settled = false;
    /** `healthy`: the worker finished the job as agreed and may serve the next run. */
    const finish = (healthy: boolean) => {
      if (settled) return;
      settled = true;
      // Only our listeners: Node's Worker has internal ones that forward messages.
      worker.off('message', onMessage);
      worker.off('error', onFailure);
      worker.off('exit', onFailure);
      if (healthy) keepWorker(spec, worker, poolSettings.keepWorkersMs);
      else void worker.terminate();
      resolve();
    };
    const onFailure = () => finish(false);
    const onMessage = (message: WorkerMessage) => {
      if ('outcome' in message) {
        outcomes[message.index] = message.outcome;
        poolStats.filesInWorkers++;
      } else if ('error' in message) {
        const file = job.files[message.index] as string;
        outcomes[message.index] = {
          file,
          bytes: 0,
          findings: [],
          sawLogin: false,
          checked: false,
          skipped: { file, reason: `cannot check: ${message.error}` },
        };
      } else finish('done' in message);
    };
    worker.on('message', onMessage);
    worker.on('error', onFailure);
    worker.on('exit', onFailure);
    worker.postMessage(job);
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
