import type { Readable } from 'node:stream';

export interface TextSink {
  write(chunk: string): unknown;
}

/** Everything an action needs from its surroundings, so tests can run commands in-process. */
export interface CliIo {
  stdout: TextSink;
  stderr: TextSink;
  /** stdout is an interactive terminal: prompts and progress bars are allowed. */
  isTTY: boolean;
  /** ANSI colours allowed on stdout/stderr. */
  color: boolean;
  /** The directory relative paths are resolved from (before `--cwd`). */
  cwd: string;
  stdin?: Readable;
  /** The real stream behind stdout, for @clack/prompts; absent in tests. */
  stdoutStream?: NodeJS.WritableStream;
}

export function processIo(): CliIo {
  const isTTY = process.stdout.isTTY === true;
  const noColor = process.env.NO_COLOR !== undefined && process.env.NO_COLOR !== '';
  return {
    stdout: process.stdout,
    stderr: process.stderr,
    isTTY,
    color: (isTTY || process.env.FORCE_COLOR !== undefined) && !noColor,
    cwd: process.cwd(),
    stdin: process.stdin,
    stdoutStream: process.stdout,
  };
}

export interface MemoryIo extends CliIo {
  out(): string;
  err(): string;
}

/** An io that records output, for tests and programmatic use. */
export function memoryIo(cwd: string, options: { isTTY?: boolean } = {}): MemoryIo {
  let out = '';
  let err = '';
  return {
    stdout: { write: (chunk: string) => (out += chunk) },
    stderr: { write: (chunk: string) => (err += chunk) },
    isTTY: options.isTTY ?? false,
    color: false,
    cwd,
    out: () => out,
    err: () => err,
  };
}
