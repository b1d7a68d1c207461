import type { App } from '../apps';
import type { Org } from '../orgs';
import type { User } from '../users';

/** Wire shapes of the control API (snake_case like the Open API). */
export const presentOrg = (org: Org) => ({ org_id: org.id, name: org.name, created_at: org.createdAt });

export const presentApp = (app: App, clientSecret: string) => ({
  app_id: app.id,
  org_id: app.orgId,
  name: app.name,
  client_key: app.clientKey,
  client_secret: clientSecret,
  webhook_url: app.webhookUrl,
  trusted_domains: app.trustedDomains,
  created_at: app.createdAt,
});

export const presentUser = (user: User) => ({
  user_id: user.id,
  display_name: user.displayName,
  avatar_url: user.avatarUrl,
  avatar_url_100: user.avatarUrl100,
  avatar_large_url: user.avatarLargeUrl,
  created_at: user.createdAt,
});
