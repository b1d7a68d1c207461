/** Settings from the environment, checked once at start; errors name the variable and what was expected. */
export interface ShopConfig {
  openApiBaseUrl: string;
  clientKey: string;
  clientSecret: string;
  host: string;
  port: number;
  webhookToleranceSeconds: number;
  exposeState: boolean;
  allowedOrigins?: string[];
  /** SQLite file for the shop's data; unset = in memory (lost on restart). */
  databasePath?: string;
}

/** Where a local OpenMinis platform listens by default (`openminis serve`). */
export const DEFAULT_OPENAPI_BASE_URL = 'http://127.0.0.1:8787';

export class ConfigError extends Error {
  override readonly name = 'ConfigError';
}

export function loadShopConfig(env: Record<string, string | undefined> = process.env): ShopConfig {
  const required = (name: string) => {
    const value = env[name]?.trim();
    if (!value) {
      throw new ConfigError(
        `${name} is not set: expected the app's ${name === 'CLIENT_KEY' ? 'client key' : 'client secret'} ` +
          '(create an app with `curl -X POST <platform>/emulator/v1/apps -d {"name":"Drama shop"}`)',
      );
    }
    return value;
  };
  const integer = (name: string, fallback: number, min: number, max: number) => {
    const raw = env[name]?.trim();
    if (!raw) return fallback;
    const value = Number(raw);
    if (!Number.isInteger(value) || value < min || value > max) {
      throw new ConfigError(`${name} must be an integer from ${min} to ${max}, found ${JSON.stringify(raw)}`);
    }
    return value;
  };
  const openApiBaseUrl = env.OPENAPI_BASE_URL?.trim() || DEFAULT_OPENAPI_BASE_URL;
  if (!/^https?:\/\/[^/]/.test(openApiBaseUrl)) {
    throw new ConfigError(`OPENAPI_BASE_URL must be an http(s) URL, found ${JSON.stringify(openApiBaseUrl)}`);
  }
  const origins = env.ALLOWED_ORIGINS?.split(',')
    .map((s) => s.trim())
    .filter(Boolean);
  return {
    openApiBaseUrl,
    clientKey: required('CLIENT_KEY'),
    clientSecret: required('CLIENT_SECRET'),
    host: env.HOST?.trim() || '127.0.0.1',
    port: integer('PORT', 3100, 0, 65535),
    webhookToleranceSeconds: integer('WEBHOOK_TOLERANCE_SECONDS', 300, 0, 10 * 365 * 24 * 3600),
    exposeState: env.EXPOSE_STATE?.trim() !== '0' && env.EXPOSE_STATE?.trim() !== 'false',
    allowedOrigins: origins && origins.length > 0 ? origins : undefined,
    databasePath: env.SHOP_DATABASE?.trim() || undefined,
  };
}
