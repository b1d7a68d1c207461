import type { CliIo } from '../cli/io';
import { projectDir } from '../project/project';

/** Flags every command takes. */
export const commonArgs = {
  cwd: { type: 'string', description: 'Project folder (default: the current folder)', valueHint: 'dir' },
  debug: { type: 'boolean', description: 'Show stack traces for internal errors' },
} as const;

export const jsonArg = {
  json: { type: 'boolean', description: 'Print the result as JSON' },
} as const;

/** The io and the project folder for a command run. */
export async function context(data: unknown, cwd: string | undefined): Promise<{ io: CliIo; dir: string }> {
  const io = data as CliIo;
  return { io, dir: await projectDir(io, cwd) };
}

export function printJson(io: CliIo, value: unknown): void {
  io.stdout.write(`${JSON.stringify(value, null, 2)}\n`);
}
