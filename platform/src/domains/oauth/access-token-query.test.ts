import { expect, it } from 'vitest';
import { describeEachEngine, testClient } from '../../testing';
import { resolveAccessToken } from './access';

describeEachEngine('resolveAccessToken (query compiled once per database)', (ctx) => {
  const t = () => testClient(ctx.platform);

  it('answers each token with its own grant, user and profile, and nothing for others', async () => {
    const resolved = [];
    for (const name of ['Ada', 'Grace']) {
      const app = await t().createApp();
      const user = await t().createUser({ display_name: name });
      const { code } = await t().login(app.client_key, user.user_id, 'user.info.basic');
      const tokens = await t().json<{ access_token: string; open_id: string }>(t().exchange(app, code));
      resolved.push({ user, tokens });
    }
    for (const { user, tokens } of [...resolved, ...resolved]) {
      const info = await resolveAccessToken(ctx.platform.deps, tokens.access_token);
      expect(info).toMatchObject({ userId: user.user_id, openId: tokens.open_id });
      expect(info?.profile?.displayName).toBe(user.display_name);
    }
    expect(await resolveAccessToken(ctx.platform.deps, 'act.unknown')).toBeUndefined();
  });
});
