import { expect, it } from 'vitest';
import { describeEachEngine, testClient } from '../../testing';
import { expectOAuthError } from './oauth-test-helpers';

type Tokens = { access_token: string; refresh_token: string; open_id: string; scope: string };

describeEachEngine('POST /v2/oauth/token/ refresh_token', (ctx) => {
  const t = () => testClient(ctx.platform);

  it('rotates the refresh token and keeps the grant (same open_id and scope)', async () => {
    const { app, tokens } = await t().signIn({ scope: 'user.info.basic' });
    const res = await t().refresh(app, tokens.refresh_token);
    expect(res.status).toBe(200);
    const body = (await res.json()) as Tokens & Record<string, unknown>;
    expect(body).toMatchObject({
      expires_in: 86400,
      refresh_expires_in: 31536000,
      token_type: 'Bearer',
      open_id: tokens.open_id,
      scope: 'user.info.basic',
    });
    expect(body.access_token).not.toBe(tokens.access_token);
    expect(body.refresh_token).not.toBe(tokens.refresh_token);
    expect((await t().userInfo(body.access_token, 'display_name')).status).toBe(200);
    // The earlier access token lives on until its own expiry.
    expect((await t().userInfo(tokens.access_token, 'open_id')).status).toBe(200);
  });

  it('refuses a rotated refresh token, but the new one keeps working', async () => {
    const { app, tokens } = await t().signIn();
    const next = await t().json<Tokens>(t().refresh(app, tokens.refresh_token));
    await expectOAuthError(await t().refresh(app, tokens.refresh_token), 400, 'invalid_grant');
    expect((await t().refresh(app, next.refresh_token)).status).toBe(200);
  });

  it('gives one success to concurrent refreshes with one token', async () => {
    const { app, tokens } = await t().signIn();
    const results = await Promise.all([
      t().refresh(app, tokens.refresh_token),
      t().refresh(app, tokens.refresh_token),
    ]);
    expect(results.map((r) => r.status).sort()).toEqual([200, 400]);
  });

  it('refuses a refresh token of another app and a wrong secret', async () => {
    const { tokens } = await t().signIn();
    const other = await t().createApp();
    await expectOAuthError(await t().refresh(other, tokens.refresh_token), 400, 'invalid_grant');
    const { app, tokens: mine } = await t().signIn();
    await expectOAuthError(
      await t().refresh({ ...app, client_secret: 'wrong' }, mine.refresh_token),
      401,
      'invalid_client',
    );
  });

  it('refuses unknown and missing refresh tokens', async () => {
    const app = await t().createApp();
    await expectOAuthError(await t().refresh(app, 'rft.nope'), 400, 'invalid_grant');
    const res = await t().form('/v2/oauth/token/', {
      client_key: app.client_key,
      client_secret: app.client_secret,
      grant_type: 'refresh_token',
    });
    await expectOAuthError(res, 400, 'invalid_request');
  });

  it('expires access tokens after 24 h and refresh tokens after 365 days', async () => {
    const { app, tokens } = await t().signIn();
    await t().advanceClock(86340);
    expect((await t().userInfo(tokens.access_token, 'open_id')).status).toBe(200);
    await t().advanceClock(60);
    expect((await t().userInfo(tokens.access_token, 'open_id')).status).toBe(401);
    const renewed = await t().json<Tokens>(t().refresh(app, tokens.refresh_token));
    expect((await t().userInfo(renewed.access_token, 'open_id')).status).toBe(200);
    await t().advanceClock(31536000);
    await expectOAuthError(await t().refresh(app, renewed.refresh_token), 400, 'invalid_grant');
  });

  it('refuses refresh after revoke', async () => {
    const { app, tokens } = await t().signIn();
    expect((await t().revoke(app, tokens.access_token)).status).toBe(200);
    await expectOAuthError(await t().refresh(app, tokens.refresh_token), 400, 'invalid_grant');
  });
});
