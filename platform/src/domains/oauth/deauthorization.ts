import type { PlatformDeps } from '../../deps';
import type { Db } from '../../storage';
import type { App } from '../apps';
import type { MoneyTrx } from '../payments/tables';
import { EVENTS, enqueueWebhook, envelopeOpenId } from '../webhooks';

/** `authorization.removed` reasons (spec §7.4). */
export const DEAUTHORIZATION_REASON = { developerRevoked: 5 } as const;

/**
 * Queues `authorization.removed` for a user the developer disconnected through
 * `POST /v2/oauth/revoke/` (spec §6.3, §7.4: reason 5). Runs inside the revoke's transaction,
 * so the event exists iff the disconnection committed; configuring a callback URL
 * subscribes the app to every event (spec §7.1).
 */
export async function enqueueAuthorizationRemoved(
  trx: Db,
  deps: PlatformDeps,
  app: App,
  userId: string,
  now: number,
): Promise<void> {
  const identity = await trx
    .selectFrom('user_app_identities')
    .select('open_id')
    .where('app_id', '=', app.id)
    .where('user_id', '=', userId)
    .executeTakeFirst();
  // The outbox shares the transaction; its tables are typed on the payments database view.
  await enqueueWebhook(trx as unknown as MoneyTrx, {
    appId: app.id,
    clientKey: app.clientKey,
    event: EVENTS.authorizationRemoved,
    createdAtMs: now,
    userOpenId: envelopeOpenId(deps.config, identity?.open_id ?? ''),
    reference: userId,
    content: { reason: DEAUTHORIZATION_REASON.developerRevoked },
  });
}
