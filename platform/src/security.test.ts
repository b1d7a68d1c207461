import { mkdtempSync, readdirSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Writable } from 'node:stream';
import { expect, it } from 'vitest';
import { createPlatform } from './platform';
import { testClient } from './testing';

/**
 * After a full flow on a file-backed SQLite database, none of the plain secrets (client
 * secret, code, access and refresh tokens, secret key) appears in the database files or
 * in the captured logs.
 */
it('keeps codes, tokens and secrets out of the database file and the logs', async () => {
  const dataDir = mkdtempSync(join(tmpdir(), 'openminis-security-'));
  const lines: string[] = [];
  const logDestination = new Writable({
    write(chunk, _encoding, done) {
      lines.push(String(chunk));
      done();
    },
  });
  const platform = await createPlatform({ env: {}, config: { dataDir, logLevel: 'trace' }, logDestination });
  const t = testClient(platform);
  const app = await t.createApp();
  const user = await t.createUser();
  const { code } = await t.login(app.client_key, user.user_id, 'user.info.basic');
  const first = await t.json<{ access_token: string; refresh_token: string }>(t.exchange(app, code));
  await t.exchange(app, code); // reuse: logged as a failure, must not log the code either
  const { code: code2 } = await t.login(app.client_key, user.user_id, 'user.info.basic');
  const fresh = await t.json<{ access_token: string; refresh_token: string }>(t.exchange(app, code2));
  const second = await t.json<{ access_token: string; refresh_token: string }>(
    t.refresh(app, fresh.refresh_token),
  );
  await t.userInfo(second.access_token, 'open_id,display_name');
  await t.revoke(app, second.access_token);
  await platform.close();

  const secretKey = readFileSync(join(dataDir, 'secret.key'), 'utf8').trim();
  const plainValues = {
    client_secret: app.client_secret,
    code,
    code2,
    fresh_refresh_token: fresh.refresh_token,
    access_token: first.access_token,
    refresh_token: first.refresh_token,
    second_access_token: second.access_token,
    second_refresh_token: second.refresh_token,
    secret_key: secretKey,
  };
  const databaseBytes = readdirSync(dataDir)
    .filter((name) => name.startsWith('openminis.sqlite'))
    .map((name) => readFileSync(join(dataDir, name)).toString('latin1'))
    .join('\n');
  expect(databaseBytes).toContain(app.client_key); // the scan does see the stored rows
  const logs = lines.join('');
  expect(logs).toContain('"path":"/v2/oauth/token/"');
  expect(logs).toContain('"status":400,"error":"invalid_grant"');
  for (const [name, value] of Object.entries(plainValues)) {
    expect(databaseBytes.includes(value), `${name} in the database`).toBe(false);
    expect(logs.includes(value), `${name} in the logs`).toBe(false);
  }
});
