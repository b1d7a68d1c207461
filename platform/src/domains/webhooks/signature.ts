import { createHmac } from 'node:crypto';
import { formatSignatureHeader } from '@openminis/protocol';

export { SIGNATURE_HEADER } from '@openminis/protocol';

/**
 * `Tiktok-Signature: t=<unix seconds>,s=<hex HMAC-SHA256(client_secret, t + "." + body)>`
 * (spec §7.5), computed over the exact body bytes at send time.
 */
export function signatureHeader(clientSecret: string, body: string, unixSeconds: number): string {
  const t = Math.floor(unixSeconds);
  const s = createHmac('sha256', clientSecret).update(`${t}.`, 'utf8').update(body, 'utf8').digest('hex');
  return formatSignatureHeader(t, s);
}
