import { Worker } from 'node:worker_threads';

/**
 * Worker threads kept between runs. A fresh worker is cold: besides loading the code (~40 ms from
 * the bundle) its V8 isolate has optimised nothing yet. Measured on the corpus: a cold isolate's
 * JS runs ~30 % slower and TurboFan spends ~2 s of CPU on background threads compiling it (as
 * much as the whole warm check), so on 2 cores a fresh worker barely pays for itself, and a warm
 * one checks its half at full speed. A process that checks again soon (a server, a watch mode, a
 * benchmark) gets the warm worker back. Idle workers are unref'd (they never keep the process
 * alive) and end after `keepMs` without work.
 */
export interface WorkerSpec {
  url: URL;
  execArgv: string[];
  resourceLimits: NonNullable<ConstructorParameters<typeof Worker>[1]>['resourceLimits'];
  workerData?: unknown;
}

interface Idle {
  key: string;
  worker: Worker;
  timer: NodeJS.Timeout;
  onGone: () => void;
}

const idle = new Set<Idle>();

/** A warm idle worker for `spec` if there is one, else a new one; `reused` says which. */
export function takeWorker(spec: WorkerSpec): { worker: Worker; reused: boolean } {
  const key = keyOf(spec);
  for (const entry of idle) {
    if (entry.key !== key) continue;
    forget(entry);
    entry.worker.ref();
    return { worker: entry.worker, reused: true };
  }
  return { worker: newWorker(spec), reused: false };
}

/** Flags Node refused in an explicit worker execArgv (V8 and per-process flags), learnt once. */
let refusedFlags: string[] = [];

/**
 * An explicit `execArgv` may not hold V8 or per-process flags (`--max-semi-space-size`,
 * `--no-opt`…), which inheritance passes over silently; Node names the ones it refuses. Without
 * them, then by plain inheritance: never fewer workers because of the parent's flags.
 */
function newWorker(spec: WorkerSpec): Worker {
  const options = { resourceLimits: spec.resourceLimits, workerData: spec.workerData };
  const execArgv = spec.execArgv.filter((arg) => !refusedFlags.includes(arg));
  try {
    return new Worker(spec.url, { ...options, execArgv });
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'ERR_WORKER_INVALID_EXEC_ARGV') throw error;
    const named = (error as Error).message.split(': ').slice(1).join(': ').split(', ');
    refusedFlags = [...refusedFlags, ...named.filter((flag) => execArgv.includes(flag))];
    try {
      return new Worker(spec.url, {
        ...options,
        execArgv: execArgv.filter((arg) => !refusedFlags.includes(arg)),
      });
    } catch {
      return new Worker(spec.url, options);
    }
  }
}

/**
 * Keeps a worker that finished its job cleanly (the caller has removed its own listeners) for the
 * next run, or ends it when `keepMs` ≤ 0.
 */
export function keepWorker(spec: WorkerSpec, worker: Worker, keepMs: number): void {
  if (keepMs <= 0) {
    void worker.terminate();
    return;
  }
  worker.unref();
  const entry: Idle = {
    key: keyOf(spec),
    worker,
    timer: setTimeout(() => endWorker(entry), keepMs).unref(),
    // A worker that dies while idle is simply dropped.
    onGone: () => endWorker(entry),
  };
  worker.on('exit', entry.onGone);
  worker.on('error', entry.onGone);
  idle.add(entry);
}

/** Ends every idle worker now (tests; a host that wants its memory back). */
export async function endIdleWorkers(): Promise<void> {
  const ending = [...idle].map((entry) => endWorker(entry));
  await Promise.all(ending);
}

/** How many workers are idle (tests). */
export function idleWorkerCount(): number {
  return idle.size;
}

function endWorker(entry: Idle): Promise<unknown> {
  forget(entry);
  return entry.worker.terminate();
}

/** Not `removeAllListeners()`: Node's Worker keeps its own listeners that forward messages. */
function forget(entry: Idle): void {
  idle.delete(entry);
  clearTimeout(entry.timer);
  entry.worker.off('exit', entry.onGone);
  entry.worker.off('error', entry.onGone);
}

function keyOf(spec: WorkerSpec): string {
  return JSON.stringify([spec.url.href, spec.execArgv, spec.resourceLimits, spec.workerData]);
}
