import { mkdtempSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { ConfigError, loadConfig, resolveSecretKey } from './index';

const tmp = () => mkdtempSync(join(tmpdir(), 'openminis-config-'));

describe('loadConfig', () => {
  it('applies defaults and freezes the result', () => {
    const config = loadConfig({ env: {} });
    expect(config).toMatchObject({ mode: 'dev', host: '127.0.0.1', port: 8787, bodyLimit: 1_048_576 });
    expect(Object.isFrozen(config)).toBe(true);
  });

  it('reads env over file and overrides over env', () => {
    const dir = tmp();
    const file = join(dir, 'c.json');
    writeFileSync(file, JSON.stringify({ port: 1000, host: '0.0.0.0' }));
    const config = loadConfig({ env: { OPENMINIS_PORT: '2000' }, file });
    expect(config.port).toBe(2000);
    expect(config.host).toBe('0.0.0.0');
    expect(loadConfig({ env: { OPENMINIS_PORT: '2000' }, file, overrides: { port: 3000 } }).port).toBe(3000);
  });

  it('reads the webhook dispatcher concurrency, 32 by default, bounded', () => {
    expect(loadConfig({ env: {} }).webhookConcurrency).toBe(32);
    expect(loadConfig({ env: { OPENMINIS_WEBHOOK_CONCURRENCY: '64' } }).webhookConcurrency).toBe(64);
    expect(() => loadConfig({ env: { OPENMINIS_WEBHOOK_CONCURRENCY: '0' } })).toThrow(
      /OPENMINIS_WEBHOOK_CONCURRENCY/,
    );
  });

  it('names the env var, the expectation and the found value', () => {
    expect(() => loadConfig({ env: { OPENMINIS_PORT: 'eighty' } })).toThrow(
      /OPENMINIS_PORT: .*found "eighty"/,
    );
    expect(() => loadConfig({ env: { OPENMINIS_MODE: 'prod' } })).toThrow(/OPENMINIS_MODE/);
  });

  it('names the file key and rejects unknown keys', () => {
    const dir = tmp();
    const file = join(dir, 'c.json');
    writeFileSync(file, JSON.stringify({ logLevel: 'loud' }));
    expect(() => loadConfig({ env: {}, file })).toThrow(/c\.json: "logLevel"/);
    writeFileSync(file, JSON.stringify({ prot: 1 }));
    expect(() => loadConfig({ env: {}, file })).toThrow(/unknown key\(s\) "prot"/);
    writeFileSync(file, '{nope');
    expect(() => loadConfig({ env: {}, file })).toThrow(ConfigError);
  });

  it('requires a secret key in production and never echoes secrets', () => {
    expect(() => loadConfig({ env: { OPENMINIS_MODE: 'production' } })).toThrow(
      /OPENMINIS_SECRET_KEY: required/,
    );
    try {
      loadConfig({ env: { OPENMINIS_SECRET_KEY: 'short-secret' } });
      expect.unreachable();
    } catch (error) {
      expect(String(error)).toContain('OPENMINIS_SECRET_KEY');
      expect(String(error)).not.toContain('short-secret');
    }
  });
});

describe('resolveSecretKey', () => {
  it('generates a dev key once, with mode 0600, and reuses it', () => {
    const dataDir = tmp();
    const config = loadConfig({ env: {}, overrides: { dataDir } });
    const first = resolveSecretKey(config, false);
    expect(resolveSecretKey(config, false)).toBe(first);
    expect(readFileSync(join(dataDir, 'secret.key'), 'utf8').trim()).toBe(first);
    expect(statSync(join(dataDir, 'secret.key')).mode & 0o777).toBe(0o600);
  });
});
