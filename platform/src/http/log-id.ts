import { randomBytes } from 'node:crypto';

/** TikTok-shaped log id: `YYYYMMDDhhmmss` (UTC) + 20 uppercase hex chars = 34 chars. */
export function newLogId(nowMs: number = Date.now()): string {
  const stamp = new Date(nowMs).toISOString().replace(/[-:T]/g, '').slice(0, 14);
  return stamp + randomBytes(10).toString('hex').toUpperCase();
}

export const LOG_ID_PATTERN = /^\d{14}[0-9A-F]{20}$/;
