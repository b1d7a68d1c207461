import { SIGNATURE_HEADER, signatureHeader } from './signature';

export const RESPONSE_EXCERPT_MAX = 1024;

export interface SendResult {
  ok: boolean;
  httpStatus: number | null;
  /** `timeout`, `network_error: …`, or null when an HTTP response arrived. */
  error: string | null;
  responseExcerpt: string | null;
  durationMs: number;
}

export interface SendInput {
  url: string;
  body: string;
  clientSecret: string;
  /** Epoch ms of the (emulated) clock at send time: the signature's `t`. */
  nowMs: number;
  timeoutMs: number;
  /** Aborts the attempt early (the dispatcher is stopping); the result then says `aborted`. */
  signal?: AbortSignal;
}

/**
 * One POST of a webhook: signed over the exact body bytes at send time, no redirects
 * followed (a 3xx is a failure), bounded by a per-attempt timeout, keeping at most 1 KB
 * of the response. Only 200 acknowledges (spec §7.2: "anything else = failed delivery"), so a
 * receiver answering 204 sees the retries it would see at TikTok.
 */
export async function sendWebhook(input: SendInput): Promise<SendResult> {
  const started = performance.now();
  const elapsed = () => Math.round(performance.now() - started);
  const timeout = AbortSignal.timeout(input.timeoutMs);
  const signal = input.signal ? AbortSignal.any([timeout, input.signal]) : timeout;
  try {
    const response = await fetch(input.url, {
      method: 'POST',
      headers: {
        'content-type': 'application/json',
        'user-agent': 'OpenMinis-Webhooks/1',
        [SIGNATURE_HEADER]: signatureHeader(input.clientSecret, input.body, input.nowMs / 1000),
      },
      body: input.body,
      redirect: 'manual',
      signal,
    });
    const excerpt = await readExcerpt(response, signal);
    return {
      ok: response.status === 200,
      httpStatus: response.status,
      error: null,
      responseExcerpt: excerpt,
      durationMs: elapsed(),
    };
  } catch (error) {
    const timedOut = timeout.aborted;
    const stopped = input.signal?.aborted === true;
    const cause = (error as { cause?: { code?: string; message?: string } }).cause;
    const detail = cause?.code ?? cause?.message ?? (error as Error).message;
    return {
      ok: false,
      httpStatus: null,
      error: stopped
        ? 'aborted: the dispatcher stopped'
        : timedOut
          ? `timeout after ${input.timeoutMs} ms`
          : `network_error: ${String(detail).slice(0, 200)}`,
      responseExcerpt: null,
      durationMs: elapsed(),
    };
  }
}

async function readExcerpt(response: Response, signal: AbortSignal): Promise<string | null> {
  if (!response.body) return null;
  const reader = response.body.getReader();
  const chunks: Uint8Array[] = [];
  let size = 0;
  try {
    while (size < RESPONSE_EXCERPT_MAX && !signal.aborted) {
      const { done, value } = await reader.read();
      if (done) break;
      chunks.push(value);
      size += value.length;
    }
  } catch {
    // A body cut short still leaves what was read.
  } finally {
    reader.cancel().catch(() => {});
  }
  const text = new TextDecoder().decode(Buffer.concat(chunks).subarray(0, RESPONSE_EXCERPT_MAX));
  return text.length > 0 ? text : null;
}
