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
  /** The run before this one (bench/platform/last-run.json as it was), for the change table. */
  previous?: { startedAt: string; platformCommit: string; engines: EngineResult[] };
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
  /** The webhook row: latency is enqueue-to-arrival, failures are missing or badly signed deliveries. */
  webhook?: boolean;
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
  const rows: ScenarioSummary[] = [];
  for (const s of engine.scenarios as ScenarioResult[]) {
    const rps = median(s.runs.map((r) => r.rps));
    const sum = (pick: (r: LoadResult) => number) => s.runs.reduce((total, r) => total + pick(r), 0);
    const cpu = {
      serverCpu: med(s.runs, (r) => r.serverCpu),
      databaseCpu: med(s.runs, (r) => r.databaseCpu),
      generatorCpu: med(s.runs, (r) => r.generatorCpu) as number,
      othersCpu: med(s.runs, (r) => r.othersCpu),
    };
    rows.push({
      id: s.id,
      title: s.title,
      rps,
      ratio: bareRps ? rps / bareRps : undefined,
      latencyP50: med(s.runs, (r) => r.latencyP50) as number,
      latencyP99: med(s.runs, (r) => r.latencyP99) as number,
      requests: sum((r) => r.requests),
      non2xx: sum((r) => r.non2xx + r.failedBodies),
      errors: sum((r) => r.errors + r.timeouts),
      ...cpu,
      runRps: s.runs.map((r) => r.rps),
    });
    const hooks = s.runs.flatMap((r) => (r.webhooks ? [r.webhooks] : []));
    if (hooks.length === s.runs.length && hooks.length > 0) {
      const perSecond = median(hooks.map((w) => w.deliveriesPerSecond));
      rows.push({
        id: `${s.id}-webhooks`,
        title: 'signed webhook deliveries of those payments (redeem.success → local receiver)',
        rps: perSecond,
        ratio: bareRps ? perSecond / bareRps : undefined,
        latencyP50: median(hooks.map((w) => w.latencyP50)),
        latencyP99: median(hooks.map((w) => w.latencyP99)),
        requests: hooks.reduce((t, w) => t + w.expected, 0),
        non2xx: hooks.reduce((t, w) => t + (w.expected - w.delivered) + w.badSignatures, 0),
        errors: 0,
        ...cpu,
        runRps: hooks.map((w) => w.deliveriesPerSecond),
        webhook: true,
      });
    }
  }
  return rows;
}

export function renderSection(session: Session): string {
  const { options: o, machine: m } = session;
  const out: string[] = [
    START_MARKER,
    '## Platform HTTP: OAuth, user info, payments, webhooks (`bench/platform`)',
    '',
    `Run ${session.startedAt.slice(0, 16).replace('T', ' ')}–${session.finishedAt.slice(11, 16)} UTC with ` +
      `\`node bench/platform/run.mjs${session.argv.length > 0 ? ` ${session.argv.join(' ')}` : ''}\` on ` +
      `${m.nproc} × ${m.cpu}, ${m.memGiB} GiB, ${m.os}, Node ${m.node.replace(/^v/, '')}; ` +
      `autocannon ${session.versions.autocannon}, hono ${session.versions.hono}, ` +
      `@hono/node-server ${session.versions.nodeServer}, better-sqlite3 ${session.versions.betterSqlite3}, ` +
      `pg ${session.versions.pg}${session.postgresVersion ? `, PostgreSQL ${session.postgresVersion}` : ''}. ` +
      `Platform at ${session.platformCommit}.`,
    '',
    `**Method.** The platform runs as \`openminis serve\` (dev mode, log level \`${o.logLevel}\` as shipped, logs ` +
      'to a file, webhook dispatcher in the same process) in a child process on an ephemeral port of 127.0.0.1; ' +
      'the comparison is `bench/platform/bare-server.mjs`, one Hono route returning a small JSON body on the same ' +
      '@hono/node-server, also a child process. autocannon runs in the parent with ' +
      `${o.connections} connections, no pipelining. Each scenario gets ${o.warmUp} s of warm-up, then ${o.runs} ` +
      `timed runs of about ${o.duration} s, interleaved round by round (each round starting one scenario later); ` +
      'tables give the **median** run, req/s = responses / elapsed seconds, and the ratio divides by the bare ' +
      'route measured in the same engine block.',
    '',
    '- *User info*: one valid Bearer token, `fields=open_id,union_id,display_name`.',
    '- *Token exchange*: every request carries its own single-use code, issued through `POST /emulator/v1/login` ' +
      'before the timed window; the run stops after as many requests as codes (sized to the run length at the ' +
      'rate seen so far), so every request is a real, successful exchange.',
    '- *Trade order created*: `POST /v2/minis/trade_order/create/` with a fresh `order_info.order_id` per request ' +
      '(10 Beans); a 2xx whose envelope is not `"code":"ok"` counts as failed.',
    '- *Trade order paid*: orders are created beforehand, then each request pays one through ' +
      '`POST /emulator/v1/trade_orders/{id}/pay`, round-robin over 10 users who hold enough Beans (no top-up; one ' +
      'user’s payments serialise on their wallet by design); a response without ' +
      '`is_success: true` counts as failed. The paying app’s webhook URL is `bench/platform/webhook-receiver.mjs` ' +
      '(node:http on 127.0.0.1, its own process), so every payment also enqueues a `redeem.success` webhook.',
    '- *Webhook deliveries*: after each paying run the benchmark waits (at most 60 s) for every webhook, checks ' +
      'each `Tiktok-Signature` independently (HMAC-SHA256 with the client secret), and measures from the outbox ' +
      'row’s `created_at` (written in the payment’s transaction) to the receiver’s arrival time. Deliveries/s = ' +
      'deliveries / (last arrival − first enqueue); they overlap the paying run (one process serves both).',
    '',
    'CPU columns are % of one core over the run, read from /proc: the server process, the PostgreSQL backends of ' +
      'the benchmark database, autocannon, and every other process on the machine ("others": contention from ' +
      'other work; 200 % would be both cores).',
    '',
    'Where the platform’s time goes (statement re-preparation, body-limit middleware, query building, ' +
      'webhook delivery slots; an outbox scan per webhook claim, since fixed), with measurements: ' +
      '[`bench/platform/FINDINGS.md`](platform/FINDINGS.md).',
    '',
    `Load average (1/5/15 min) ${session.loadStart} at the start, ${session.loadEnd} at the end.`,
  ];
  for (const skipped of session.skipped) out.push('', `Skipped: ${skipped}.`);
  for (const engine of session.engines) {
    out.push('', `### ${engine.engine === 'sqlite' ? 'SQLite' : 'PostgreSQL'}: ${engine.description}`, '');
    out.push(
      '| scenario | per second (median) | ratio to bare | p50 / p99 ms | every run, per second | failed / total | CPU % server / db / autocannon / others |',
      '|---|---:|---:|---:|---|---:|---|',
    );
    for (const s of summarise(engine)) {
      out.push(
        `| ${s.title} | **${fixed(s.rps)}** | ${s.id === 'bare' ? '1' : fixed(s.ratio, 3)} | ` +
          `${fixed(s.latencyP50)} / ${fixed(s.latencyP99)} | ${s.runRps.map((r) => fixed(r)).join(' · ')} | ` +
          `${s.non2xx + s.errors} / ${s.requests} | ` +
          (s.webhook
            ? '(same run as the payments) |'
            : `${fixed(s.serverCpu)} / ${fixed(s.databaseCpu)} / ${fixed(s.generatorCpu)} / ${fixed(s.othersCpu)} |`),
      );
    }
    const hooks = engine.scenarios.flatMap((s) => s.runs.flatMap((r) => (r.webhooks ? [r.webhooks] : [])));
    if (hooks.length > 0) {
      const drained = hooks.filter((w) => w.backlogAtEnd > 0);
      out.push(
        '',
        `Webhook dispatcher: when a paying run ended, ${fixed(median(hooks.map((w) => w.backlogAtEnd)))} ` +
          `deliveries (median) were still queued, drained at ` +
          `${drained.length > 0 ? fixed(median(drained.map((w) => w.drainPerSecond))) : '—'}/s with no payments ` +
          `competing; to the dispatcher’s own delivered_at the latency was p50 ` +
          `${fixed(median(hooks.map((w) => w.recordedP50 ?? Number.NaN)))} / p99 ` +
          `${fixed(median(hooks.map((w) => w.recordedP99 ?? Number.NaN)))} ms; ` +
          `${hooks.reduce((t, w) => t + w.badSignatures, 0)} bad signatures, ` +
          `${hooks.reduce((t, w) => t + w.duplicates, 0)} duplicates.`,
      );
    }
    for (const skipped of engine.skipped) out.push('', `Skipped ${skipped}.`);
    const loads = engine.scenarios.flatMap((s) => s.runs.map((r) => r.loadBefore));
    const others = engine.scenarios.flatMap((s) =>
      s.runs.flatMap((r) => (r.othersCpu === undefined ? [] : [r.othersCpu])),
    );
    if (loads.length > 0) {
      out.push(
        '',
        `Contention: 1-min load average before each timed run ${fixed(Math.min(...loads), 2)}–` +
          `${fixed(Math.max(...loads), 2)} (median ${fixed(median(loads), 2)}; the benchmark's own processes ` +
          'account for about 2)' +
          (others.length > 0
            ? `; other processes used ${fixed(Math.min(...others))}–${fixed(Math.max(...others))} % of a core ` +
              `during the runs (median ${fixed(median(others))} %).`
            : '.'),
      );
    }
  }
  out.push(...renderChange(session));
  out.push(END_MARKER);
  return out.join('\n');
}

/**
 * Ratios to bare of this run beside the previous run's, per engine and scenario. Ratios,
 * not req/s: the bare route measured alongside absorbs part of the machine's mood.
 */
export function renderChange(session: Session): string[] {
  const previous = session.previous;
  if (!previous || previous.platformCommit === session.platformCommit) return [];
  const rows: string[] = [];
  for (const engine of session.engines) {
    const before = previous.engines.find((e) => e.engine === engine.engine);
    if (!before) continue;
    const old = new Map(summarise(before).map((s) => [s.id, s]));
    for (const now of summarise(engine)) {
      const was = old.get(now.id);
      if (now.id === 'bare' || !was || was.ratio === undefined || now.ratio === undefined) continue;
      rows.push(
        `| ${engine.engine} | ${now.title} | ${fixed(was.rps)} | ${fixed(now.rps)} | ${fixed(was.ratio, 3)} | ` +
          `${fixed(now.ratio, 3)} | ${now.ratio >= was.ratio ? '+' : '−'}${fixed(Math.abs(now.ratio / was.ratio - 1) * 100)} % |`,
      );
    }
  }
  if (rows.length === 0) return [];
  return [
    '',
    `### Change since the previous run (${previous.startedAt.slice(0, 16).replace('T', ' ')} UTC, platform at ${previous.platformCommit})`,
    '',
    '| engine | scenario | per second then | per second now | ratio to bare then | ratio to bare now | change of the ratio |',
    '|---|---|---:|---:|---:|---:|---:|',
    ...rows,
  ];
}
