import { ApiError } from '../../http/api-error';

export const MAX_TRUSTED_DOMAINS = 20;

/**
 * Spec §4.2 / §10 #37: each entry starts with `https://` (or `wss://`), no wildcards, no
 * paths, at most 20. Entries are normalised to their origin (`https://host[:port]`) and
 * de-duplicated.
 */
export function normalizeTrustedDomains(input: readonly string[]): string[] {
  if (input.length > MAX_TRUSTED_DOMAINS) {
    throw invalid(`at most ${MAX_TRUSTED_DOMAINS} entries, found ${input.length}`);
  }
  const seen = new Set<string>();
  input.forEach((entry, index) => {
    seen.add(normalizeOne(entry, index));
  });
  return [...seen];
}

function normalizeOne(entry: string, index: number): string {
  const where = `trusted_domains[${index}]`;
  if (entry.length > 253 + 16) throw invalid(`${where}: too long`);
  if (!/^(https|wss):\/\//i.test(entry))
    throw invalid(`${where}: must start with https:// or wss://, found ${JSON.stringify(entry)}`);
  if (entry.includes('*'))
    throw invalid(`${where}: wildcards are not allowed, found ${JSON.stringify(entry)}`);
  let url: URL;
  try {
    url = new URL(entry);
  } catch {
    throw invalid(`${where}: not a valid URL, found ${JSON.stringify(entry)}`);
  }
  if (url.username || url.password) throw invalid(`${where}: credentials are not allowed`);
  if (url.pathname !== '/' || url.search || url.hash || /^(https|wss):\/\/[^/]+\/./i.test(entry)) {
    throw invalid(`${where}: paths are not allowed, found ${JSON.stringify(entry)}`);
  }
  return `${url.protocol}//${url.host}`;
}

function invalid(message: string): ApiError {
  return new ApiError(400, 'invalid_request', `trusted_domains: ${message}`);
}
