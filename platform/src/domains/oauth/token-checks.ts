import { GRANT_TYPES, type TokenResponse } from '@openminis/protocol';
import type { Context } from 'hono';
import type { PlatformDeps } from '../../deps';
import { ApiError } from '../../http/api-error';
import type { AppEnv } from '../../http/env';
import { readForm } from '../../http/form';
import { type App, AppsService } from '../apps';
import { exchangeCode, refreshTokens } from './token-service';

/** State threaded through the checks of one token request. */
export interface TokenRequest {
  c: Context<AppEnv>;
  deps: PlatformDeps;
  form: Map<string, string>;
  grantType: string;
  client: App;
  response: TokenResponse;
}

/** One named step; it throws an ApiError (rendered as an OAuth error) to stop the request. */
export interface TokenCheck {
  name: string;
  run(request: Partial<TokenRequest> & Pick<TokenRequest, 'c' | 'deps'>): Promise<void> | void;
}

const invalidRequest = (message: string) => new ApiError(400, 'invalid_request', message);

function required(form: Map<string, string> | undefined, key: string): string {
  const value = form?.get(key);
  if (value === undefined || value === '') throw invalidRequest(`${capitalised(key)} is missed in request.`);
  return value;
}

const capitalised = (key: string) => {
  const words = key.replaceAll('_', ' ');
  return words.charAt(0).toUpperCase() + words.slice(1);
};

export const SUPPORTED_GRANT_TYPES = GRANT_TYPES;

/** RFC 6749 §3.2 / §5.2 order: body shape → grant type → client → grant-specific → issue. */
export const formBody: TokenCheck = {
  name: 'form body',
  async run(r) {
    r.form = await readForm(r.c);
  },
};

export const grantTypePresent: TokenCheck = {
  name: 'grant_type present',
  run(r) {
    r.grantType = required(r.form, 'grant_type');
  },
};

export const grantTypeSupported: TokenCheck = {
  name: 'grant_type supported',
  run(r) {
    if (!(SUPPORTED_GRANT_TYPES as readonly string[]).includes(r.grantType ?? '')) {
      throw new ApiError(
        400,
        'unsupported_grant_type',
        `Grant type ${JSON.stringify((r.grantType ?? '').slice(0, 64))} is not supported; expected ${SUPPORTED_GRANT_TYPES.join(' or ')}.`,
      );
    }
  },
};

export const clientCredentialsPresent: TokenCheck = {
  name: 'client credentials present',
  run(r) {
    required(r.form, 'client_key');
    required(r.form, 'client_secret');
  },
};

export const clientAuthenticated: TokenCheck = {
  name: 'client authenticated',
  async run(r) {
    const key = r.form?.get('client_key') ?? '';
    const secret = r.form?.get('client_secret') ?? '';
    const client = await new AppsService(r.deps).authenticate(key, secret);
    if (!client) throw new ApiError(401, 'invalid_client', 'Client key or client secret is invalid.');
    r.client = client;
  },
};

export const codePresent: TokenCheck = {
  name: 'code present',
  run(r) {
    required(r.form, 'code');
  },
};

export const codeExchanged: TokenCheck = {
  name: 'code exchanged',
  async run(r) {
    r.response = await exchangeCode(r.deps, r.client as App, r.form?.get('code') as string);
  },
};

export const refreshTokenPresent: TokenCheck = {
  name: 'refresh_token present',
  run(r) {
    required(r.form, 'refresh_token');
  },
};

export const refreshTokenRotated: TokenCheck = {
  name: 'refresh token rotated',
  async run(r) {
    r.response = await refreshTokens(r.deps, r.client as App, r.form?.get('refresh_token') as string);
  },
};

export const commonChecks: readonly TokenCheck[] = [
  formBody,
  grantTypePresent,
  grantTypeSupported,
  clientCredentialsPresent,
  clientAuthenticated,
];

export const grantChecks: Record<(typeof SUPPORTED_GRANT_TYPES)[number], readonly TokenCheck[]> = {
  authorization_code: [codePresent, codeExchanged],
  refresh_token: [refreshTokenPresent, refreshTokenRotated],
};

/** Runs the common checks, then the grant's own; returns the issued tokens. */
export async function runTokenRequest(c: Context<AppEnv>, deps: PlatformDeps): Promise<TokenResponse> {
  const request: Partial<TokenRequest> & Pick<TokenRequest, 'c' | 'deps'> = { c, deps };
  for (const check of commonChecks) await check.run(request);
  for (const check of grantChecks[request.grantType as keyof typeof grantChecks]) await check.run(request);
  if (!request.response) throw new Error('token checks finished without a response');
  return request.response;
}
