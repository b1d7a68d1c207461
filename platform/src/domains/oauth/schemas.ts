import {
  ACCESS_TOKEN_TTL_SECONDS,
  GRANT_TYPES,
  type OAuthErrorBody,
  type OAuthErrorName,
  REFRESH_TOKEN_TTL_SECONDS,
  type RevokeRequest,
  type TokenResponse,
} from '@openminis/protocol';
import { z } from 'zod';
import { KNOWN_SCOPES } from './scopes';

/** The OAuth errors this platform answers with (a subset of spec §6.2's list). */
const EMITTED_OAUTH_ERRORS = [
  'invalid_request',
  'invalid_client',
  'invalid_grant',
  'invalid_scope',
  'unsupported_grant_type',
  'server_error',
] as const satisfies readonly OAuthErrorName[];

export const tokenRequestForm = z
  .object({
    client_key: z.string().describe("The app's client key"),
    client_secret: z.string().describe("The app's client secret"),
    grant_type: z.enum(GRANT_TYPES),
    code: z
      .string()
      .optional()
      .describe('For authorization_code: the code from TTMinis.login/authorize (URL-decoded)'),
    refresh_token: z.string().optional().describe('For refresh_token: the latest refresh token'),
  })
  .meta({ id: 'TokenRequest' });

export const tokenResponse = z
  .object({
    access_token: z.string().meta({ example: 'act.example12345Example12345Example' }),
    expires_in: z.number().int().meta({ example: ACCESS_TOKEN_TTL_SECONDS }),
    open_id: z.string(),
    refresh_expires_in: z.number().int().meta({ example: REFRESH_TOKEN_TTL_SECONDS }),
    refresh_token: z.string().meta({ example: 'rft.example12345Example12345Example' }),
    scope: z.string().describe(`Comma-separated granted scopes (${KNOWN_SCOPES.join(', ')})`),
    token_type: z.literal('Bearer'),
  })
  .meta({ id: 'TokenResponse' }) satisfies z.ZodType<TokenResponse>;

export const oauthErrorResponse = z
  .object({
    error: z.enum(EMITTED_OAUTH_ERRORS),
    error_description: z.string(),
    log_id: z.string(),
  })
  .meta({ id: 'OAuthError' }) satisfies z.ZodType<OAuthErrorBody>;

export const revokeRequestForm = z
  .object({
    client_key: z.string(),
    client_secret: z.string(),
    token: z.string().describe("The user's access token (a refresh token is accepted too)"),
  })
  .meta({ id: 'RevokeRequest' }) satisfies z.ZodType<RevokeRequest>;
