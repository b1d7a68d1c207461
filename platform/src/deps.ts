import type { Logger } from 'pino';
import type { OffsetClock } from './clock';
import type { PlatformConfig } from './config';
import type { SecretBox } from './crypto';
import type { Db, Engine } from './storage';

/**
 * What every service receives: the shared foundation (storage, clock, configuration,
 * secret encryption, logging). Domains take this object instead of reaching for globals.
 */
export interface PlatformDeps {
  db: Db;
  engine: Engine;
  clock: OffsetClock;
  config: PlatformConfig;
  secrets: SecretBox;
  logger: Logger;
  /** Where clients reach this server, without trailing slash. */
  baseUrl: string;
}
