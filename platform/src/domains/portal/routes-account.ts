import type { PlatformDeps } from '../../deps';
import { readJson } from '../../http/json-body';
import type { RouteDef } from '../../http/route-table';
import { DevelopersService } from '../developers';
import { portalRoute } from './portal-route';
import { presentDeveloper } from './present';
import { developerResponse, logInBody, okResponse, sessionResponse, signUpBody } from './schemas';
import { currentSession } from './session-guard';

/** Sign-up, log-in, log-out and "who am I" (spec §1.2 stage 1). */
export function portalAccountRoutes(deps: PlatformDeps): RouteDef[] {
  const developers = new DevelopersService(deps);
  return [
    portalRoute(deps, {
      public: true,
      method: 'post',
      path: '/portal/v1/developers',
      summary: 'Sign up: create a developer account',
      request: { json: signUpBody },
      responses: {
        201: { description: 'Created', schema: developerResponse },
        409: { description: 'conflict: the e-mail is taken' },
      },
      handler: async (c) => {
        const body = await readJson(c, signUpBody, 'invalid_params');
        const developer = await developers.signUp({
          email: body.email,
          displayName: body.display_name,
          password: body.password,
        });
        return c.json(presentDeveloper(developer), 201);
      },
    }),
    portalRoute(deps, {
      public: true,
      method: 'post',
      path: '/portal/v1/sessions',
      summary: 'Log in: exchange e-mail and password for a session token (7 days)',
      request: { json: logInBody },
      responses: {
        201: { description: 'Session created', schema: sessionResponse },
        401: { description: 'unauthenticated: wrong e-mail or password' },
      },
      handler: async (c) => {
        const body = await readJson(c, logInBody, 'invalid_params');
        const { developer, session } = await developers.logIn(body);
        return c.json(
          {
            session_token: session.token,
            expires_at: session.expiresAt,
            developer: presentDeveloper(developer),
          },
          201,
        );
      },
    }),
    portalRoute(deps, {
      method: 'delete',
      path: '/portal/v1/sessions/current',
      summary: 'Log out: end the session of the presented token',
      responses: { 200: { description: 'Logged out', schema: okResponse } },
      handler: async (c) => {
        await developers.logOut(currentSession(c).token);
        return c.json({ ok: true as const });
      },
    }),
    portalRoute(deps, {
      method: 'get',
      path: '/portal/v1/me',
      summary: 'The developer of the session',
      responses: { 200: { description: 'Developer', schema: developerResponse } },
      handler: async (c) => c.json(presentDeveloper(currentSession(c).developer)),
    }),
  ];
}
