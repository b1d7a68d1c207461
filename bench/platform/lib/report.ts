// The platform section of bench/RESULTS.md: what was run, on what machine, how busy the
// machine was, and per engine the median of the timed runs beside the bare Hono route.
import type { LoadResult } from './load';
import type { Machine } from './machine';
import type { BenchOptions } from './options';
import { END_MARKER, START_MARKER } from './results-file';
import type { EngineResult, ScenarioResult } from './runner';
import { fixed, median } from './stats';

export interface Session {
  startedAt: string;
  finishedAt: string;
  argv: string[];
  options: BenchOptions;
  machine: Machine;
  versions: Record<string, string>;
  platformCommit: string;
  postgresVersion?: string;
  loadStart: string;
  loadEnd: string;
  engines: EngineResult[];
  skipped: string[];
}

export interface ScenarioSummary {
  id: string;
  title: string;
  rps: number;
  ratio: number | undefined;
  latencyP50: number;
  latencyP99: number;
  requests: number;
  non2xx: number;
  errors: number;
  serverCpu: number | undefined;
  databaseCpu: number | undefined;
  generatorCpu: number;
  othersCpu: number | undefined;
  runRps: number[];
}

const med = (
  runs: readonly LoadResult[],
  pick: (r: LoadResult) => number | undefined,
): number | undefined => {
  const values = runs.map(pick).filter((v): v is number => v !== undefined);
  return values.length > 0 ? median(values) : undefined;
};

/** Medians over the timed runs; the ratio is to the bare route's median in the same engine block. */
export function summarise(engine: EngineResult): ScenarioSummary[] {
  const bare = engine.scenarios.find((s) => s.id === 'bare');
  const bareRps = bare && bare.runs.length > 0 ? median(bare.runs.map((r) => r.rps)) : undefined;
  return engine.scenarios.map((s: ScenarioResult) => {
    const rps = median(s.runs.map((r) => r.rps));
    const sum = (pick: (r: LoadResult) => number) => s.runs.reduce((total, r) => total + pick(r), 0);
    return {
      id: s.id,
      title: s.title,
      rps,
      ratio: bareRps ? rps / bareRps : undefined,
      latencyP50: med(s.runs, (r) => r.latencyP50) as number,
      latencyP99: med(s.runs, (r) => r.latencyP99) as number,
      requests: sum((r) => r.requests),
      non2xx: sum((r) => r.non2xx),
      errors: sum((r) => r.errors + r.timeouts),
      serverCpu: med(s.runs, (r) => r.serverCpu),
      databaseCpu: med(s.runs, (r) => r.databaseCpu),
      generatorCpu: med(s.runs, (r) => r.generatorCpu) as number,
      othersCpu: med(s.runs, (r) => r.othersCpu),
      runRps: s.runs.map((r) => r.rps),
    };
  });
}

export function renderSection(session: Session): string {
  const { options: o, machine: m } = session;
  const out: string[] = [
    START_MARKER,
    '## Platform HTTP: OAuth and user info (`bench/platform`)',
    '',
    `Run ${session.startedAt.slice(0, 16).replace('T', ' ')}–${session.finishedAt.slice(11, 16)} UTC with ` +
      `\`node bench/platform/run.mjs${session.argv.length > 0 ? ` ${session.argv.join(' ')}` : ''}\` on ` +
      `${m.nproc} × ${m.cpu}, ${m.memGiB} GiB, ${m.os}, Node ${m.node.replace(/^v/, '')}; ` +
      `autocannon ${session.versions.autocannon}, hono ${session.versions.hono}, ` +
      `@hono/node-server ${session.versions.nodeServer}, better-sqlite3 ${session.versions.betterSqlite3}, ` +
      `pg ${session.versions.pg}${session.postgresVersion ? `, PostgreSQL ${session.postgresVersion}` : ''}. ` +
      `Platform at ${session.platformCommit}.`,
    '',
    `Method: the platform runs as \`openminis serve\` (dev mode, log level \`${o.logLevel}\`, logs to a file) in a ` +
      'child process on an ephemeral port of 127.0.0.1; the comparison is `bench/platform/bare-server.mjs`, one Hono ' +
      'route returning a small JSON body on the same @hono/node-server, also a child process. autocannon runs in the ' +
      `parent with ${o.connections} connections, no pipelining. Each scenario gets ${o.warmUp} s of warm-up, then ` +
      `${o.runs} timed runs of ${o.duration} s, interleaved round by round (bare, user info, token exchange, each ` +
      'round starting one later); the table gives the **median** run. req/s = responses / elapsed seconds. ' +
      'The ratio divides by the bare route measured in the same engine block. Token exchange: every request ' +
      'carries its own single-use code, issued through `POST /emulator/v1/login` before the timed window, and the ' +
      'run stops after as many requests as codes (about the run length at the rate seen so far), so every ' +
      'request is a real exchange; non-2xx counts are shown. CPU columns are % of one core over the run, read ' +
      'from /proc: the server process, the PostgreSQL backends of the benchmark database, autocannon, and ' +
      'everything else on the machine ("others" — contention).',
    '',
    `Load average (1/5/15 min) ${session.loadStart} at the start, ${session.loadEnd} at the end.`,
  ];
  for (const skipped of session.skipped) out.push('', `Skipped: ${skipped}.`);
  for (const engine of session.engines) {
    out.push('', `### ${engine.engine === 'sqlite' ? 'SQLite' : 'PostgreSQL'}: ${engine.description}`, '');
    out.push(
      '| scenario | req/s (median) | ratio to bare | p50 / p99 ms | every run, req/s | non-2xx / responses | CPU % server / db / autocannon / others |',
      '|---|---:|---:|---:|---|---:|---|',
    );
    for (const s of summarise(engine)) {
      out.push(
        `| ${s.title} | **${fixed(s.rps)}** | ${s.id === 'bare' ? '1' : fixed(s.ratio, 3)} | ` +
          `${s.latencyP50} / ${s.latencyP99} | ${s.runRps.map((r) => fixed(r)).join(' · ')} | ` +
          `${s.non2xx + s.errors} / ${s.requests} | ${fixed(s.serverCpu)} / ${fixed(s.databaseCpu)} / ` +
          `${fixed(s.generatorCpu)} / ${fixed(s.othersCpu)} |`,
      );
    }
    const loads = engine.scenarios.flatMap((s) => s.runs.map((r) => r.loadBefore));
    if (loads.length > 0) {
      out.push(
        '',
        `1-min load average before each timed run: ${fixed(Math.min(...loads), 2)}–${fixed(Math.max(...loads), 2)} ` +
          `(median ${fixed(median(loads), 2)}; the benchmark's own two processes account for about 2).`,
      );
    }
  }
  out.push(END_MARKER);
  return out.join('\n');
}
