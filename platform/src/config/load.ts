import { readFileSync } from 'node:fs';
import type { z } from 'zod';
import { configSchema, type PlatformConfig, type PlatformConfigInput, settings } from './settings';

export class ConfigError extends Error {
  override name = 'ConfigError';
}

export interface LoadConfigOptions {
  env?: NodeJS.ProcessEnv;
  /** Path of a JSON config file; falls back to OPENMINIS_CONFIG. */
  file?: string;
  /** Highest precedence (command-line flags, test overrides). */
  overrides?: PlatformConfigInput;
}

type Source = { value: unknown; origin: string };

/**
 * Precedence: overrides > environment > config file > defaults. Validated once; the
 * result is frozen. Errors name where the bad value came from, what was expected and
 * what was found.
 */
export function loadConfig(options: LoadConfigOptions = {}): PlatformConfig {
  const env = options.env ?? process.env;
  const filePath = options.file ?? env.OPENMINIS_CONFIG;
  const fileValues = filePath ? readConfigFile(filePath) : {};
  const sources = new Map<string, Source>();
  for (const setting of settings) {
    const fromOverride = options.overrides?.[setting.key as keyof PlatformConfigInput];
    const fromEnv = env[setting.env];
    if (fromOverride !== undefined) sources.set(setting.key, { value: fromOverride, origin: setting.key });
    else if (fromEnv !== undefined && fromEnv !== '')
      sources.set(setting.key, { value: fromEnv, origin: setting.env });
    else if (setting.key in fileValues)
      sources.set(setting.key, { value: fileValues[setting.key], origin: `${filePath}: "${setting.key}"` });
  }
  const raw = Object.fromEntries([...sources].map(([k, s]) => [k, s.value]));
  const parsed = configSchema.safeParse(raw);
  if (!parsed.success) throw new ConfigError(describeIssues(parsed.error, sources, filePath));
  const config = parsed.data;
  if (config.mode === 'production' && !config.secretKey) {
    throw new ConfigError(
      'OPENMINIS_SECRET_KEY: required in production mode (≥ 32 characters), found nothing',
    );
  }
  return Object.freeze(config);
}

function readConfigFile(path: string): Record<string, unknown> {
  let text: string;
  try {
    text = readFileSync(path, 'utf8');
  } catch (error) {
    throw new ConfigError(`config file ${path}: cannot read it (${(error as NodeJS.ErrnoException).code})`);
  }
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch (error) {
    throw new ConfigError(`config file ${path}: expected JSON, ${(error as Error).message}`);
  }
  if (typeof value !== 'object' || value === null || Array.isArray(value)) {
    throw new ConfigError(
      `config file ${path}: expected a JSON object, found ${Array.isArray(value) ? 'an array' : typeof value}`,
    );
  }
  const known = new Set<string>(settings.map((s) => s.key));
  const unknown = Object.keys(value).filter((k) => !known.has(k));
  if (unknown.length > 0) {
    throw new ConfigError(
      `config file ${path}: unknown key(s) ${unknown.map((k) => `"${k}"`).join(', ')}; expected one of ${[...known].join(', ')}`,
    );
  }
  return value as Record<string, unknown>;
}

function describeIssues(
  error: z.ZodError,
  sources: Map<string, Source>,
  filePath: string | undefined,
): string {
  return error.issues
    .map((issue) => {
      const key = String(issue.path[0] ?? '');
      const source = sources.get(key);
      const setting = settings.find((s) => s.key === key);
      const where = source?.origin ?? setting?.env ?? (filePath ? `${filePath}: "${key}"` : key);
      const found = source === undefined ? 'nothing' : JSON.stringify(redact(key, source.value));
      return `${where}: ${issue.message} (found ${found})`;
    })
    .join('\n');
}

/** Secrets never appear in error messages, even when invalid. */
function redact(key: string, value: unknown): unknown {
  if ((key === 'secretKey' || key === 'adminToken') && typeof value === 'string')
    return `<${value.length} chars>`;
  return value;
}
