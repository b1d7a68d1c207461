import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  ACCESS_TOKEN_TTL_SECONDS,
  formatSignatureHeader,
  MAX_SIGNATURE_HEADER_LENGTH,
  MINIS_ERROR_CODES,
  MINIS_ERRORS,
  OAUTH_ERRORS,
  REFRESH_TOKEN_TTL_SECONDS,
  SIGNATURE_HEADER,
  tryParseSignatureHeader,
  USER_INFO_FIELD_SCOPES,
  USER_INFO_FIELDS,
  V2_ERRORS,
  WEBHOOK_EVENTS,
} from '../index';

// Spec §6.2's tables, copied by hand so that a changed code or status fails here.
const SPEC_V2_STATUS = {
  ok: 200,
  access_token_invalid: 401,
  scope_not_authorized: 401,
  scope_permission_missed: 400,
  invalid_params: 400,
  invalid_file_upload: 400,
  rate_limit_exceeded: 429,
  internal_error: 500,
};
const SPEC_MINIS_CODES = [
  '50001000',
  '40001000',
  '20011002',
  '20021001',
  '20021002',
  '20001003',
  '20021101',
  '20021102',
  '20021103',
  '20021108',
  '20021111',
];

describe('Open API error codes (spec §6.2, §10 #30)', () => {
  it('has exactly the generic v2 codes, each with its HTTP status', () => {
    const table = Object.fromEntries(Object.entries(V2_ERRORS).map(([code, e]) => [code, e.httpStatus]));
    expect(table).toEqual(SPEC_V2_STATUS);
  });

  it('has exactly the Minis numeric codes, each described', () => {
    expect(Object.values(MINIS_ERROR_CODES).sort()).toEqual([...SPEC_MINIS_CODES].sort());
    expect(Object.keys(MINIS_ERRORS).sort()).toEqual([...SPEC_MINIS_CODES].sort());
    for (const error of Object.values(MINIS_ERRORS)) {
      expect(error.meaning).not.toBe('');
      expect(error.action).not.toBe('');
    }
  });

  it('answers business errors with 200, 40001000 with 400 and 50001000 with 500', () => {
    const { internal, invalidParams, ...business } = MINIS_ERROR_CODES;
    expect(MINIS_ERRORS[internal].httpStatus).toBe(500);
    expect(MINIS_ERRORS[invalidParams].httpStatus).toBe(400);
    for (const code of Object.values(business)) expect(MINIS_ERRORS[code].httpStatus, code).toBe(200);
    expect(MINIS_ERROR_CODES.orderNotFound).toBe('20011002');
    expect(MINIS_ERROR_CODES.duplicateOrderId).toBe('20021002');
  });

  it('lists the ten OAuth error names', () => {
    expect(new Set(OAUTH_ERRORS).size).toBe(10);
    expect(OAUTH_ERRORS).toContain('invalid_grant');
    expect(OAUTH_ERRORS).toContain('temporarily_unavailable');
  });
});

describe('OAuth and user info (spec §6.3, §6.4)', () => {
  it('gives tokens the documented lifetimes', () => {
    expect(ACCESS_TOKEN_TTL_SECONDS).toBe(24 * 60 * 60);
    expect(REFRESH_TOKEN_TTL_SECONDS).toBe(365 * 24 * 60 * 60);
  });

  it('maps every user field, and only those, to the scopes that unlock it', () => {
    expect(Object.keys(USER_INFO_FIELD_SCOPES)).toEqual([...USER_INFO_FIELDS]);
    for (const field of ['avatar_url', 'avatar_url_100', 'avatar_large_url', 'display_name'] as const)
      expect(USER_INFO_FIELD_SCOPES[field]).toEqual(['user.info.basic']);
  });
});

describe('webhooks (spec §7.4, §7.5)', () => {
  it('names the ten documented events once each', () => {
    const names = Object.values(WEBHOOK_EVENTS);
    expect(new Set(names).size).toBe(10);
    expect(WEBHOOK_EVENTS.redeemSuccess).toBe('minis.trade_order.redeem.success');
    expect(SIGNATURE_HEADER).toBe('Tiktok-Signature');
  });

  it('parses the spec example', () => {
    const s = '18494715036ac4416a1d0a673871a2edbcfc94d94bd88ccd2c5ec9b3425afe66';
    expect(tryParseSignatureHeader(`t=1633174587,s=${s}`)).toEqual({
      ok: true,
      header: { timestamp: 1633174587, timestampText: '1633174587', signatures: [s] },
    });
  });

  it('round-trips format → parse for any timestamp and signature', () => {
    const hex = fc.stringMatching(/^[0-9a-f]{64}$/);
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 4_000_000_000 }), hex, (t, s) => {
        expect(tryParseSignatureHeader(formatSignatureHeader(t, s))).toEqual({
          ok: true,
          header: { timestamp: t, timestampText: String(t), signatures: [s] },
        });
      }),
      { numRuns: 100 },
    );
  });

  it.each([
    ['', 'no "t=" element'],
    [`s=${'a'.repeat(64)}`, 'no "t=" element'],
    ['t=1633174587', 'no "s=" element'],
    [`t=1.5,s=${'a'.repeat(64)}`, 'whole Unix seconds'],
    [`t=-5,s=${'a'.repeat(64)}`, 'whole Unix seconds'],
    ['t=1633174587,s=abc', '64 hex characters'],
    [`t=1,s=${'a'.repeat(64)},${'x'.repeat(MAX_SIGNATURE_HEADER_LENGTH)}`, 'characters long'],
  ])('rejects %j, saying why', (header, why) => {
    const result = tryParseSignatureHeader(header);
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.problem).toContain(why);
  });
});
