import { describe, expect, it } from 'vitest';
import { parseOptions } from './options';
import { DEFAULT_ADMIN_URL } from './postgres';

describe('parseOptions', () => {
  it('has bounded defaults', () => {
    expect(parseOptions([], {})).toEqual({
      runs: 5,
      duration: 10,
      connections: 10,
      warmUp: 3,
      engines: ['sqlite', 'postgres'],
      postgresUrl: DEFAULT_ADMIN_URL,
      logLevel: 'info',
      sqliteDir: undefined,
      scenarios: undefined,
      cpuProf: undefined,
      workingTree: false,
      dryRun: false,
      help: false,
    });
  });

  it('reads flags and BENCH_POSTGRES_URL', () => {
    const options = parseOptions(
      [
        '--runs',
        '3',
        '--duration',
        '2',
        '--engines',
        'postgres',
        '--log-level',
        'silent',
        '--sqlite-dir',
        '/dev/shm',
        '--scenarios',
        'token, order-pay',
        '--cpu-prof',
        '/tmp/prof',
        '--working-tree',
        '--dry-run',
      ],
      { BENCH_POSTGRES_URL: 'postgres://u@127.0.0.1:5433/x' },
    );
    expect(options).toMatchObject({
      runs: 3,
      duration: 2,
      engines: ['postgres'],
      postgresUrl: 'postgres://u@127.0.0.1:5433/x',
      logLevel: 'silent',
      sqliteDir: '/dev/shm',
      scenarios: ['token', 'order-pay'],
      cpuProf: '/tmp/prof',
      workingTree: true,
      dryRun: true,
    });
  });

  it('names the flag, what was expected and what was found', () => {
    expect(() => parseOptions(['--runs', '0'], {})).toThrow(
      '--runs: expected a whole number 1–20, found "0"',
    );
    expect(() => parseOptions(['--duration', '1.5'], {})).toThrow('--duration: expected a whole number 1–60');
    expect(() => parseOptions(['--duration', '600'], {})).toThrow('found "600"');
    expect(() => parseOptions(['--engines', 'mysql'], {})).toThrow(
      '--engines: expected sqlite and/or postgres',
    );
    expect(() => parseOptions(['--postgres-url', 'mysql://x'], {})).toThrow('--postgres-url: expected');
    expect(() => parseOptions(['--log-level', 'loud'], {})).toThrow('--log-level: expected');
    expect(() => parseOptions(['--scenarios', 'token,nope'], {})).toThrow(
      '--scenarios: expected some of bare',
    );
    expect(() => parseOptions(['--bogus'], {})).toThrow(/bogus/);
  });
});
