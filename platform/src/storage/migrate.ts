import { type Kysely, type MigrationResultSet, Migrator } from 'kysely';
import { currentSchema } from './current-schema';
import { migrations } from './migrations';

export class MigrationError extends Error {
  override name = 'MigrationError';
}

/** Applies every pending migration; throws a MigrationError naming the one that failed. */
// biome-ignore lint/suspicious/noExplicitAny: works on any database shape
export async function migrateToLatest(db: Kysely<any>): Promise<string[]> {
  let outcome: MigrationResultSet;
  try {
    const schema = await currentSchema(db);
    const migrator = new Migrator({
      db,
      provider: { getMigrations: async () => migrations },
      ...(schema ? { migrationTableSchema: schema } : {}),
    });
    outcome = await migrator.migrateToLatest();
  } catch (error) {
    outcome = { error };
  }
  const { error, results } = outcome;
  const failed = results?.find((r) => r.status === 'Error');
  if (error) {
    const reason = error instanceof Error ? error.message : String(error);
    throw new MigrationError(
      failed
        ? `migration ${failed.migrationName} failed: ${reason}`
        : `cannot reach or prepare the database (check DATABASE_URL / OPENMINIS_DATA_DIR): ${reason}`,
    );
  }
  return (results ?? []).filter((r) => r.status === 'Success').map((r) => r.migrationName);
}
