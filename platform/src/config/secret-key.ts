import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { randomString } from '../crypto';
import type { PlatformConfig } from './settings';

/**
 * The key that encrypts client secrets. Production must configure it. In dev mode it is
 * generated once and kept in `<dataDir>/secret.key` (mode 0600) so a restarted server
 * can still decrypt what it stored; an in-memory database gets a throwaway key.
 */
export function resolveSecretKey(config: PlatformConfig, inMemory: boolean): string {
  if (config.secretKey) return config.secretKey;
  if (config.mode === 'production') throw new Error('OPENMINIS_SECRET_KEY is required in production');
  if (inMemory) return randomString(48);
  const path = join(config.dataDir, 'secret.key');
  try {
    const existing = readFileSync(path, 'utf8').trim();
    if (existing.length >= 32) return existing;
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'ENOENT') throw error;
  }
  mkdirSync(config.dataDir, { recursive: true, mode: 0o700 });
  const key = randomString(48);
  writeFileSync(path, `${key}\n`, { mode: 0o600, flag: 'wx' });
  return key;
}
