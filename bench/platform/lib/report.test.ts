import { describe, expect, it } from 'vitest';
import { renderChange, renderSection, type Session, summarise } from './report';
import { END_MARKER, START_MARKER } from './results-file';
import type { EngineResult, RunResult } from './runner';

const run = (rps: number, extra: Partial<RunResult> = {}): RunResult => ({
  requests: rps * 10,
  seconds: 10,
  rps,
  latencyP50: 1000 / rps,
  latencyP99: 5000 / rps,
  non2xx: 0,
  failedBodies: 0,
  errors: 0,
  timeouts: 0,
  loadBefore: 2,
  serverCpu: 99,
  generatorCpu: 20,
  databaseCpu: undefined,
  othersCpu: 5,
  ...extra,
});

const hooks = (perSecond: number) => ({
  expected: 100,
  delivered: 99,
  badSignatures: 0,
  duplicates: 0,
  deliveriesPerSecond: perSecond,
  latencyP50: 12,
  latencyP99: 80,
  recordedP50: 13,
  recordedP99: 81,
  backlogAtEnd: 30,
  drainPerSecond: perSecond * 2,
});

const engine: EngineResult = {
  engine: 'sqlite',
  description: 'SQLite file (WAL) in a temp dir',
  skipped: [],
  scenarios: [
    {
      id: 'bare',
      title: 'bare',
      warmUp: run(1),
      runs: [run(10_000), run(12_000), run(11_000)],
      prepareSeconds: [],
    },
    {
      id: 'userinfo',
      title: 'user info',
      warmUp: run(1),
      runs: [run(1000), run(1200, { non2xx: 2 }), run(1100, { failedBodies: 1 })],
      prepareSeconds: [],
    },
    {
      id: 'order-pay',
      title: 'paid',
      warmUp: run(1),
      runs: [
        run(500, { webhooks: hooks(400) }),
        run(600, { webhooks: hooks(450) }),
        run(550, { webhooks: hooks(500) }),
      ],
      prepareSeconds: [1, 1, 1],
    },
  ],
};

describe('summarise', () => {
  it('takes medians and divides by the bare median of the same engine block', () => {
    const [bare, userInfo, pay, webhooks] = summarise(engine);
    expect(bare).toMatchObject({ rps: 11_000, ratio: 1 });
    expect(userInfo).toMatchObject({ rps: 1100, non2xx: 3, requests: 33_000 });
    expect(userInfo?.ratio).toBeCloseTo(0.1);
    expect(pay?.rps).toBe(550);
    expect(webhooks).toMatchObject({
      id: 'order-pay-webhooks',
      rps: 450,
      latencyP50: 12,
      latencyP99: 80,
      webhook: true,
    });
    // 1 missing delivery per run
    expect(webhooks?.non2xx).toBe(3);
  });
});

const baseSession: Session = {
  startedAt: '2026-11-22T03:05:00.000Z',
  finishedAt: '2026-11-22T03:20:00.000Z',
  argv: [],
  options: {
    runs: 3,
    duration: 10,
    connections: 10,
    warmUp: 3,
    engines: ['sqlite'],
    postgresUrl: 'postgres://x@127.0.0.1/test',
    logLevel: 'info',
    sqliteDir: undefined,
    scenarios: undefined,
    cpuProf: undefined,
    workingTree: false,
    dryRun: false,
    help: false,
  },
  machine: { nproc: 2, cpu: 'Test CPU', memGiB: 4, os: 'Linux', node: 'v20.20.2' },
  versions: { autocannon: '9', hono: '4', nodeServer: '2', betterSqlite3: '12', pg: '8' },
  platformCommit: 'abc1234',
  loadStart: '0.5 / 0.5 / 0.5',
  loadEnd: '2.0 / 1.0 / 0.5',
  engines: [engine],
  skipped: ['postgres: no server answered'],
};

describe('renderSection', () => {
  it('is one marked section with a table row per scenario and the contention note', () => {
    const session: Session = baseSession;
    const text = renderSection(session);
    expect(text.startsWith(START_MARKER)).toBe(true);
    expect(text.endsWith(END_MARKER)).toBe(true);
    expect(text).toContain(
      '| user info | **1100** | 0.100 | 1 / 5 | 1000 · 1200 · 1100 | 3 / 33000 | 99 / — / 20 / 5 |',
    );
    expect(text).toContain('| signed webhook deliveries');
    expect(text).toContain('Skipped: postgres: no server answered.');
    expect(text).toContain('30 deliveries (median) were still queued, drained at 900/s');
    expect(text).toMatch(/other processes used 5–5 % of a core/);
    expect(text).not.toContain('Change since the previous run');
  });

  it('compares ratios to bare with the previous run of another commit', () => {
    const slower: EngineResult = {
      ...engine,
      scenarios: engine.scenarios.map((s) =>
        s.id === 'userinfo' ? { ...s, runs: s.runs.map((r) => ({ ...r, rps: r.rps / 2 })) } : s,
      ),
    };
    const lines = renderChange({
      ...baseSession,
      previous: { startedAt: '2026-11-22T02:07:00.000Z', platformCommit: 'old1234', engines: [slower] },
    });
    expect(lines.join('\n')).toContain('platform at old1234');
    expect(lines).toContain('| sqlite | user info | 550 | 1100 | 0.050 | 0.100 | +100 % |');
    expect(renderChange({ ...baseSession, previous: { ...baseSession, startedAt: 'x' } })).toEqual([]);
  });
});
