import { constantTimeEqual, newClientKey, newClientSecret, newNumericId } from '../../crypto';
import type { PlatformDeps } from '../../deps';
import { ApiError, notFound } from '../../http/api-error';
import type { AppsTable } from '../../storage';
import { validateWebhookUrl } from '../webhooks/url-policy';
import { normalizeTrustedDomains } from './trusted-domains';

export interface App {
  id: string;
  orgId: string;
  name: string;
  clientKey: string;
  webhookUrl: string | null;
  trustedDomains: string[];
  createdAt: number;
}

export const APP_NAME_MAX = 50;
export const MAX_TEST_USERS = 30;

export interface CreateAppInput {
  orgId: string;
  name: string;
  webhookUrl?: string | null;
  trustedDomains?: readonly string[];
}

/**
 * Apps (spec §1.2 stage 5): App ID, Client key and Client secret. The secret is returned
 * once in clear at creation and stored AES-256-GCM encrypted, because webhooks must be
 * signed with it later (`clientSecret()`).
 */
export class AppsService {
  constructor(private readonly deps: PlatformDeps) {}

  async create(input: CreateAppInput): Promise<{ app: App; clientSecret: string }> {
    const name = validateName(input.name);
    const webhookUrl = validateWebhookUrl(input.webhookUrl ?? null, this.deps.config.mode);
    const trustedDomains = normalizeTrustedDomains(input.trustedDomains ?? []);
    const org = await this.deps.db
      .selectFrom('orgs')
      .select('id')
      .where('id', '=', input.orgId)
      .executeTakeFirst();
    if (!org) throw notFound(`organization ${input.orgId}`);
    const clientSecret = newClientSecret();
    const row: AppsTable = {
      id: newNumericId(),
      org_id: input.orgId,
      name,
      client_key: newClientKey(),
      client_secret_enc: this.deps.secrets.encrypt(clientSecret),
      webhook_url: webhookUrl,
      trusted_domains: JSON.stringify(trustedDomains),
      created_at: this.deps.clock.now(),
    };
    await this.deps.db.insertInto('apps').values(row).execute();
    return { app: toApp(row), clientSecret };
  }

  async get(id: string): Promise<App | undefined> {
    const row = await this.deps.db.selectFrom('apps').selectAll().where('id', '=', id).executeTakeFirst();
    return row && toApp(row);
  }

  async require(id: string): Promise<App> {
    const app = await this.get(id);
    if (!app) throw notFound(`app ${id}`);
    return app;
  }

  async getByClientKey(clientKey: string): Promise<App | undefined> {
    const row = await this.deps.db
      .selectFrom('apps')
      .selectAll()
      .where('client_key', '=', clientKey)
      .executeTakeFirst();
    return row && toApp(row);
  }

  async list(orgId?: string): Promise<App[]> {
    let query = this.deps.db.selectFrom('apps').selectAll().orderBy('created_at').orderBy('id');
    if (orgId) query = query.where('org_id', '=', orgId);
    return (await query.execute()).map(toApp);
  }

  /**
   * Client authentication for the OAuth endpoints. Unknown key and wrong secret take the
   * same path (a comparison always runs) so neither is distinguishable by timing.
   */
  async authenticate(clientKey: string, clientSecret: string): Promise<App | undefined> {
    const row = await this.deps.db
      .selectFrom('apps')
      .selectAll()
      .where('client_key', '=', clientKey)
      .executeTakeFirst();
    const expected = row ? this.deps.secrets.decrypt(row.client_secret_enc) : newClientSecret();
    const matches = constantTimeEqual(expected, clientSecret);
    return row && matches ? toApp(row) : undefined;
  }

  /** The clear client secret, for signing webhooks. */
  async clientSecret(appId: string): Promise<string> {
    const row = await this.deps.db
      .selectFrom('apps')
      .select('client_secret_enc')
      .where('id', '=', appId)
      .executeTakeFirst();
    if (!row) throw notFound(`app ${appId}`);
    return this.deps.secrets.decrypt(row.client_secret_enc);
  }

  async update(
    id: string,
    patch: { name?: string; webhookUrl?: string | null; trustedDomains?: readonly string[] },
  ): Promise<App> {
    const values: Partial<AppsTable> = {};
    if (patch.name !== undefined) values.name = validateName(patch.name);
    if (patch.webhookUrl !== undefined)
      values.webhook_url = validateWebhookUrl(patch.webhookUrl, this.deps.config.mode);
    if (patch.trustedDomains !== undefined)
      values.trusted_domains = JSON.stringify(normalizeTrustedDomains(patch.trustedDomains));
    if (Object.keys(values).length > 0) {
      const result = await this.deps.db
        .updateTable('apps')
        .set(values)
        .where('id', '=', id)
        .executeTakeFirst();
      if (result.numUpdatedRows === 0n) throw notFound(`app ${id}`);
    }
    return this.require(id);
  }

  async rotateClientSecret(id: string): Promise<string> {
    const clientSecret = newClientSecret();
    const result = await this.deps.db
      .updateTable('apps')
      .set({ client_secret_enc: this.deps.secrets.encrypt(clientSecret) })
      .where('id', '=', id)
      .executeTakeFirst();
    if (result.numUpdatedRows === 0n) throw notFound(`app ${id}`);
    return clientSecret;
  }

  /** Test users (spec §8.3): at most 30 per app. */
  async addTestUser(appId: string, userId: string): Promise<void> {
    await this.require(appId);
    const user = await this.deps.db
      .selectFrom('users')
      .select('id')
      .where('id', '=', userId)
      .executeTakeFirst();
    if (!user) throw notFound(`user ${userId}`);
    await this.deps.db.transaction().execute(async (trx) => {
      const existing = await trx
        .selectFrom('app_test_users')
        .select('user_id')
        .where('app_id', '=', appId)
        .execute();
      if (existing.some((r) => r.user_id === userId)) return;
      if (existing.length >= MAX_TEST_USERS) {
        throw new ApiError(409, 'test_user_limit', `an app has at most ${MAX_TEST_USERS} test users`);
      }
      await trx
        .insertInto('app_test_users')
        .values({ app_id: appId, user_id: userId, created_at: this.deps.clock.now() })
        .execute();
    });
  }

  async removeTestUser(appId: string, userId: string): Promise<void> {
    await this.deps.db
      .deleteFrom('app_test_users')
      .where('app_id', '=', appId)
      .where('user_id', '=', userId)
      .execute();
  }

  async testUsers(appId: string): Promise<string[]> {
    const rows = await this.deps.db
      .selectFrom('app_test_users')
      .select('user_id')
      .where('app_id', '=', appId)
      .orderBy('created_at')
      .orderBy('user_id')
      .execute();
    return rows.map((r) => r.user_id);
  }
}

function toApp(row: AppsTable): App {
  return {
    id: row.id,
    orgId: row.org_id,
    name: row.name,
    clientKey: row.client_key,
    webhookUrl: row.webhook_url,
    trustedDomains: JSON.parse(row.trusted_domains) as string[],
    createdAt: row.created_at,
  };
}

function validateName(input: string): string {
  const name = input.trim();
  if (name.length === 0 || name.length > APP_NAME_MAX) {
    throw new ApiError(
      400,
      'invalid_request',
      `name: expected 1–${APP_NAME_MAX} characters, found ${name.length}`,
    );
  }
  return name;
}
