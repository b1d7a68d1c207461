import { createHmac } from 'node:crypto';

export const SIGNATURE_HEADER = 'Tiktok-Signature';

/**
 * `Tiktok-Signature: t=<unix seconds>,s=<hex HMAC-SHA256(client_secret, t + "." + body)>`
 * (spec §7.5), computed over the exact body bytes at send time.
 */
export function signatureHeader(clientSecret: string, body: string, unixSeconds: number): string {
  const t = String(Math.floor(unixSeconds));
  const s = createHmac('sha256', clientSecret).update(`${t}.`, 'utf8').update(body, 'utf8').digest('hex');
  return `t=${t},s=${s}`;
}
