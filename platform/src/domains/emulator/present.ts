import { type App, presentApp } from '../apps';
import type { Org } from '../orgs';
import type { User } from '../users';

/** Wire shapes of the control API (snake_case like the Open API). */
export const presentOrg = (org: Org) => ({ org_id: org.id, name: org.name, created_at: org.createdAt });

/** The control API shows the secret: it is what tests need to call the Open API. */
export const presentAppWithSecret = (app: App, clientSecret: string) => ({
  ...presentApp(app),
  client_secret: clientSecret,
});

export const presentUser = (user: User) => ({
  user_id: user.id,
  display_name: user.displayName,
  avatar_url: user.avatarUrl,
  avatar_url_100: user.avatarUrl100,
  avatar_large_url: user.avatarLargeUrl,
  created_at: user.createdAt,
});
