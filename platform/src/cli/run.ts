import { parseArgs } from 'node:util';
import { ConfigError, type PlatformConfigInput } from '../config';
import { createPlatform } from '../platform';
import { startServer } from '../server';
import { MigrationError } from '../storage';
import { runWorker } from '../workers/worker';
import { demoBanner, ensureDemoData } from './demo';
import { helpText } from './help';

export interface CliIo {
  out(text: string): void;
  err(text: string): void;
  env: NodeJS.ProcessEnv;
  /** Resolves when the process is asked to stop (SIGINT/SIGTERM). */
  stopSignal: () => Promise<string>;
}

const options = {
  help: { type: 'boolean', short: 'h' },
  version: { type: 'boolean', short: 'v' },
  demo: { type: 'boolean' },
  port: { type: 'string', short: 'p' },
  host: { type: 'string' },
  'data-dir': { type: 'string' },
  config: { type: 'string', short: 'c' },
} as const;

class UsageError extends Error {}

/** Runs one command; returns the exit code. User errors print a message, never a stack. */
export async function runCli(argv: string[], io: CliIo): Promise<number> {
  try {
    let parsed: ReturnType<typeof parseArgs<{ options: typeof options; allowPositionals: true }>>;
    try {
      parsed = parseArgs({ args: argv, options, allowPositionals: true, strict: true });
    } catch (error) {
      throw new UsageError((error as Error).message);
    }
    const { values, positionals } = parsed;
    const command = positionals[0];
    if (values.help || command === 'help') {
      io.out(helpText());
      return 0;
    }
    if (values.version) {
      io.out(`${await version()}\n`);
      return 0;
    }
    if (positionals.length > 1) throw new UsageError(`unexpected argument "${positionals[1]}"`);
    const overrides: PlatformConfigInput = {};
    if (values.port !== undefined) {
      if (!/^\d+$/.test(values.port))
        throw new UsageError(`--port: expected a number 0–65535, found "${values.port}"`);
      overrides.port = Number(values.port);
    }
    if (values.host !== undefined) overrides.host = values.host;
    if (values['data-dir'] !== undefined) overrides.dataDir = values['data-dir'];
    const base = { env: io.env, configFile: values.config, config: overrides };
    switch (command) {
      case 'serve':
        return await serve(base, values.demo === true, io);
      case 'worker':
        if (values.demo) throw new UsageError('--demo only applies to "serve"');
        await runWorker({
          ...base,
          onReady: (id) => io.out(`OpenMinis webhook worker ${id} running\n`),
          stopSignal: io.stopSignal,
        });
        return 0;
      case 'migrate': {
        if (values.demo) throw new UsageError('--demo only applies to "serve"');
        const platform = await createPlatform(base);
        await platform.close();
        io.out(`migrations applied (${platform.engine})\n`);
        return 0;
      }
      case undefined:
        throw new UsageError('missing command: serve, worker or migrate');
      default:
        throw new UsageError(`unknown command "${command}"; expected serve, worker or migrate`);
    }
  } catch (error) {
    if (error instanceof UsageError) {
      io.err(`openminis: ${error.message}\nRun "openminis --help" for usage.\n`);
      return 2;
    }
    if (error instanceof ConfigError) {
      io.err(`openminis: invalid configuration\n${error.message}\n`);
      return 2;
    }
    if (error instanceof MigrationError) {
      io.err(`openminis: ${error.message}\n`);
      return 1;
    }
    const code = (error as NodeJS.ErrnoException).code;
    if (code === 'EADDRINUSE' || code === 'EACCES' || code === 'ECONNREFUSED') {
      io.err(`openminis: ${(error as Error).message}\n`);
      return 1;
    }
    throw error;
  }
}

async function serve(base: Parameters<typeof startServer>[0], demo: boolean, io: CliIo): Promise<number> {
  const server = await startServer(base);
  const { deps } = server.platform;
  if (demo) io.out(demoBanner(deps.baseUrl, await ensureDemoData(deps)));
  else
    io.out(
      `OpenMinis platform listening on ${deps.baseUrl} (${server.platform.engine}, ${deps.config.mode} mode)\n`,
    );
  const signal = await io.stopSignal();
  deps.logger.info({ signal }, 'shutting down');
  await server.close();
  return 0;
}

async function version(): Promise<string> {
  const { readFile } = await import('node:fs/promises');
  const pkg = JSON.parse(await readFile(new URL('../../package.json', import.meta.url), 'utf8')) as {
    version: string;
  };
  return pkg.version;
}
