import type { Kysely } from 'kysely';

/**
 * Developer-portal sign-in: a password per developer account (scrypt, salted; a separate
 * table because accounts created through the emulator control API have none) and portal
 * sessions, stored only as the SHA-256 of the `pst.…` token.
 */
// biome-ignore lint/suspicious/noExplicitAny: migrations must not depend on the evolving Database type
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .createTable('developer_credentials')
    .addColumn('developer_id', 'text', (c) => c.primaryKey().references('developers.id').onDelete('cascade'))
    .addColumn('password_hash', 'text', (c) => c.notNull())
    .addColumn('created_at', 'bigint', (c) => c.notNull())
    .execute();

  await db.schema
    .createTable('developer_sessions')
    .addColumn('token_hash', 'text', (c) => c.primaryKey())
    .addColumn('developer_id', 'text', (c) => c.notNull().references('developers.id').onDelete('cascade'))
    .addColumn('created_at', 'bigint', (c) => c.notNull())
    .addColumn('expires_at', 'bigint', (c) => c.notNull())
    .execute();
  await db.schema
    .createIndex('developer_sessions_developer_id_idx')
    .on('developer_sessions')
    .column('developer_id')
    .execute();
}

// biome-ignore lint/suspicious/noExplicitAny: see up()
export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropTable('developer_sessions').ifExists().execute();
  await db.schema.dropTable('developer_credentials').ifExists().execute();
}
