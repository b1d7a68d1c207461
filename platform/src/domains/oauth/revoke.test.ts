import { expect, it } from 'vitest';
import { describeEachEngine, testClient } from '../../testing';
import { expectOAuthError } from './oauth-test-helpers';

describeEachEngine('POST /v2/oauth/revoke/', (ctx) => {
  const t = () => testClient(ctx.platform);

  it('answers 200 with an empty body and disconnects the app from the user', async () => {
    const app = await t().createApp();
    const user = await t().createUser();
    const first = await t().json<{ access_token: string }>(
      t().exchange(app, (await t().login(app.client_key, user.user_id)).code),
    );
    const second = await t().json<{ access_token: string }>(
      t().exchange(app, (await t().login(app.client_key, user.user_id)).code),
    );
    const pending = await t().login(app.client_key, user.user_id);
    const res = await t().revoke(app, first.access_token);
    expect(res.status).toBe(200);
    expect(await res.text()).toBe('');
    // Every token of that user for that app fails afterwards, and so does an unused code.
    for (const token of [first.access_token, second.access_token]) {
      const info = await t().userInfo(token, 'open_id');
      expect(info.status).toBe(401);
      expect(((await info.json()) as { error: { code: string } }).error.code).toBe('access_token_invalid');
    }
    await expectOAuthError(await t().exchange(app, pending.code), 400, 'invalid_grant');
    // Logging in again reconnects.
    const again = await t().json<{ access_token: string }>(
      t().exchange(app, (await t().login(app.client_key, user.user_id)).code),
    );
    expect((await t().userInfo(again.access_token, 'open_id')).status).toBe(200);
  });

  it("leaves the user's other apps and other users alone", async () => {
    const a = await t().signIn();
    const b = await t().signIn();
    expect((await t().revoke(a.app, a.tokens.access_token)).status).toBe(200);
    expect((await t().userInfo(b.tokens.access_token, 'open_id')).status).toBe(200);
  });

  it("does not let an app revoke another app's token", async () => {
    const victim = await t().signIn();
    const attacker = await t().createApp();
    expect((await t().revoke(attacker, victim.tokens.access_token)).status).toBe(200);
    expect((await t().userInfo(victim.tokens.access_token, 'open_id')).status).toBe(200);
  });

  it('queues authorization.removed (reason 5) once per disconnection, in the same transaction', async () => {
    const { app, tokens } = await t().signIn();
    const removed = () =>
      ctx.platform.db
        .selectFrom('webhook_deliveries' as never)
        .select(['event', 'body'] as never[])
        .where('app_id' as never, '=', app.app_id as never)
        .execute() as Promise<{ event: string; body: string }[]>;
    await t().revoke(app, 'act.unknown');
    expect(await removed()).toEqual([]);
    await t().revoke(app, tokens.access_token);
    await t().revoke(app, tokens.access_token);
    const rows = await removed();
    expect(rows.map((row) => row.event)).toEqual(['authorization.removed']);
    const envelope = JSON.parse(rows[0]?.body ?? '{}');
    expect(envelope).toMatchObject({
      client_key: app.client_key,
      event: 'authorization.removed',
      user_openid: tokens.open_id,
    });
    expect(JSON.parse(envelope.content)).toEqual({ reason: 5 });
  });

  it('answers success for unknown or already revoked tokens (RFC 7009)', async () => {
    const { app, tokens } = await t().signIn();
    expect((await t().revoke(app, 'act.unknown')).status).toBe(200);
    expect((await t().revoke(app, tokens.access_token)).status).toBe(200);
    expect((await t().revoke(app, tokens.access_token)).status).toBe(200);
  });

  it('accepts the path without the trailing slash', async () => {
    const { app, tokens } = await t().signIn();
    const res = await t().form('/v2/oauth/revoke', {
      client_key: app.client_key,
      client_secret: app.client_secret,
      token: tokens.access_token,
    });
    expect(res.status).toBe(200);
  });

  it('answers invalid_client, invalid_request and the form checks', async () => {
    const { app, tokens } = await t().signIn();
    await expectOAuthError(
      await t().revoke({ ...app, client_secret: 'nope' }, tokens.access_token),
      401,
      'invalid_client',
    );
    await expectOAuthError(
      await t().form('/v2/oauth/revoke/', { client_key: app.client_key, client_secret: app.client_secret }),
      400,
      'invalid_request',
    );
    await expectOAuthError(
      await t().form('/v2/oauth/revoke/', { token: tokens.access_token }),
      400,
      'invalid_request',
    );
    const json = await t().post('/v2/oauth/revoke/', {
      client_key: app.client_key,
      client_secret: app.client_secret,
      token: tokens.access_token,
    });
    await expectOAuthError(json, 400, 'invalid_request');
    // The failed attempts revoked nothing.
    expect((await t().userInfo(tokens.access_token, 'open_id')).status).toBe(200);
  });
});
