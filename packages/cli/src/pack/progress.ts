import type { Writable } from 'node:stream';
import { progress } from '@clack/prompts';
import type { CliIo } from '../cli/io';

export interface Progress {
  advance(message: string): void;
  stop(message: string): void;
}

const silent: Progress = { advance() {}, stop() {} };

/** A progress bar over `total` steps on a terminal; nothing otherwise (logs and pipes stay clean). */
export function progressBar(io: CliIo, total: number, label: string): Progress {
  if (!io.isTTY || io.stdoutStream === undefined || total === 0) return silent;
  const bar = progress({ max: total, output: io.stdoutStream as Writable, style: 'heavy' });
  bar.start(label);
  return {
    advance: (message) => bar.advance(1, message),
    stop: (message) => bar.stop(message),
  };
}
