import { z } from 'zod';

/**
 * Every setting, once: its key in the JSON config file, its environment variable, its
 * default and its schema. `--help` and the loader are both generated from this list.
 */
export interface SettingDefinition {
  key: string;
  env: string;
  description: string;
  defaultText: string;
  schema: z.ZodType;
}

const port = z.coerce.number().int().min(0).max(65535);
const positiveInt = z.coerce.number().int().positive();

export const settings = [
  {
    key: 'mode',
    env: 'OPENMINIS_MODE',
    description: 'dev (control API open, generated secret key) or production',
    defaultText: 'dev',
    schema: z.enum(['dev', 'production']).default('dev'),
  },
  {
    key: 'host',
    env: 'OPENMINIS_HOST',
    description: 'interface to listen on',
    defaultText: '127.0.0.1',
    schema: z.string().min(1).default('127.0.0.1'),
  },
  {
    key: 'port',
    env: 'OPENMINIS_PORT',
    description: 'TCP port (0 = any free port)',
    defaultText: '8787',
    schema: port.default(8787),
  },
  {
    key: 'dataDir',
    env: 'OPENMINIS_DATA_DIR',
    description: 'folder for the SQLite database and the generated dev secret key',
    defaultText: './.openminis',
    schema: z.string().min(1).default('./.openminis'),
  },
  {
    key: 'databaseUrl',
    env: 'DATABASE_URL',
    description: 'postgres://… to use PostgreSQL, ":memory:" or a file path for SQLite',
    defaultText: '<dataDir>/openminis.sqlite',
    schema: z.string().min(1).optional(),
  },
  {
    key: 'secretKey',
    env: 'OPENMINIS_SECRET_KEY',
    description: 'key that encrypts client secrets at rest (≥ 32 chars; required in production)',
    defaultText: 'dev: generated into <dataDir>/secret.key',
    schema: z.string().min(32, 'must be at least 32 characters').optional(),
  },
  {
    key: 'adminToken',
    env: 'OPENMINIS_ADMIN_TOKEN',
    description: 'bearer token that opens the emulator control API in production (≥ 24 chars)',
    defaultText: 'none (control API closed in production)',
    schema: z.string().min(24, 'must be at least 24 characters').optional(),
  },
  {
    key: 'publicBaseUrl',
    env: 'OPENMINIS_PUBLIC_BASE_URL',
    description: 'URL clients use to reach this server (printed, used in links)',
    defaultText: 'http://<host>:<port>',
    schema: z.url().optional(),
  },
  {
    key: 'logLevel',
    env: 'OPENMINIS_LOG_LEVEL',
    description: 'fatal | error | warn | info | debug | trace | silent',
    defaultText: 'info',
    schema: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).default('info'),
  },
  {
    key: 'bodyLimit',
    env: 'OPENMINIS_BODY_LIMIT',
    description: 'largest accepted request body in bytes',
    defaultText: '1048576',
    schema: positiveInt.default(1_048_576),
  },
  {
    key: 'tiersFile',
    env: 'OPENMINIS_TIERS_FILE',
    description: 'JSON file with the Beans recharge tier catalogue (docs/payments.md)',
    defaultText: 'built-in catalogue (10 … 5000 Beans)',
    schema: z.string().min(1).optional(),
  },
  {
    key: 'webhookTimeoutMs',
    env: 'OPENMINIS_WEBHOOK_TIMEOUT_MS',
    description: 'per-attempt timeout of a webhook delivery in ms',
    defaultText: '10000',
    schema: positiveInt.max(300_000).default(10_000),
  },
  {
    key: 'webhookRetryBaseSeconds',
    env: 'OPENMINIS_WEBHOOK_RETRY_BASE_SECONDS',
    description:
      'first webhook retry delay; doubles per failed attempt (±20 % jitter) within the 72 h window',
    defaultText: '60',
    schema: positiveInt.max(86_400).default(60),
  },
  {
    key: 'webhookRetryCapSeconds',
    env: 'OPENMINIS_WEBHOOK_RETRY_CAP_SECONDS',
    description: 'longest delay between two webhook attempts',
    defaultText: '21600 (6 h)',
    schema: positiveInt.max(259_200).default(21_600),
  },
  {
    key: 'webhookUserOpenid',
    env: 'OPENMINIS_WEBHOOK_USER_OPENID',
    description: 'webhook user_openid: buyer (the buyer\'s open_id) or empty ("" like TikTok\'s examples)',
    defaultText: 'buyer',
    schema: z.enum(['buyer', 'empty']).default('buyer'),
  },
  {
    key: 'webhookPollMs',
    env: 'OPENMINIS_WEBHOOK_POLL_MS',
    description: 'how often the webhook dispatcher looks for due deliveries, in ms',
    defaultText: '250',
    schema: positiveInt.max(60_000).default(250),
  },
  {
    key: 'webhookConcurrency',
    env: 'OPENMINIS_WEBHOOK_CONCURRENCY',
    description:
      'webhook deliveries in flight at once per dispatcher (I/O-bound: each mostly waits on the receiver)',
    defaultText: '32',
    schema: positiveInt.max(1000).default(32),
  },
] as const satisfies readonly SettingDefinition[];

export const configSchema = z
  .object(
    Object.fromEntries(settings.map((s) => [s.key, s.schema])) as {
      [S in (typeof settings)[number] as S['key']]: S['schema'];
    },
  )
  .strict();

export type PlatformConfig = Readonly<z.output<typeof configSchema>>;
export type PlatformConfigInput = Partial<z.input<typeof configSchema>>;
