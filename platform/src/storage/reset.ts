import { sql } from 'kysely';
import { currentSchema } from './current-schema';
import type { Engine } from './dialect';
import type { Db } from './schema';

/**
 * Deletes every row of every application table (not the migration bookkeeping). Tables
 * added by later migrations are included automatically.
 */
export async function deleteAllRows(db: Db, engine: Engine): Promise<void> {
  const schema = await currentSchema(db);
  const tables = (await db.introspection.getTables())
    .filter((t) => schema === undefined || t.schema === schema)
    .map((t) => t.name)
    .filter((name) => !name.startsWith('kysely_migration'));
  if (tables.length === 0) return;
  if (engine === 'postgres') {
    await sql`truncate table ${sql.join(tables.map((t) => sql.table(t)))} cascade`.execute(db);
    return;
  }
  // SQLite: foreign keys are checked per statement; defer them to the end of the transaction.
  await db.transaction().execute(async (trx) => {
    await sql`pragma defer_foreign_keys = on`.execute(trx);
    for (const table of tables) await sql`delete from ${sql.table(table)}`.execute(trx);
  });
}
