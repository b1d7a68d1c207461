import type { PlatformDeps } from '../../deps';
import { ApiError } from '../../http/api-error';
import { AppsService } from '../apps';
import { EVENTS, serializeEnvelope } from './envelope';
import { type SendResult, sendWebhook } from './sender';
import { validateWebhookUrl } from './url-policy';

export interface TestEventResult extends SendResult {
  url: string;
  body: string;
}

/**
 * The portal's "Test URL" → "Send" (spec §7.1): POSTs one signed `minis.webhook.test` event
 * (emulator-defined; TikTok does not document the test event's name) to the given URL or
 * the app's saved one, right away and outside the outbox, and reports what happened.
 */
export async function sendTestEvent(
  deps: PlatformDeps,
  appId: string,
  url?: string,
): Promise<TestEventResult> {
  const apps = new AppsService(deps);
  const app = await apps.require(appId);
  const target = url === undefined ? app.webhookUrl : validateWebhookUrl(url, deps.config.mode);
  if (!target) {
    throw new ApiError(
      400,
      'invalid_request',
      'url: the app has no webhook URL; give one in the body ({"url": …})',
    );
  }
  const now = deps.clock.now();
  const body = serializeEnvelope({
    clientKey: app.clientKey,
    event: EVENTS.test,
    createdAtMs: now,
    userOpenId: '',
    content: { message: 'This is a test event from OpenMinis.', is_sandbox: true },
  });
  const result = await sendWebhook({
    url: target,
    body,
    clientSecret: await apps.clientSecret(app.id),
    nowMs: now,
    timeoutMs: deps.config.webhookTimeoutMs,
  });
  return { ...result, url: target, body };
}
