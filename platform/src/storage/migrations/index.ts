import type { Migration } from 'kysely';
import * as m0001 from './0001_core';
import * as m0002 from './0002_payments';
import * as m0003 from './0003_webhooks';
import * as m0004 from './0004_developers';

/**
 * Every migration, in order. A static list (not a folder scan) so bundled builds keep
 * them. To add one: create `NNNN_name.ts` beside this file and append it here.
 */
export const migrations: Record<string, Migration> = {
  '0001_core': m0001,
  '0002_payments': m0002,
  '0003_webhooks': m0003,
  '0004_developers': m0004,
};
