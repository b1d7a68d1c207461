import type { Migration } from 'kysely';
import * as m0001 from './0001_core';

/**
 * Every migration, in order. A static list (not a folder scan) so bundled builds keep
 * them. To add one: create `NNNN_name.ts` beside this file and append it here.
 */
export const migrations: Record<string, Migration> = {
  '0001_core': m0001,
};
