// What is measured. Each scenario prepares one timed run (outside the timed window) and
// names the server it loads; the runner interleaves them so drift in machine load hits
// every scenario alike.
import type { ChildServer } from './child-server';
import { type BenchApp, type PlatformClient, type TokenPair, tokenForm } from './control';
import type { LoadRequest, LoadResult, LoadSettings } from './load';
import type { OutboxTimes, ReceiverClient, WebhookRunStats } from './webhooks';

export interface ScenarioContext {
  platform: PlatformClient;
  platformServer: ChildServer;
  bareServer: ChildServer;
  app: BenchApp;
  userId: string;
  tokens: TokenPair;
  settings: LoadSettings;
  /** Present when the platform serves the payment APIs (they arrived later than OAuth). */
  payments?: PaymentsSetup;
}

export interface PaymentsSetup {
  /** An app whose webhook URL is the receiver. */
  shop: BenchApp;
  /**
   * Users logged in to the shop, each with Beans to spend. Requests go round-robin over
   * them: one user's payments serialise on their wallet row by design, and a benchmark of
   * one user paying ten orders at once would measure only that.
   */
  payers: Array<{ userId: string; tokens: TokenPair }>;
  receiver: ReceiverClient;
  readOutbox: (appId: string) => Promise<Map<string, OutboxTimes>>;
}

export interface PreparedRun {
  request: LoadRequest;
  /** Seconds spent preparing (issuing codes, …): reported, never part of the rate. */
  prepareSeconds?: number;
  /** After the timed window (e.g. wait for the webhooks the run caused). */
  after?: (result: LoadResult) => Promise<WebhookRunStats | undefined>;
}

export interface Scenario {
  id: string;
  /** Row label in the report. */
  title: string;
  server: 'bare' | 'platform';
  /** False when this platform build lacks what the scenario calls (it is then skipped). */
  available?: (ctx: ScenarioContext) => boolean;
  /** `expectedRps`: the median of earlier runs (or the warm-up), for scenarios that pre-issue inputs. */
  prepare(ctx: ScenarioContext, expectedRps: number | undefined, warmUp: boolean): Promise<PreparedRun>;
}

export const SCOPE = 'user.info.basic';
export const USER_INFO_PATH = '/v2/user/info/?fields=open_id,union_id,display_name';

export const bareRoute: Scenario = {
  id: 'bare',
  title: 'bare Hono route (GET /bare, comparison)',
  server: 'bare',
  prepare: async (ctx) => ({ request: { url: `${ctx.bareServer.url}/bare` } }),
};

export const userInfo: Scenario = {
  id: 'userinfo',
  title: 'user info (GET /v2/user/info/, Bearer token)',
  server: 'platform',
  prepare: async (ctx) => ({
    request: {
      url: `${ctx.platform.baseUrl}${USER_INFO_PATH}`,
      headers: { authorization: `Bearer ${ctx.tokens.accessToken}` },
    },
  }),
};

/** Requests in a warm-up of a scenario that consumes one pre-issued input per request. */
export const WARM_UP_AMOUNT = 400;
const MAX_AMOUNT = 100_000;

/**
 * How many single-use inputs a run needs: enough for `duration` seconds at the expected
 * rate. The run then stops after exactly that many requests (autocannon `amount`), so
 * every request is a real success and none is starved of an input.
 */
export function plannedAmount(
  expectedRps: number | undefined,
  settings: LoadSettings,
  warmUp: boolean,
): number {
  if (warmUp || expectedRps === undefined) return WARM_UP_AMOUNT;
  return Math.min(
    MAX_AMOUNT,
    Math.max(settings.connections * 20, Math.round(expectedRps * settings.duration)),
  );
}

/**
 * `POST /v2/oauth/token/` with `grant_type=authorization_code`: every request carries a
 * fresh code issued beforehand through `POST /emulator/v1/login`.
 */
export const tokenExchange: Scenario = {
  id: 'token',
  title: 'token exchange (POST /v2/oauth/token/, fresh code each)',
  server: 'platform',
  async prepare(ctx, expectedRps, warmUp) {
    const amount = plannedAmount(expectedRps, ctx.settings, warmUp);
    const started = performance.now();
    // A few spare codes: a reconnecting client rebuilds its current request.
    const codes = await ctx.platform.loginMany(
      ctx.app.clientKey,
      ctx.userId,
      SCOPE,
      amount + ctx.settings.connections * 2,
    );
    const prepareSeconds = (performance.now() - started) / 1000;
    let next = 0;
    return {
      prepareSeconds,
      request: {
        url: `${ctx.platform.baseUrl}/v2/oauth/token/`,
        method: 'POST',
        headers: { 'content-type': 'application/x-www-form-urlencoded' },
        amount,
        // Past the last code the same one repeats: the exchange fails and shows as non-2xx.
        next: () => ({ body: tokenForm(ctx.app, codes[Math.min(next++, codes.length - 1)] as string) }),
      },
    };
  },
};
