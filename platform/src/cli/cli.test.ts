import { execFile } from 'node:child_process';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { describe, expect, it } from 'vitest';
import { settings } from '../config';
import { type CliIo, runCli } from './run';

function fakeIo(env: NodeJS.ProcessEnv = {}, onOut?: (text: string) => void) {
  const out: string[] = [];
  const err: string[] = [];
  let stop: (signal: string) => void = () => {};
  const stopped = new Promise<string>((resolve) => {
    stop = resolve;
  });
  const io: CliIo = {
    out: (t) => {
      out.push(t);
      onOut?.(t);
    },
    err: (t) => err.push(t),
    env: { OPENMINIS_LOG_LEVEL: 'silent', ...env },
    stopSignal: () => stopped,
  };
  return { io, out, err, stop };
}

describe('openminis CLI', () => {
  it('lists every setting with its env var in --help', async () => {
    const { io, out } = fakeIo();
    expect(await runCli(['--help'], io)).toBe(0);
    for (const setting of settings) expect(out.join('')).toContain(setting.env);
    expect(out.join('')).toContain('OPENMINIS_CONFIG');
  });

  it('explains usage errors without a stack trace', async () => {
    for (const argv of [[], ['frob'], ['serve', '--port', 'x'], ['serve', '--nope'], ['migrate', '--demo']]) {
      const { io, err } = fakeIo();
      expect(await runCli(argv, io)).toBe(2);
      expect(err.join('')).toMatch(/^openminis: /);
      expect(err.join('')).not.toContain('    at ');
    }
    const { io, err } = fakeIo({ OPENMINIS_MODE: 'production' });
    expect(await runCli(['migrate'], io)).toBe(2);
    expect(err.join('')).toContain('OPENMINIS_SECRET_KEY');
  });

  it('migrates, then serves with idempotent demo data until stopped', async () => {
    const dataDir = mkdtempSync(join(tmpdir(), 'openminis-cli-'));
    const migrate = fakeIo();
    expect(await runCli(['migrate', '--data-dir', dataDir], migrate.io)).toBe(0);
    expect(migrate.out.join('')).toContain('migrations applied (sqlite)');

    const banners: string[] = [];
    for (let run = 0; run < 2; run++) {
      let ready: () => void = () => {};
      const started = new Promise<void>((resolve) => {
        ready = resolve;
      });
      const serve = fakeIo({}, () => ready());
      const exit = runCli(['serve', '--demo', '--port', '0', '--data-dir', dataDir], serve.io);
      await started;
      const banner = serve.out.join('');
      const baseUrl = /running at (http:\/\/\S+)/.exec(banner)?.[1];
      expect((await fetch(`${baseUrl}/healthz`)).status).toBe(200);
      serve.stop('SIGTERM');
      expect(await exit).toBe(0);
      banners.push(/client key\s+(\S+)/.exec(banner)?.[1] ?? '');
    }
    expect(banners[0]).toMatch(/^aw/);
    expect(banners[1]).toBe(banners[0]);
  });

  it('runs from the bin launcher through tsx', async () => {
    const bin = new URL('../../bin/openminis.mjs', import.meta.url);
    const { stdout } = await promisify(execFile)(process.execPath, [bin.pathname, '--version']);
    expect(stdout.trim()).toMatch(/^\d+\.\d+\.\d+$/);
  });
});
