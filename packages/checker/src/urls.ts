/**
 * URL classification shared by the HTML, CSS and JS checks. Strings folded from code may contain
 * UNKNOWN where a non-constant part was concatenated: only the known prefix can decide anything.
 */
export const UNKNOWN = '\u0000';

/** Hosts of the TikTok Minis SDK script (spec §3.1, §5.1): never an external-resource or request finding. */
const SDK_HOSTS = new Set(['connect.tiktok-minis.com', 'developers.tiktok.com']);
const SDK_SCRIPTS = new Set(['connect.tiktok-minis.com/drama/sdk.js', 'developers.tiktok.com/js/minis.js']);

export interface AbsoluteUrl {
  /** Lower-case scheme without colon; `https` for protocol-relative `//host` URLs. */
  scheme: string;
  /** Lower-case host[:port], default port removed. */
  host: string;
  /** The URL as written (known prefix only when folded with unknown parts). */
  text: string;
  /** Path after the host (known prefix), `/` when empty. */
  path: string;
}

/**
 * Parses an absolute (`scheme://host…`) or protocol-relative (`//host…`) URL whose host is fully
 * known. Returns undefined for relative URLs, unknown hosts and other schemes (data:, blob:, …).
 */
export function parseAbsoluteUrl(raw: string): AbsoluteUrl | undefined {
  const text = raw.trim();
  const match = /^(?:([a-zA-Z][a-zA-Z0-9+.-]*):)?([\\/]*)([^/\\?#\p{Cc}]*)([/\\?#]|$)/u.exec(text);
  if (!match) return undefined;
  const scheme = (match[1] ?? 'https').toLowerCase();
  if (!['http', 'https', 'ws', 'wss'].includes(scheme)) return undefined;
  // How browsers read it against the Mini's https page (WHATWG URL): `//host` and `///host` name a
  // host, `/path` does not; `https:/host` and `https:\host` do (slashes and backslashes alike),
  // `https:path` is relative; another scheme names a host however many slashes follow (`http:host`).
  const slashes = (match[2] ?? '').length;
  if (match[1] === undefined ? slashes < 2 : scheme === 'https' && slashes < 1) return undefined;
  const hostPart = match[3] ?? '';
  // A host that ends where an unknown part begins is not known (`'https://' + host`).
  const end = (match.index ?? 0) + match[0].length;
  if (match[4] === '' && end < text.length) return undefined;
  if (hostPart === '') return undefined;
  let host: string;
  try {
    const url = new URL(`${scheme === 'ws' || scheme === 'wss' ? scheme : scheme}://${hostPart}/`);
    host = url.host.toLowerCase();
  } catch {
    return undefined;
  }
  const rest = text.slice(end - (match[4] ? 1 : 0));
  const unknownAt = rest.indexOf(UNKNOWN);
  const path = (unknownAt === -1 ? rest : rest.slice(0, unknownAt)) || '/';
  return { scheme, host, text: unknownAt === -1 ? text : text.slice(0, text.indexOf(UNKNOWN)), path };
}

export function isSdkHost(url: AbsoluteUrl): boolean {
  return SDK_HOSTS.has(url.host);
}

export function isSdkScript(url: AbsoluteUrl): boolean {
  const path = url.path.split(/[?#]/)[0] ?? '';
  return SDK_SCRIPTS.has(`${url.host}${path}`);
}

/** Font services whose stylesheets only declare @font-face (spec §4.1 R4: fonts are the exception). */
export function isFontHost(url: AbsoluteUrl): boolean {
  const host = url.host.split(':')[0] ?? '';
  return host.startsWith('fonts.') || host === 'use.typekit.net' || host === 'p.typekit.net';
}

export function isVConsole(url: AbsoluteUrl): boolean {
  return /vconsole/i.test(url.path);
}

export interface TrustedOrigins {
  has(url: AbsoluteUrl): boolean;
}

/**
 * Trusted domains are origins such as `https://api.example.com` (spec §4.2, §2.5 rule 4).
 * A `wss://host` request is trusted when `wss://host` or `https://host` is listed (spec §10 #37
 * allows both schemes; a server trusted for HTTPS is trusted for its secure WebSocket), and
 * likewise `ws://host` for `ws://host` or `http://host`. The SDK hosts are always trusted.
 */
export function trustedOrigins(domains: readonly string[] | undefined): TrustedOrigins {
  const origins = new Set<string>();
  for (const domain of domains ?? []) {
    const url = parseAbsoluteUrl(domain.includes('//') ? domain : `https://${domain}`);
    if (url) origins.add(`${url.scheme}://${url.host}`);
  }
  return {
    has(url) {
      if (isSdkHost(url)) return true;
      if (origins.has(`${url.scheme}://${url.host}`)) return true;
      if (url.scheme === 'wss') return origins.has(`https://${hostWithPort(url.host, 'https')}`);
      if (url.scheme === 'ws') return origins.has(`http://${hostWithPort(url.host, 'http')}`);
      return false;
    },
  };
}

function hostWithPort(host: string, scheme: 'http' | 'https'): string {
  // The default port of ws/wss equals that of http/https, so URL normalisation already agrees.
  return scheme === 'https' ? host.replace(/:443$/, '') : host.replace(/:80$/, '');
}
