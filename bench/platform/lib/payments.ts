// Payment scenarios (spec §6.5, §7): trade orders created per second through the Open API,
// and orders paid per second through the emulator's cashier, whose `redeem.success`
// webhooks go to the local receiver — so the paying run also measures signed deliveries.
import { randomBytes } from 'node:crypto';
import type { TokenPair } from './control';
import { plannedAmount, type Scenario, type ScenarioContext } from './scenarios';
import { webhookStats } from './webhooks';

export const ORDER_AMOUNT_BEANS = 10;
/** Bounded wait for the webhooks of a paying run after its last payment. */
const DELIVERY_WAIT_MS = 60_000;

const needsPayments = (ctx: ScenarioContext) => ctx.payments !== undefined;
const shopOf = (ctx: ScenarioContext) => {
  if (!ctx.payments) throw new Error('payments scenario without the payment APIs');
  return ctx.payments;
};

/** The JSON body of `POST /v2/minis/trade_order/create/` for one developer order id. */
export function createOrderBody(orderId: string): string {
  return JSON.stringify({
    token_type: 'BEANS',
    token_amount: ORDER_AMOUNT_BEANS,
    order_info: {
      order_id: orderId,
      product_name: 'Episode 7',
      product_id: 'ep-7',
      quantity: 1,
      quantity_unit: 'episode',
    },
  });
}

const isOk = (body: string) => body.includes('"code":"ok"');

export const createOrders: Scenario = {
  id: 'order-create',
  title: 'trade order created (POST /v2/minis/trade_order/create/, unique order_id)',
  server: 'platform',
  available: needsPayments,
  async prepare(ctx) {
    const { payers } = shopOf(ctx);
    const headers = payers.map((p) => ({
      authorization: `Bearer ${p.tokens.accessToken}`,
      'content-type': 'application/json',
    }));
    const run = randomBytes(4).toString('hex');
    let n = 0;
    return {
      request: {
        url: `${ctx.platform.baseUrl}/v2/minis/trade_order/create/`,
        method: 'POST',
        headers: headers[0],
        next: () => {
          const i = n++;
          return { headers: headers[i % headers.length], body: createOrderBody(`bench-${run}-${i}`) };
        },
        checkBody: isOk,
      },
    };
  },
};

/**
 * Creates `count` PENDING orders through the Open API, 8 at a time, round-robin over the
 * payers; returns their trade_order_ids in that order.
 */
export async function createPendingOrders(
  baseUrl: string,
  payers: ReadonlyArray<{ tokens: TokenPair }>,
  count: number,
): Promise<string[]> {
  const run = randomBytes(4).toString('hex');
  const ids: string[] = new Array(count);
  let next = 0;
  const worker = async () => {
    while (next < count) {
      const i = next++;
      const orderId = `bench-pay-${run}-${i}`;
      const { tokens } = payers[i % payers.length] as { tokens: TokenPair };
      const response = await fetch(`${baseUrl}/v2/minis/trade_order/create/`, {
        method: 'POST',
        headers: { authorization: `Bearer ${tokens.accessToken}`, 'content-type': 'application/json' },
        body: createOrderBody(orderId),
      });
      const text = await response.text();
      const body = JSON.parse(text) as { data?: { trade_order_id?: string } };
      if (!isOk(text) || !body.data?.trade_order_id)
        throw new Error(`creating order ${orderId} answered ${response.status}: ${text.slice(0, 300)}`);
      ids[i] = body.data.trade_order_id;
    }
  };
  await Promise.all(Array.from({ length: Math.min(8, count) }, worker));
  return ids;
}

/**
 * `POST /emulator/v1/trade_orders/{id}/pay`: what the user does in the cashier. Each request
 * pays its own pre-created order; afterwards the run waits (bounded) for every
 * `redeem.success` webhook at the receiver and measures enqueue-to-arrival latency.
 */
export const payOrders: Scenario = {
  id: 'order-pay',
  title: 'trade order paid (POST /emulator/v1/trade_orders/{id}/pay, webhook enqueued)',
  server: 'platform',
  available: needsPayments,
  async prepare(ctx, expectedRps, warmUp) {
    const { shop, payers, receiver, readOutbox } = shopOf(ctx);
    const amount = plannedAmount(expectedRps, ctx.settings, warmUp);
    const started = performance.now();
    const ids = await createPendingOrders(
      ctx.platform.baseUrl,
      payers,
      amount + ctx.settings.connections * 2,
    );
    // Deliveries of earlier runs are complete (each run waits for its own); start counting afresh.
    await receiver.reset();
    const prepareSeconds = (performance.now() - started) / 1000;
    const paid: string[] = [];
    let next = 0;
    return {
      prepareSeconds,
      request: {
        url: `${ctx.platform.baseUrl}/emulator/v1/trade_orders/${ids[0]}/pay`,
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: '{}',
        amount,
        next: () => ({ path: `/emulator/v1/trade_orders/${ids[Math.min(next++, ids.length - 1)]}/pay` }),
        checkBody: (body) => {
          try {
            const result = JSON.parse(body) as { is_success?: unknown; trade_order_id?: unknown };
            if (result.is_success === true && typeof result.trade_order_id === 'string') {
              paid.push(result.trade_order_id);
              return true;
            }
          } catch {
            // not JSON: a failure
          }
          return false;
        },
      },
      after: async () => {
        const runEndedAt = Date.now();
        await receiver.waitFor(paid.length, DELIVERY_WAIT_MS);
        // A moment for duplicates or stragglers, so they are counted as such.
        await new Promise((resolve) => setTimeout(resolve, 300));
        return webhookStats(
          paid,
          await receiver.received(),
          await readOutbox(shop.appId),
          shop.clientSecret,
          runEndedAt,
        );
      },
    };
  },
};
