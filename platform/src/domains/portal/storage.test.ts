import { sql } from 'kysely';
import { expect, it } from 'vitest';
import { describeEachEngine } from '../../testing';
import { portalClient } from './portal-test-helpers';

describeEachEngine('portal secrets at rest', (ctx) => {
  it('stores no password, session token or client secret in plain text', async () => {
    const p = portalClient(ctx.platform);
    const password = 'Plaintext-Password-4711';
    const email = 'atrest@example.com';
    await p.call('POST', '/portal/v1/developers', { body: { email, display_name: 'At Rest', password } });
    const session = await p.call('POST', '/portal/v1/sessions', { body: { email, password } });
    const token: string = session.json.session_token;
    const org = await p.call('POST', '/portal/v1/orgs', { token, body: { name: 'Rest Org' } });
    const app = await p.call('POST', `/portal/v1/orgs/${org.json.org_id}/apps`, {
      token,
      body: { name: 'Rest' },
    });
    const rotated = await p.call('POST', `/portal/v1/apps/${app.json.app_id}/secret/rotate`, { token });

    const { db } = ctx.platform.deps;
    const tables = (await db.introspection.getTables()).map((t) => t.name);
    let dump = '';
    for (const table of tables) {
      const rows = await sql`select * from ${sql.table(table)}`.execute(db);
      dump += JSON.stringify(rows.rows);
    }
    // The scan sees the stored rows…
    expect(dump).toContain(email);
    expect(dump).toContain(app.json.client_key);
    expect(dump).toMatch(/scrypt\$/);
    // …and none of the secrets.
    for (const secret of [
      password,
      token,
      token.slice(4),
      app.json.client_secret,
      rotated.json.client_secret,
    ]) {
      expect(dump).not.toContain(secret);
    }
  });
});
