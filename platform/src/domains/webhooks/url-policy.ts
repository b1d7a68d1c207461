import { ApiError } from '../../http/api-error';

export const WEBHOOK_URL_MAX = 2048;

/**
 * Webhook URLs (spec §7.2: "the endpoint must be HTTPS"). Production mode requires
 * `https://`; dev mode also accepts `http://` so a backend on localhost can receive them.
 * No credentials in the URL, at most 2048 characters. Returns the URL or null (unset).
 */
export function validateWebhookUrl(input: string | null, mode: 'dev' | 'production'): string | null {
  if (input === null || input === '') return null;
  const found = JSON.stringify(input.slice(0, 80));
  let url: URL | undefined;
  try {
    url = new URL(input);
  } catch {}
  const allowed = mode === 'production' ? ['https:'] : ['https:', 'http:'];
  if (!url || !allowed.includes(url.protocol) || input.length > WEBHOOK_URL_MAX) {
    const expected = mode === 'production' ? 'an https:// URL (production mode)' : 'an http(s) URL';
    throw new ApiError(400, 'invalid_request', `webhook_url: expected ${expected}, found ${found}`);
  }
  if (url.username || url.password) {
    throw new ApiError(
      400,
      'invalid_request',
      `webhook_url: credentials are not allowed in the URL, found ${found}`,
    );
  }
  return input;
}
