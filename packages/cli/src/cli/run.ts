import { MinisConfigError, MinisManifestError } from '@openminis/protocol';
import { OutputFolderError } from '@openminis/protocol/node';
import { type ArgDef, type ArgsDef, type CommandDef, parseArgs, renderUsage } from 'citty';
import { CliError, UsageError } from './errors';
import type { CliIo } from './io';
import { styleFor } from './style';

// biome-ignore lint/suspicious/noExplicitAny: citty commands are heterogeneous in their args.
export type AnyCommand = CommandDef<any>;

type Resolvable<T> = T | Promise<T> | (() => T) | (() => Promise<T>);

async function resolve<T>(value: Resolvable<T>): Promise<T> {
  return typeof value === 'function' ? await (value as () => T | Promise<T>)() : await value;
}

const HELP = new Set(['--help', '-h']);
const VERSION = new Set(['--version', '-v']);
/** Flags every leaf command accepts; they may also appear before the sub-command name. */
const GLOBAL_VALUE_FLAGS = new Set(['--cwd']);

function kebab(name: string): string {
  return name.replace(/[A-Z]/g, (c) => `-${c.toLowerCase()}`);
}

// biome-ignore lint/suspicious/noControlCharactersInRegex: stripping ANSI escapes.
const stripAnsi = (text: string) => text.replace(/\u001b\[[0-9;]*m/g, '');

async function usage(cmd: AnyCommand, names: readonly string[], io: CliIo): Promise<string> {
  const parent = names.length > 1 ? { meta: { name: names.slice(0, -1).join(' ') } } : undefined;
  const text = `${await renderUsage(cmd, parent as AnyCommand | undefined)}\n`;
  return io.color ? text : stripAnsi(text);
}

/** Refuses unknown options, options missing their value and extra positionals (exit code 2). */
function validateArgv(argv: readonly string[], argsDef: ArgsDef, command: string): void {
  const options = new Map<string, ArgDef>();
  let positionals = 0;
  for (const [key, def] of Object.entries(argsDef)) {
    if (def.type === 'positional') {
      positionals++;
      continue;
    }
    const alias = (def as { alias?: string | string[] }).alias;
    const aliases = alias === undefined ? [] : Array.isArray(alias) ? alias : [alias];
    for (const name of [key, kebab(key), ...aliases]) options.set(name, def);
    if (def.type === 'boolean') options.set(`no-${kebab(key)}`, def);
  }
  const hint = `run "${command} --help" to see the options`;
  let seen = 0;
  for (let i = 0; i < argv.length; i++) {
    const token = argv[i] as string;
    if (token === '--') {
      seen += argv.length - i - 1;
      break;
    }
    if (token.startsWith('-') && token.length > 1) {
      const name = token.replace(/^--?/, '').split('=')[0] as string;
      const def = options.get(name);
      if (def === undefined)
        throw new UsageError(`unknown option ${token.split('=')[0]} for "${command}"`, hint);
      if ((def.type === 'string' || def.type === 'enum') && !token.includes('=')) {
        const value = argv[i + 1];
        if (value === undefined || (value.startsWith('-') && value.length > 1)) {
          throw new UsageError(`option ${token} needs a value`, hint);
        }
        i++;
      }
      continue;
    }
    seen++;
  }
  if (seen > positionals) throw new UsageError(`too many arguments for "${command}"`, hint);
}

async function dispatch(cmd: AnyCommand, argv: string[], io: CliIo, names: string[]): Promise<number> {
  const subCommands = await resolve(cmd.subCommands ?? {});
  const command = names.join(' ');
  if (Object.keys(subCommands).length > 0) {
    let index = -1;
    for (let i = 0; i < argv.length; i++) {
      const token = argv[i] as string;
      if (GLOBAL_VALUE_FLAGS.has(token)) i++;
      else if (!token.startsWith('-')) {
        index = i;
        break;
      }
    }
    if (index === -1) {
      if (argv.some((token) => HELP.has(token))) {
        io.stdout.write(await usage(cmd, names, io));
        return 0;
      }
      const meta = await resolve(cmd.meta ?? {});
      if (argv.length === 1 && VERSION.has(argv[0] as string) && meta.version !== undefined) {
        io.stdout.write(`${meta.version}\n`);
        return 0;
      }
      io.stderr.write(await usage(cmd, names, io));
      throw new UsageError(`missing command for "${command}"`);
    }
    const name = argv[index] as string;
    const sub = subCommands[name];
    if (sub === undefined) {
      throw new UsageError(
        `unknown command "${name}" for "${command}"`,
        `available: ${Object.keys(subCommands).join(', ')}`,
      );
    }
    return dispatch(await resolve(sub), [...argv.slice(0, index), ...argv.slice(index + 1)], io, [
      ...names,
      name,
    ]);
  }
  if (argv.some((token) => HELP.has(token))) {
    io.stdout.write(await usage(cmd, names, io));
    return 0;
  }
  const argsDef = (await resolve(cmd.args ?? {})) as ArgsDef;
  validateArgv(argv, argsDef, command);
  let args: ReturnType<typeof parseArgs>;
  try {
    args = parseArgs(argv, argsDef);
  } catch (error) {
    throw new UsageError(stripAnsi((error as Error).message), `run "${command} --help" to see the options`);
  }
  const result = await cmd.run?.({ rawArgs: argv, args, cmd, data: io });
  return typeof result === 'number' ? result : 0;
}

function isUserFacing(error: unknown): error is Error {
  if (error instanceof MinisConfigError || error instanceof MinisManifestError) return true;
  if (error instanceof OutputFolderError) return true;
  // Node system errors on the user's files (EACCES, ENOSPC, ...) carry a readable message.
  const code = (error as NodeJS.ErrnoException | undefined)?.code;
  return error instanceof Error && typeof code === 'string' && /^E[A-Z]+$/.test(code);
}

/** Prints an error the way users should see it and returns the exit code. */
export function reportError(error: unknown, io: CliIo, debug: boolean): number {
  const style = styleFor(io);
  if (error instanceof CliError) {
    io.stderr.write(`${style.red('error')}: ${error.message}\n`);
    if (error.hint !== undefined) io.stderr.write(`  ${style.dim(error.hint)}\n`);
    if (debug) io.stderr.write(`${error.stack}\n`);
    return error.exitCode;
  }
  if (isUserFacing(error)) {
    io.stderr.write(`${style.red('error')}: ${error.message}\n`);
    if (debug) io.stderr.write(`${error.stack}\n`);
    return 1;
  }
  const message = error instanceof Error ? error.message : String(error);
  io.stderr.write(`${style.red('internal error')}: ${message}\nThis is a bug in ttdx; please report it.\n`);
  if (debug) io.stderr.write(`${error instanceof Error ? error.stack : ''}\n`);
  else io.stderr.write(style.dim('Rerun with --debug to see the stack trace.\n'));
  return 1;
}

/**
 * Runs a command tree on `argv` (without the program name) and returns the exit code: 0 ok, 1 findings
 * or user error, 2 usage error. Never throws.
 */
export async function runCli(
  root: AnyCommand,
  argv: readonly string[],
  io: CliIo,
  program: string,
): Promise<number> {
  try {
    return await dispatch(root, [...argv], io, [program]);
  } catch (error) {
    return reportError(error, io, argv.includes('--debug'));
  }
}
