import { checkString } from './validate';

export function bearer(accessToken: string, where: string): Record<string, string> {
  return { Authorization: `Bearer ${checkString(accessToken, `${where}: accessToken`)}` };
}

export function normaliseBaseUrl(baseUrl: string): string {
  let url: URL;
  try {
    url = new URL(baseUrl);
  } catch {
    throw new TypeError(
      `OpenApiClient: baseUrl must be an absolute http(s) URL, found ${JSON.stringify(baseUrl)}`,
    );
  }
  if (url.protocol !== 'https:' && url.protocol !== 'http:') {
    throw new TypeError(`OpenApiClient: baseUrl must use http or https, found ${JSON.stringify(baseUrl)}`);
  }
  if (url.search || url.hash) {
    throw new TypeError(
      `OpenApiClient: baseUrl must not have a query or fragment, found ${JSON.stringify(baseUrl)}`,
    );
  }
  return `${url.origin}${url.pathname}`.replace(/\/+$/, '');
}

/**
 * TikTok says the code "must be URL-decoded" (spec §6.3): a code copied from a URL arrives with
 * `%2A`-style escapes. Codes never contain a literal `%`, so decoding is safe when escapes are present.
 */
export function urlDecoded(code: string): string {
  if (!/%[0-9a-f]{2}/i.test(code)) return code;
  try {
    return decodeURIComponent(code);
  } catch {
    return code;
  }
}
