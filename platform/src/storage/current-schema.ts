import { type Kysely, PostgresIntrospector, sql } from 'kysely';

/**
 * PostgreSQL: the schema tables are created in (first existing entry of search_path).
 * Kysely's introspection lists every schema of the database, so migrations and reset must
 * be pinned to this one, or another schema's tables (a parallel test file, another
 * deployment) would be mistaken for ours. SQLite: undefined (one namespace).
 */
// biome-ignore lint/suspicious/noExplicitAny: works on any database shape
export async function currentSchema(db: Kysely<any>): Promise<string | undefined> {
  if (!(db.introspection instanceof PostgresIntrospector)) return undefined;
  const { rows } = await sql<{ schema: string | null }>`select current_schema() as schema`.execute(db);
  const schema = rows[0]?.schema;
  if (!schema)
    throw new Error('PostgreSQL search_path names no existing schema; create it or fix DATABASE_URL');
  return schema;
}
