import type { Context } from 'hono';
import type { ContentfulStatusCode } from 'hono/utils/http-status';

/** Every error answer has one shape: `{ error: <stable code>, message: <what to do> }`. */
export function fail(
  c: Context,
  status: ContentfulStatusCode,
  error: string,
  message: string,
  extra: object = {},
) {
  return c.json({ error, message, ...extra }, status);
}

/** Reads a small JSON object body; undefined when it is not one (the caller answers 400). */
export async function readJsonObject(c: Context): Promise<Record<string, unknown> | undefined> {
  try {
    const body: unknown = await c.req.json();
    return typeof body === 'object' && body !== null && !Array.isArray(body)
      ? (body as Record<string, unknown>)
      : undefined;
  } catch {
    return undefined;
  }
}
