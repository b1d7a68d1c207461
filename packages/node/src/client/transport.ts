import { OpenApiError } from './errors';

/** The subset of `fetch` the client needs; pass `(input, init) => app.fetch(new Request(input, init))` to test in-process. */
export type FetchLike = (input: string, init: RequestInit) => Promise<Response> | Response;

export interface TransportOptions {
  baseUrl: string;
  fetch: FetchLike;
  timeoutMs: number;
  userAgent?: string;
}

export interface RawResponse {
  status: number;
  ok: boolean;
  text: string;
  endpoint: string;
}

/** Answers larger than this are cut off and reported as invalid: no Open API answer is near it. */
const MAX_RESPONSE_BYTES = 4 * 1024 * 1024;

/** Sends one request with a timeout and reads the body with a size cap. Never logs tokens or secrets. */
export async function send(
  transport: TransportOptions,
  method: 'GET' | 'POST',
  pathAndQuery: string,
  headers: Record<string, string>,
  body?: string,
): Promise<RawResponse> {
  const endpoint = `${method} ${pathAndQuery.split('?')[0]}`;
  const controller = new AbortController();
  const timer = setTimeout(() => controller.abort(), transport.timeoutMs);
  try {
    const init: RequestInit = {
      method,
      headers: withUserAgent(headers, transport.userAgent),
      signal: controller.signal,
    };
    if (body !== undefined) init.body = body;
    let response: Response;
    try {
      // Raced against the signal too: an injected fetch may ignore it.
      response = await abortable(
        Promise.resolve(transport.fetch(`${transport.baseUrl}${pathAndQuery}`, init)),
        controller.signal,
      );
    } catch (error) {
      throw controller.signal.aborted
        ? failure(
            'timeout',
            'timeout',
            `no answer within ${transport.timeoutMs} ms (timeoutMs)`,
            endpoint,
            error,
          )
        : failure(
            'network',
            'network_error',
            `request failed: ${(error as Error).message ?? String(error)}`,
            endpoint,
            error,
          );
    }
    const text = await readCapped(response, endpoint, controller, transport.timeoutMs);
    return { status: response.status, ok: response.ok, text, endpoint };
  } finally {
    clearTimeout(timer);
  }
}

function abortable<T>(promise: Promise<T>, signal: AbortSignal): Promise<T> {
  if (signal.aborted) return Promise.reject(signal.reason);
  return new Promise<T>((resolve, reject) => {
    const onAbort = () => reject(signal.reason);
    signal.addEventListener('abort', onAbort, { once: true });
    promise.then(
      (value) => {
        signal.removeEventListener('abort', onAbort);
        resolve(value);
      },
      (error: unknown) => {
        signal.removeEventListener('abort', onAbort);
        reject(error);
      },
    );
  });
}

function withUserAgent(
  headers: Record<string, string>,
  userAgent: string | undefined,
): Record<string, string> {
  return userAgent ? { ...headers, 'User-Agent': userAgent } : headers;
}

async function readCapped(
  response: Response,
  endpoint: string,
  controller: AbortController,
  timeoutMs: number,
): Promise<string> {
  if (!response.body) return '';
  const reader = response.body.getReader();
  const chunks: Uint8Array[] = [];
  let size = 0;
  try {
    for (;;) {
      const { done, value } = await abortable(reader.read(), controller.signal);
      if (done) break;
      size += value.byteLength;
      if (size > MAX_RESPONSE_BYTES) {
        await reader.cancel();
        throw failure(
          'invalid_response',
          'response_too_large',
          `answer exceeds ${MAX_RESPONSE_BYTES} bytes`,
          endpoint,
        );
      }
      chunks.push(value);
    }
  } catch (error) {
    if (error instanceof OpenApiError) throw error;
    reader.cancel().catch(() => {});
    throw controller.signal.aborted
      ? failure(
          'timeout',
          'timeout',
          `answer not complete within ${timeoutMs} ms (timeoutMs)`,
          endpoint,
          error,
        )
      : failure(
          'network',
          'network_error',
          `reading the answer failed: ${(error as Error).message}`,
          endpoint,
          error,
        );
  }
  return Buffer.concat(chunks).toString('utf8');
}

export function failure(
  kind: 'network' | 'timeout' | 'invalid_response' | 'http',
  code: string,
  description: string,
  endpoint: string,
  cause?: unknown,
  httpStatus = 0,
): OpenApiError {
  return new OpenApiError({ kind, code, description, endpoint, httpStatus, cause });
}

/** Parses JSON, or returns undefined. */
export function parseJson(text: string): unknown {
  if (text.trim() === '') return undefined;
  try {
    return JSON.parse(text);
  } catch {
    return undefined;
  }
}

export function excerpt(text: string): string {
  const flat = text.replace(/\s+/g, ' ').trim();
  return flat.length > 200 ? `${flat.slice(0, 200)}…` : flat;
}
