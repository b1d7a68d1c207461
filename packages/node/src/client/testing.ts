import type { V2Success } from '@openminis/protocol';
import type { FetchLike } from './transport';

export interface CapturedRequest {
  method: string;
  url: URL;
  headers: Record<string, string>;
  body: string;
}

/**
 * A `fetch` that records each request and answers from a queue of canned responses.
 * Used by this package's tests; exported for developers testing their own backends too.
 */
export function createCapturingFetch(...responses: Array<Response | (() => Response | Promise<Response>)>) {
  const requests: CapturedRequest[] = [];
  const fetch: FetchLike = async (input, init) => {
    const request = new Request(input, init);
    const headers: Record<string, string> = {};
    request.headers.forEach((value, key) => {
      headers[key] = value;
    });
    requests.push({ method: request.method, url: new URL(request.url), headers, body: await request.text() });
    const next = responses.shift();
    if (!next)
      throw new Error(`createCapturingFetch: no response queued for ${request.method} ${request.url}`);
    return typeof next === 'function' ? next() : next;
  };
  return { fetch, requests };
}

/** A JSON response. */
export function json(body: unknown, status = 200): Response {
  return new Response(JSON.stringify(body), { status, headers: { 'content-type': 'application/json' } });
}

/** A v2 success envelope around `data`. */
export function envelope(data: unknown, logId = '20241125114034036EE8AEADBAF91D5E93'): Response {
  return json({ data, error: { code: 'ok', message: '', log_id: logId } } satisfies V2Success<unknown>);
}
