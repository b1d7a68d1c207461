/** Maximum number of trusted domains, mirroring the portal (spec §4.2). */
export const MAX_TRUSTED_DOMAINS = 20;

const LOCAL_HOSTS = new Set(['localhost', '127.0.0.1', '[::1]']);

export type TrustedDomainCheck =
  | { ok: true; origin: string; warning?: string }
  | { ok: false; expected: string };

const ORIGIN = 'an https:// (or wss://) origin';

/**
 * Validates one trusted-domain entry (spec §2.5 rule 4, §4.2, §10 #37) and normalises it to an origin:
 * lowercase host, no trailing slash, default port dropped.
 */
export function checkTrustedDomain(value: string): TrustedDomainCheck {
  const text = value.trim();
  if (text.includes('*')) return { ok: false, expected: `${ORIGIN} without wildcards` };
  if (!/^[a-z][a-z0-9+.-]*:\/\//i.test(text))
    return { ok: false, expected: `${ORIGIN} starting with https://` };
  let url: URL;
  try {
    url = new URL(text);
  } catch {
    return { ok: false, expected: `${ORIGIN} that is a valid URL` };
  }
  if (url.username !== '' || url.password !== '')
    return { ok: false, expected: `${ORIGIN} without credentials` };
  // URL normalises an empty path to "/", so "/" is the only acceptable path; the raw text decides
  // whether a lone "?" or "#" was present.
  if (url.pathname !== '/' || url.search !== '' || url.hash !== '' || /[?#]/.test(text)) {
    return { ok: false, expected: `${ORIGIN} without a path, query or fragment` };
  }
  const origin = `${url.protocol}//${url.host}`;
  if (url.protocol === 'https:' || url.protocol === 'wss:') return { ok: true, origin };
  if ((url.protocol === 'http:' || url.protocol === 'ws:') && LOCAL_HOSTS.has(url.hostname)) {
    return {
      ok: true,
      origin,
      warning: `${origin} is accepted for local development only; the portal requires https:// domains`,
    };
  }
  return { ok: false, expected: `${ORIGIN}, not ${url.protocol}//` };
}
