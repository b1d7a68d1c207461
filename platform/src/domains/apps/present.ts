import { z } from 'zod';
import type { App } from './service';

/** An app as every API presents it (snake_case like the Open API). Never the client secret. */
export const presentApp = (app: App) => ({
  app_id: app.id,
  org_id: app.orgId,
  name: app.name,
  client_key: app.clientKey,
  webhook_url: app.webhookUrl,
  trusted_domains: app.trustedDomains,
  created_at: Number(app.createdAt),
});

/** The response schema of `presentApp`; surfaces extend it (e.g. with the secret) and name it. */
export const appFields = z.object({
  app_id: z.string(),
  org_id: z.string(),
  name: z.string(),
  client_key: z.string(),
  webhook_url: z.string().nullable(),
  trusted_domains: z.array(z.string()),
  created_at: z.number(),
});
