import type { Kysely } from 'kysely';
import type { Database } from '../../storage';

export interface DeveloperCredentialsTable {
  developer_id: string;
  /** `scrypt$N$r$p$<salt b64>$<key b64>` (see password.ts). */
  password_hash: string;
  created_at: number;
}

export interface DeveloperSessionsTable {
  /** SHA-256 (hex) of the `pst.…` token; the token itself is never stored. */
  token_hash: string;
  developer_id: string;
  created_at: number;
  expires_at: number;
}

export interface DevelopersDatabase extends Database {
  developer_credentials: DeveloperCredentialsTable;
  developer_sessions: DeveloperSessionsTable;
}

/** Same connection, with the tables of migration 0004 in its type. */
export function developersDb(db: Kysely<Database>): Kysely<DevelopersDatabase> {
  return db as unknown as Kysely<DevelopersDatabase>;
}
