// bench/platform/run.mjs, once TypeScript can be imported: sets the machine up (bare server,
// benchmark database), runs one block per engine, writes the report.
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { type ChildServer, startChildServer } from './child-server';
import { commitOf, describeMachine, loadAverages, packageVersion } from './machine';
import { parseOptions, USAGE, UsageError } from './options';
import { createOrders, payOrders } from './payments';
import { BackendProbe, BENCH_DATABASE, createBenchDatabase, reachable } from './postgres';
import { renderSection, type Session } from './report';
import { biomeFormat, formatSection, writeSection } from './results-file';
import { type EngineResult, runEngineBlock } from './runner';
import { bareRoute, type Scenario, tokenExchange, userInfo } from './scenarios';
import { snapshotHead } from './snapshot';
import { ReceiverClient } from './webhooks';

const benchDir = resolve(import.meta.dirname, '..');
const repoRoot = resolve(benchDir, '..', '..');

export async function main(argv: string[]): Promise<number> {
  let options: ReturnType<typeof parseOptions>;
  try {
    options = parseOptions(argv, process.env);
  } catch (error) {
    if (!(error instanceof UsageError)) throw error;
    process.stderr.write(`bench/platform: ${error.message}\n\n${USAGE}`);
    return 2;
  }
  if (options.help) {
    process.stdout.write(USAGE);
    return 0;
  }
  const log = (line: string) => process.stdout.write(`[${new Date().toISOString().slice(11, 19)}] ${line}\n`);
  const scenarios: Scenario[] = [bareRoute, userInfo, tokenExchange, createOrders, payOrders].filter(
    (s) => s.id === 'bare' || !options.scenarios || options.scenarios.includes(s.id),
  );
  const workRoot = mkdtempSync(join(tmpdir(), 'openminis-platform-bench-'));
  const cleanups: Array<() => void> = [() => rmSync(workRoot, { recursive: true, force: true })];
  const session: Session = {
    startedAt: new Date().toISOString(),
    finishedAt: '',
    // A password in a database URL must not end up in a committed report.
    argv: argv.map((arg) => (/^postgres(ql)?:\/\//.test(arg) ? redact(arg) : arg)),
    options: { ...options, postgresUrl: redact(options.postgresUrl) },
    machine: describeMachine(),
    versions: {
      autocannon: packageVersion(repoRoot, 'autocannon'),
      hono: packageVersion(repoRoot, 'hono'),
      nodeServer: packageVersion(repoRoot, '@hono/node-server'),
      betterSqlite3: packageVersion(repoRoot, 'better-sqlite3'),
      pg: packageVersion(repoRoot, 'pg'),
    },
    platformCommit: '',
    loadStart: loadAverages(),
    loadEnd: '',
    engines: [],
    skipped: [],
  };
  const previous = readPreviousRun(join(benchDir, 'last-run.json'));
  if (previous) session.previous = previous;
  let bareServer: ChildServer | undefined;
  let receiverServer: ChildServer | undefined;
  let failures = 0;
  try {
    let platformRoot = repoRoot;
    if (options.workingTree) {
      session.platformCommit = `${commitOf(repoRoot, 'platform')}, working tree`;
    } else {
      const snapshot = snapshotHead(repoRoot, join(workRoot, 'head'));
      platformRoot = snapshot.root;
      session.platformCommit = `${snapshot.commit} (a copy of HEAD)`;
    }
    log(`platform: ${session.platformCommit}`);
    log(
      `machine: ${session.machine.nproc} × ${session.machine.cpu}, Node ${session.machine.node}; load ${session.loadStart}`,
    );
    bareServer = await startChildServer({
      name: 'bare server',
      args: [join(benchDir, 'bare-server.mjs')],
      env: { PATH: process.env.PATH, HOME: process.env.HOME },
      cwd: repoRoot,
      logFile: join(workRoot, 'bare.log'),
      ready: /listening on (http:\/\/\S+)/,
    });
    receiverServer = await startChildServer({
      name: 'webhook receiver',
      args: [join(benchDir, 'webhook-receiver.mjs')],
      env: { PATH: process.env.PATH, HOME: process.env.HOME },
      cwd: repoRoot,
      logFile: join(workRoot, 'receiver.log'),
      ready: /listening on (http:\/\/\S+)/,
    });
    const receiver = new ReceiverClient(receiverServer.url);
    for (const engine of options.engines) {
      const workDir =
        engine === 'sqlite' && options.sqliteDir
          ? mkdtempSync(join(options.sqliteDir, 'openminis-platform-bench-sqlite-'))
          : join(workRoot, engine);
      mkdirSync(workDir, { recursive: true });
      cleanups.push(() => rmSync(workDir, { recursive: true, force: true }));
      const block = {
        repoRoot: platformRoot,
        workDir,
        logLevel: options.logLevel,
        cpuProf: options.cpuProf ? resolve(options.cpuProf) : undefined,
        bareServer,
        receiver,
        scenarios,
        runs: options.runs,
        settings: { connections: options.connections, duration: options.duration },
        warmUpSeconds: options.warmUp,
        log,
      };
      // One engine failing (a crash, a lost database) must not lose the other's results.
      const measureEngine = async (): Promise<EngineResult | undefined> => {
        if (engine === 'sqlite') {
          return await runEngineBlock({
            ...block,
            engine,
            description: `SQLite file (WAL) under ${options.sqliteDir ?? tmpdir()}`,
          });
        } else {
          const version = await reachable(options.postgresUrl);
          if (!version) {
            session.skipped.push(`postgres: no server answered at ${redact(options.postgresUrl)}`);
            log(session.skipped.at(-1) as string);
            return undefined;
          }
          session.postgresVersion = version;
          const database = await createBenchDatabase(options.postgresUrl);
          const probe = new BackendProbe(options.postgresUrl, BENCH_DATABASE);
          try {
            return await runEngineBlock({
              ...block,
              engine,
              description: `PostgreSQL ${version} on 127.0.0.1, database ${BENCH_DATABASE} (created and dropped by the run)`,
              databaseUrl: database.url,
              databasePids: () => probe.pids(),
            });
          } finally {
            await probe.close();
            await database.drop();
          }
        }
      };
      try {
        const result = await measureEngine();
        if (result) session.engines.push(result);
      } catch (error) {
        failures++;
        session.skipped.push(`${engine}: the run failed (${(error as Error).message.split('\n')[0]})`);
        log(`${engine}: FAILED: ${(error as Error).stack ?? error}`);
      }
    }
  } finally {
    await bareServer?.stop();
    await receiverServer?.stop();
    for (const cleanup of cleanups) cleanup();
  }
  session.finishedAt = new Date().toISOString();
  session.loadEnd = loadAverages();
  const section = formatSection(renderSection(session), repoRoot, benchDir);
  process.stdout.write(`\n${section}\n`);
  if (session.engines.length === 0) {
    log('no engine produced results; bench/RESULTS.md left alone');
    return 1;
  }
  if (!options.dryRun) {
    writeSection(join(benchDir, '..', 'RESULTS.md'), section);
    const { previous: _previous, ...record } = session;
    writeFileSync(join(benchDir, 'last-run.json'), `${JSON.stringify(record, null, 2)}\n`);
    biomeFormat(repoRoot, [join(benchDir, 'last-run.json')]);
    log('wrote bench/RESULTS.md (platform section) and bench/platform/last-run.json');
  }
  return failures > 0 ? 1 : 0;
}

/** The last run's summary, or undefined when there is none (or it cannot be read). */
function readPreviousRun(path: string): Session['previous'] {
  try {
    const last = JSON.parse(readFileSync(path, 'utf8')) as Session;
    if (!Array.isArray(last.engines) || typeof last.platformCommit !== 'string') return undefined;
    return { startedAt: last.startedAt, platformCommit: last.platformCommit, engines: last.engines };
  } catch {
    return undefined;
  }
}

function redact(url: string): string {
  const u = new URL(url);
  if (u.password) u.password = '***';
  return u.toString();
}
