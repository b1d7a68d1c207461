// Servers under test run as child processes, so the load generator (autocannon, in this
// process) never shares an event loop with them. Their stdout/stderr go to a log file: the
// platform writes one JSON log line per request, and draining that through a pipe here
// would bill the parent for the server's logging.
import { type ChildProcess, spawn } from 'node:child_process';
import { closeSync, openSync, readFileSync } from 'node:fs';

export interface ChildServer {
  name: string;
  url: string;
  pid: number;
  logFile: string;
  /** SIGTERM, then SIGKILL after 10 s; resolves when the process has exited. */
  stop(): Promise<void>;
}

export interface StartChildOptions {
  name: string;
  args: string[];
  env: NodeJS.ProcessEnv;
  cwd: string;
  logFile: string;
  /** Matches the line announcing the URL; group 1 is the URL. */
  ready: RegExp;
  timeoutMs?: number;
}

// Children still running when this process exits (an error, Ctrl-C, a timeout's SIGTERM)
// are killed with it rather than left serving on their ports.
const live = new Set<ChildProcess>();
let exitHookInstalled = false;
function track(child: ChildProcess): void {
  if (!exitHookInstalled) {
    exitHookInstalled = true;
    process.once('exit', () => {
      for (const c of live) c.kill('SIGKILL');
    });
  }
  live.add(child);
  child.once('exit', () => live.delete(child));
}

export async function startChildServer(options: StartChildOptions): Promise<ChildServer> {
  const fd = openSync(options.logFile, 'w');
  let child: ChildProcess;
  try {
    child = spawn(process.execPath, options.args, {
      cwd: options.cwd,
      env: options.env,
      stdio: ['ignore', fd, fd],
    });
  } finally {
    closeSync(fd);
  }
  track(child);
  let exited: { code: number | null; signal: NodeJS.Signals | null } | undefined;
  const exit = new Promise<void>((resolve) => {
    child.once('exit', (code, signal) => {
      exited = { code, signal };
      resolve();
    });
  });
  const stop = async () => {
    if (exited) return;
    child.kill('SIGTERM');
    const timer = setTimeout(() => child.kill('SIGKILL'), 10_000);
    await exit;
    clearTimeout(timer);
  };
  const tail = () => readFileSync(options.logFile, 'utf8').split('\n').slice(-15).join('\n');

  const deadline = Date.now() + (options.timeoutMs ?? 60_000);
  while (Date.now() < deadline) {
    if (exited) {
      throw new Error(
        `${options.name} exited before it was ready (code ${exited.code}, signal ${exited.signal}); its log ${options.logFile} ends:\n${tail()}`,
      );
    }
    const match = options.ready.exec(readFileSync(options.logFile, 'utf8'));
    if (match?.[1] && child.pid !== undefined) {
      return { name: options.name, url: match[1], pid: child.pid, logFile: options.logFile, stop };
    }
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  await stop();
  throw new Error(
    `${options.name} did not announce its URL within ${options.timeoutMs ?? 60_000} ms; log:\n${tail()}`,
  );
}
