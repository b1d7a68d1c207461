import { expect, it } from 'vitest';
import { describeEachEngine } from '../testing';
import { migrateToLatest } from './migrate';
import { deleteAllRows } from './reset';

describeEachEngine('storage', (ctx) => {
  it('has applied every migration, and re-running is a no-op', async () => {
    expect(await migrateToLatest(ctx.platform.db)).toEqual([]);
    const tables = (await ctx.platform.db.introspection.getTables()).map((t) => t.name);
    expect(tables).toEqual(
      expect.arrayContaining(['apps', 'users', 'oauth_codes', 'oauth_grants', 'platform_state']),
    );
  });

  it('returns bigint timestamps as numbers', async () => {
    const now = 1_795_000_000_123;
    await ctx.platform.db.insertInto('orgs').values({ id: 'o-ts', name: 'T', created_at: now }).execute();
    const row = await ctx.platform.db
      .selectFrom('orgs')
      .selectAll()
      .where('id', '=', 'o-ts')
      .executeTakeFirstOrThrow();
    expect(row.created_at).toBe(now);
  });

  it('deletes every row, including rows guarded by foreign keys', async () => {
    const { db, engine } = ctx.platform;
    await db.insertInto('orgs').values({ id: 'o-fk', name: 'O', created_at: 1 }).execute();
    await db
      .insertInto('apps')
      .values({
        id: 'a-fk',
        org_id: 'o-fk',
        name: 'A',
        client_key: 'k-fk',
        client_secret_enc: 'x',
        webhook_url: null,
        trusted_domains: '[]',
        created_at: 1,
      })
      .execute();
    await deleteAllRows(db, engine);
    expect(await db.selectFrom('apps').selectAll().execute()).toEqual([]);
    expect(await db.selectFrom('orgs').selectAll().execute()).toEqual([]);
    expect(await migrateToLatest(db)).toEqual([]);
  });

  it('enforces foreign keys', async () => {
    const insert = ctx.platform.db
      .insertInto('apps')
      .values({
        id: 'a-x',
        org_id: 'missing',
        name: 'A',
        client_key: 'k-x',
        client_secret_enc: 'x',
        webhook_url: null,
        trusted_domains: '[]',
        created_at: 1,
      })
      .execute();
    await expect(insert).rejects.toThrow();
  });
});

it('keeps parallel PostgreSQL schemas apart (migration bookkeeping and reset)', async () => {
  const { postgresTestUrl, createTestPlatform } = await import('../testing');
  if (!postgresTestUrl()) return;
  const [a, b] = await Promise.all([createTestPlatform('postgres'), createTestPlatform('postgres')]);
  try {
    await a.db.insertInto('orgs').values({ id: 'kept', name: 'B keeps this', created_at: 1 }).execute();
    await b.db.insertInto('orgs').values({ id: 'kept', name: 'B keeps this', created_at: 1 }).execute();
    await deleteAllRows(a.db, 'postgres');
    expect(await a.db.selectFrom('orgs').selectAll().execute()).toEqual([]);
    expect(await b.db.selectFrom('orgs').select('id').execute()).toEqual([{ id: 'kept' }]);
    expect(await migrateToLatest(b.db)).toEqual([]);
  } finally {
    await Promise.all([a.close(), b.close()]);
  }
});

it('lets instances sharing one PostgreSQL database agree on the emulated clock', async () => {
  const { postgresTestUrl, createTestPlatform, testClient } = await import('../testing');
  const url = postgresTestUrl();
  if (!url) return;
  const first = await createTestPlatform('postgres');
  const schema = await (await import('./current-schema')).currentSchema(first.db);
  const { createPlatform } = await import('../platform');
  const second = await createPlatform({
    env: {},
    database: url,
    databaseSchema: schema,
    config: { logLevel: 'silent' },
  });
  try {
    const before = (await testClient(second).json<{ now: number }>(second.app.request('/emulator/v1/clock')))
      .now;
    await testClient(first).advanceClock(3600);
    const after = (await testClient(second).json<{ now: number }>(second.app.request('/emulator/v1/clock')))
      .now;
    expect(after - before).toBeGreaterThanOrEqual(3_600_000);
  } finally {
    await second.close();
    await first.close();
  }
});
