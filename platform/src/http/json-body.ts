import type { Context } from 'hono';
import type { z } from 'zod';
import { ApiError } from './api-error';
import type { AppEnv } from './env';

/**
 * Parses a JSON body against a zod schema. An empty body counts as `{}` so endpoints whose
 * fields are all optional can be called without one. Errors name the field, what was
 * expected and what was found.
 */
export async function readJson<S extends z.ZodType>(
  c: Context<AppEnv>,
  schema: S,
  invalidCode = 'invalid_request',
): Promise<z.output<S>> {
  const text = await c.req.text();
  let value: unknown = {};
  if (text.trim() !== '') {
    const type = (c.req.header('content-type') ?? '').split(';')[0]?.trim().toLowerCase();
    if (type !== 'application/json') {
      throw new ApiError(400, invalidCode, `Content-Type must be application/json, found ${type || 'none'}.`);
    }
    try {
      value = JSON.parse(text);
    } catch {
      throw new ApiError(400, invalidCode, 'The request body is not valid JSON.');
    }
  }
  const parsed = schema.safeParse(value, { reportInput: true });
  if (!parsed.success) throw new ApiError(400, invalidCode, describeZodError(parsed.error));
  return parsed.data;
}

export function describeZodError(error: z.ZodError): string {
  return error.issues
    .map((issue) => {
      const path = issue.path.length > 0 ? issue.path.join('.') : 'body';
      const found = 'input' in issue && issue.input !== undefined ? `, found ${preview(issue.input)}` : '';
      return `${path}: ${issue.message}${found}`;
    })
    .join('; ');
}

function preview(value: unknown): string {
  const text = JSON.stringify(value) ?? String(value);
  return text.length > 60 ? `${text.slice(0, 57)}...` : text;
}
