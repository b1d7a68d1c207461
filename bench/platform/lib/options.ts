// Command-line options of bench/platform/run.mjs. Every load is bounded: a run lasts
// `duration` seconds (or a fixed number of requests sized to about that long).
import { parseArgs } from 'node:util';
import { DEFAULT_ADMIN_URL } from './postgres';
import type { EngineName } from './runner';

export interface BenchOptions {
  runs: number;
  duration: number;
  connections: number;
  warmUp: number;
  engines: EngineName[];
  postgresUrl: string;
  logLevel: string;
  /** Where the SQLite file lives (a fresh folder inside it); default the system temp dir. */
  sqliteDir: string | undefined;
  /** Scenario ids to run (the bare route always runs: it is the comparison). */
  scenarios: string[] | undefined;
  /** Writes a V8 CPU profile of each platform process into this folder. */
  cpuProf: string | undefined;
  /** Run the checkout's files as they are instead of a copy of HEAD. */
  workingTree: boolean;
  dryRun: boolean;
  help: boolean;
}

export const SCENARIO_IDS = ['bare', 'userinfo', 'token', 'order-create', 'order-pay'] as const;

export const USAGE = `usage: node bench/platform/run.mjs [options]

  --runs N            timed runs per scenario, the median is reported (default 5, 1–20)
  --duration S        seconds per timed run (default 10, 1–60)
  --connections N     concurrent autocannon connections (default 10, 1–100)
  --warm-up S         seconds of warm-up per scenario before the timed runs (default 3, 0–30)
  --engines LIST      sqlite,postgres (default both; postgres is skipped when unreachable)
  --postgres-url URL  admin URL; the bench creates and drops its own database openminis_bench
                      (default $BENCH_POSTGRES_URL or ${DEFAULT_ADMIN_URL})
  --log-level LEVEL   the platform's OPENMINIS_LOG_LEVEL (default info, as shipped)
  --sqlite-dir DIR    put the SQLite database in a fresh folder inside DIR (default the system
                      temp dir; /dev/shm takes the disk out of the picture)
  --scenarios LIST    only these, e.g. token,order-pay (bare always runs; ids: ${SCENARIO_IDS.join(', ')})
  --cpu-prof DIR      write a V8 CPU profile of each platform process into DIR
  --working-tree      run the platform from the checkout as it is (default: a copy of HEAD, so
                      the result names exactly the commit measured)
  --dry-run           measure and print, but leave bench/RESULTS.md alone
`;

export class UsageError extends Error {}

export function parseOptions(argv: string[], env: NodeJS.ProcessEnv): BenchOptions {
  let values: Record<string, string | boolean | undefined>;
  try {
    ({ values } = parseArgs({
      args: argv,
      options: {
        runs: { type: 'string', default: '5' },
        duration: { type: 'string', default: '10' },
        connections: { type: 'string', default: '10' },
        'warm-up': { type: 'string', default: '3' },
        engines: { type: 'string', default: 'sqlite,postgres' },
        'postgres-url': { type: 'string', default: env.BENCH_POSTGRES_URL ?? DEFAULT_ADMIN_URL },
        'log-level': { type: 'string', default: 'info' },
        'sqlite-dir': { type: 'string' },
        scenarios: { type: 'string' },
        'cpu-prof': { type: 'string' },
        'working-tree': { type: 'boolean', default: false },
        'dry-run': { type: 'boolean', default: false },
        help: { type: 'boolean', short: 'h', default: false },
      },
      strict: true,
      allowPositionals: false,
    }));
  } catch (error) {
    throw new UsageError((error as Error).message);
  }
  const engines = String(values.engines)
    .split(',')
    .map((e) => e.trim())
    .filter(Boolean);
  for (const engine of engines) {
    if (engine !== 'sqlite' && engine !== 'postgres')
      throw new UsageError(`--engines: expected sqlite and/or postgres, found "${engine}"`);
  }
  if (engines.length === 0) throw new UsageError('--engines: expected sqlite and/or postgres, found nothing');
  const postgresUrl = String(values['postgres-url']);
  if (!/^postgres(ql)?:\/\//.test(postgresUrl))
    throw new UsageError(`--postgres-url: expected a postgres:// URL, found "${postgresUrl}"`);
  const logLevel = String(values['log-level']);
  if (!['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent'].includes(logLevel))
    throw new UsageError(
      `--log-level: expected fatal|error|warn|info|debug|trace|silent, found "${logLevel}"`,
    );
  let scenarios: string[] | undefined;
  if (typeof values.scenarios === 'string') {
    scenarios = values.scenarios
      .split(',')
      .map((id) => id.trim())
      .filter(Boolean);
    const unknown = scenarios.filter((id) => !(SCENARIO_IDS as readonly string[]).includes(id));
    if (unknown.length > 0 || scenarios.length === 0)
      throw new UsageError(
        `--scenarios: expected some of ${SCENARIO_IDS.join(', ')}, found "${values.scenarios}"`,
      );
  }
  return {
    runs: whole(values.runs, '--runs', 1, 20),
    duration: whole(values.duration, '--duration', 1, 60),
    connections: whole(values.connections, '--connections', 1, 100),
    warmUp: whole(values['warm-up'], '--warm-up', 0, 30),
    engines: [...new Set(engines)] as EngineName[],
    postgresUrl,
    logLevel,
    sqliteDir: typeof values['sqlite-dir'] === 'string' ? values['sqlite-dir'] : undefined,
    scenarios,
    cpuProf: typeof values['cpu-prof'] === 'string' ? values['cpu-prof'] : undefined,
    workingTree: values['working-tree'] === true,
    dryRun: values['dry-run'] === true,
    help: values.help === true,
  };
}

function whole(value: unknown, flag: string, min: number, max: number): number {
  const text = String(value);
  const n = Number(text);
  if (!/^\d+$/.test(text) || n < min || n > max)
    throw new UsageError(`${flag}: expected a whole number ${min}–${max}, found "${text}"`);
  return n;
}
