import { saveClockOffset } from '../../clock';
import type { PlatformDeps } from '../../deps';
import { readJson } from '../../http/json-body';
import type { RouteDef } from '../../http/route-table';
import { deleteAllRows } from '../../storage';
import { issueAuthorizationCode } from '../oauth/codes';
import { formatScopes } from '../oauth/scopes';
import { controlRoute } from './control-route';
import { clockResponse, loginBody, loginResponse, okResponse, setClockBody } from './schemas';

export function emulatorSessionRoutes(deps: PlatformDeps): RouteDef[] {
  const clockBody = () => {
    const now = deps.clock.now();
    return { now, iso: new Date(now).toISOString(), offset_ms: deps.clock.offsetMs };
  };
  return [
    controlRoute(deps, {
      method: 'post',
      path: '/emulator/v1/login',
      summary: 'The code TTMinis.login (no scope) or TTMinis.authorize (with scope) would return',
      request: { json: loginBody },
      responses: { 200: { description: 'A single-use code, valid 5 minutes', schema: loginResponse } },
      handler: async (c) => {
        const body = await readJson(c, loginBody);
        const issued = await issueAuthorizationCode(deps, {
          clientKey: body.client_key,
          userId: body.user_id,
          scope: body.scope,
        });
        return c.json({
          code: issued.code,
          scope: formatScopes(issued.scopes),
          expires_in: issued.expiresIn,
        });
      },
    }),
    controlRoute(deps, {
      method: 'get',
      path: '/emulator/v1/clock',
      summary: 'The emulated time every expiry reads',
      responses: { 200: { description: 'Now', schema: clockResponse } },
      handler: (c) => c.json(clockBody()),
    }),
    controlRoute(deps, {
      method: 'post',
      path: '/emulator/v1/clock',
      summary: 'Advance ({advance_seconds}) or set ({now}) the emulated time',
      request: { json: setClockBody },
      responses: { 200: { description: 'Now', schema: clockResponse } },
      handler: async (c) => {
        const body = await readJson(c, setClockBody);
        if ('advance_seconds' in body) deps.clock.advance(body.advance_seconds * 1000);
        else deps.clock.set(typeof body.now === 'number' ? body.now : Date.parse(body.now));
        await saveClockOffset(deps.db, deps.clock);
        return c.json(clockBody());
      },
    }),
    controlRoute(deps, {
      method: 'post',
      path: '/emulator/v1/reset',
      summary: 'Delete all data (organizations, apps, users, codes, tokens, …) and reset the clock',
      responses: { 200: { description: 'Reset', schema: okResponse } },
      handler: async (c) => {
        await deleteAllRows(deps.db, deps.engine);
        deps.clock.reset();
        return c.json({ ok: true });
      },
    }),
  ];
}
