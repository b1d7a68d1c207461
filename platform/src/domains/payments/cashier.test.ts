import { expect, it } from 'vitest';
import { describeEachEngine } from '../../testing';
import { CASHIER_CODES } from './errors';
import { paymentsClient } from './payments-test-helpers';

type Delivery = { event: string; body: string; status: string; reference: string };

describeEachEngine('cashier and Beans ledger', (ctx) => {
  const p = () => paymentsClient(ctx.platform);
  const deliveries = async (reference: string) =>
    (
      await p().json<{ deliveries: Delivery[] }>(
        ctx.platform.app.request(`/emulator/v1/webhooks/deliveries?reference=${reference}`),
      )
    ).deliveries;

  it('pays with an automatic top-up to the smallest covering tier, once', async () => {
    const { app, user, tokens } = await p().signIn();
    await p().setBeans(user.user_id, { balance: 30 });
    const id = await p().newOrder(tokens.access_token, 120, 'shop-1');
    const paid = await p().cashierPay(app, user.user_id, id);
    // Shortfall 90 → the 100-Beans tier; 30 + 100 − 120 = 10.
    expect(paid).toEqual({
      is_success: true,
      trade_order_id: id,
      balance: 10,
      recharged: { tier_id: '1731381720000100', token_amount: 100, count: 1 },
      is_sandbox: false,
    });
    expect(await p().beans(user.user_id)).toBe(10);
    const again = await p().cashierPay(app, user.user_id, id);
    expect(again).toEqual({
      is_success: false,
      trade_order_id: id,
      error: {
        error_code: CASHIER_CODES.userError,
        error_msg: expect.stringContaining('already been paid'),
        error_extra: { reason: 'order_already_paid' },
      },
    });
    expect(await p().beans(user.user_id)).toBe(10);
    const [webhook] = await deliveries(id);
    expect(webhook?.event).toBe('minis.trade_order.redeem.success');
    const envelope = JSON.parse(webhook?.body ?? '{}');
    expect(Object.keys(envelope)).toEqual(['client_key', 'event', 'create_time', 'user_openid', 'content']);
    expect(envelope).toMatchObject({
      client_key: app.client_key,
      event: 'minis.trade_order.redeem.success',
      user_openid: tokens.open_id,
    });
    expect(Number.isInteger(envelope.create_time)).toBe(true);
    expect(envelope.content).toBe(
      JSON.stringify({ trade_order_id: id, order_id: 'shop-1', is_sandbox: false }),
    );
    expect(await deliveries(id)).toHaveLength(1);
    expect((await p().ledgerCheck()).ok).toBe(true);
  });

  it('buys the largest tier repeatedly when no single tier covers the shortfall', async () => {
    const { user, tokens } = await p().signIn();
    const id = await p().newOrder(tokens.access_token, 12_000);
    const paid = await p().pay(id);
    expect(paid).toMatchObject({
      is_success: true,
      recharged: { token_amount: 5000, count: 3 },
      balance: 3000,
    });
    expect(await p().beans(user.user_id)).toBe(3000);
  });

  it('refuses without top-up when auto_recharge is false, leaving the order payable', async () => {
    const { user, tokens } = await p().signIn();
    const id = await p().newOrder(tokens.access_token, 10);
    const short = await p().pay(id, { auto_recharge: false });
    expect(short).toMatchObject({
      is_success: false,
      error: { error_extra: { reason: 'insufficient_balance' } },
    });
    await p().setBeans(user.user_id, { amount: 10 });
    expect(await p().pay(id, { auto_recharge: false })).toMatchObject({ is_success: true, balance: 0 });
  });

  it("hides another user's or app's order from the cashier", async () => {
    const buyer = await p().signIn();
    const id = await p().newOrder(buyer.tokens.access_token, 10);
    const stranger = await p().signIn({ app: buyer.app });
    const otherApp = await p().signIn();
    for (const [app, userId] of [
      [buyer.app, stranger.user.user_id],
      [otherApp.app, buyer.user.user_id],
    ] as const) {
      const res = await p().cashierPay(app, userId, id);
      expect(res).toMatchObject({ is_success: false, error: { error_extra: { reason: 'order_not_found' } } });
    }
    const unknownKey = await p().cashierPay({ ...buyer.app, client_key: 'nope' }, buyer.user.user_id, id);
    expect(unknownKey).toMatchObject({
      is_success: false,
      error: { error_code: CASHIER_CODES.paramsInvalid },
    });
  });

  it('injects cancel, failure and timeout into the next pays; the order stays payable and silent', async () => {
    const { app, user, tokens } = await p().signIn();
    const id = await p().newOrder(tokens.access_token, 10);
    await p().setBeans(user.user_id, { balance: 100 });
    const fault = (body: Record<string, unknown>) => p().json(p().post('/emulator/v1/payments/faults', body));
    await fault({ fault: 'cancel', user_id: user.user_id });
    await fault({ fault: 'fail', app_id: app.app_id });
    await fault({ fault: 'timeout', app_id: app.app_id, user_id: user.user_id });
    const codes = [];
    for (let i = 0; i < 3; i++) codes.push(((await p().pay(id)).error as { error_code: number }).error_code);
    expect(codes).toEqual([CASHIER_CODES.userCancel, CASHIER_CODES.internal, CASHIER_CODES.timeout]);
    expect(await p().beans(user.user_id)).toBe(100);
    expect(await deliveries(id)).toEqual([]);
    expect((await p().query(tokens.access_token, id)).body.data.trade_order_status).toBe('PENDING');
    expect(await p().pay(id)).toMatchObject({ is_success: true, balance: 90 });
    const left = await p().json<{ faults: unknown[] }>(
      ctx.platform.app.request('/emulator/v1/payments/faults'),
    );
    expect(left.faults).toEqual([]);
  });

  it('pays sandbox orders without deducting Beans and says is_sandbox in the webhook', async () => {
    const { app, user, tokens } = await p().signIn();
    await p().json(
      ctx.platform.app.request(`/emulator/v1/apps/${app.app_id}/payments`, {
        method: 'PUT',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ sandbox: true }),
      }),
    );
    const id = await p().newOrder(tokens.access_token, 500);
    expect(await p().pay(id)).toMatchObject({
      is_success: true,
      balance: 0,
      recharged: null,
      is_sandbox: true,
    });
    expect(await p().beans(user.user_id)).toBe(0);
    const [webhook] = await deliveries(id);
    expect(JSON.parse(JSON.parse(webhook?.body ?? '{}').content)).toMatchObject({
      trade_order_id: id,
      is_sandbox: true,
    });
    const refund = await p().json<{ refunded_amount: number }>(p().refund(id, { refund_amount: 100 }));
    expect(refund.refunded_amount).toBe(100);
  });

  it('recharges by tier, reports the balance and answers checkBalance', async () => {
    const { user } = await p().signIn();
    const recharge = await p().json(
      p().post('/emulator/v1/cashier/recharge', {
        user_id: user.user_id,
        tier_id: '1731381720000050',
        idempotency_key: 'r1',
      }),
    );
    expect(recharge).toEqual({
      is_success: true,
      tier_id: '1731381720000050',
      trade_order_id: expect.any(String),
      balance: 50,
    });
    // Same key: the same movement, not a second one.
    const repeat = await p().json<{ trade_order_id: string; balance: number }>(
      p().post('/emulator/v1/cashier/recharge', {
        user_id: user.user_id,
        tier_id: '1731381720000050',
        idempotency_key: 'r1',
      }),
    );
    expect(repeat).toMatchObject({
      trade_order_id: (recharge as { trade_order_id: string }).trade_order_id,
      balance: 50,
    });
    const unknownTier = await p().json(
      p().post('/emulator/v1/cashier/recharge', { user_id: user.user_id, tier_id: '1' }),
    );
    expect(unknownTier).toMatchObject({
      is_success: false,
      error: { error_extra: { reason: 'tier_not_found' } },
    });
    const balance = await p().json(
      ctx.platform.app.request(`/emulator/v1/cashier/balance?user_id=${user.user_id}`),
    );
    expect(balance).toEqual({ is_success: true, type: 'BEANS', balance: 50 });
    const check = (amount: number) =>
      p().json(
        p().post('/emulator/v1/cashier/check_balance', { user_id: user.user_id, type: 'BEANS', amount }),
      );
    expect(await check(50)).toEqual({ is_sufficient: true, balance: 50 });
    expect(await check(51)).toEqual({ is_sufficient: false, balance: 50 });
  });

  it('grants, takes away (never below zero) and sets balances idempotently', async () => {
    const { user } = await p().signIn();
    const grant = (body: Record<string, unknown>) => p().setBeans(user.user_id, body);
    expect(await (await grant({ amount: 70, idempotency_key: 'g1' })).json()).toEqual({
      user_id: user.user_id,
      balance: 70,
    });
    expect(await (await grant({ amount: 70, idempotency_key: 'g1' })).json()).toMatchObject({ balance: 70 });
    expect((await grant({ amount: -71 })).status).toBe(409);
    expect(await (await grant({ amount: -20 })).json()).toMatchObject({ balance: 50 });
    expect(await (await grant({ balance: 5 })).json()).toMatchObject({ balance: 5 });
    expect(await (await grant({ grant: 5 })).json()).toMatchObject({ balance: 10 });
    expect(await (await grant({ set: 3 })).json()).toMatchObject({ balance: 3 });
    expect((await grant({ balance: -1 })).status).toBe(400);
    expect((await grant({ amount: 1, balance: 1 })).status).toBe(400);
    expect((await p().setBeans('usr_missing', { amount: 1 })).status).toBe(404);
    expect((await p().ledgerCheck()).ok).toBe(true);
  });

  it('recovers refunds from the developer up to the order amount and sends refund_traceback', async () => {
    const { app, tokens } = await p().signIn();
    const id = await p().newOrder(tokens.access_token, 100, 'shop-r');
    expect((await p().refund(id, { refund_amount: 10 })).status).toBe(409);
    await p().pay(id);
    const first = await p().json<{ refunded_amount: number; duplicate: boolean }>(
      p().refund(id, { refund_amount: 80, idempotency_key: 'store-1' }),
    );
    expect(first).toMatchObject({ refunded_amount: 80, duplicate: false, trade_order_status: 'SUCCESS' });
    const repeat = await p().json(p().refund(id, { refund_amount: 80, idempotency_key: 'store-1' }));
    expect(repeat).toMatchObject({ refunded_amount: 80, duplicate: true });
    expect((await p().refund(id, { refund_amount: 21 })).status).toBe(400);
    expect((await p().refund(id, { refund_amount: 0 })).status).toBe(400);
    const traceback = (await deliveries(id)).filter(
      (d) => d.event === 'minis.trade_order.redeem.refund_traceback',
    );
    expect(traceback).toHaveLength(1);
    const body = JSON.parse(traceback[0]?.body ?? '{}');
    expect(body).toMatchObject({
      client_key: app.client_key,
      event: 'minis.trade_order.redeem.refund_traceback',
    });
    expect(body.content).toBe(
      JSON.stringify({ trade_order_id: id, order_id: 'shop-r', is_sandbox: false, refund_amount: 80 }),
    );
    // The query API still says SUCCESS (only PENDING/SUCCESS are documented).
    expect((await p().query(tokens.access_token, id)).body.data.trade_order_status).toBe('SUCCESS');
    expect((await p().ledgerCheck()).ok).toBe(true);
  });

  it('lists the tier catalogue', async () => {
    const res = await p().json<{ tiers: Array<{ token_amount: number }> }>(
      ctx.platform.app.request('/emulator/v1/tiers'),
    );
    expect(res.tiers.map((t) => t.token_amount)).toEqual([10, 50, 100, 300, 500, 1000, 2000, 5000]);
  });
  // Last: it wipes the shared platform.
  it('is cleared by the emulator reset (orders, ledger, outbox, faults)', async () => {
    const { user, tokens } = await p().signIn();
    const id = await p().newOrder(tokens.access_token, 10);
    await p().pay(id);
    await p().json(p().post('/emulator/v1/payments/faults', { fault: 'fail' }));
    expect((await p().post('/emulator/v1/reset', {})).status).toBe(200);
    expect((await ctx.platform.app.request(`/emulator/v1/trade_orders/${id}`)).status).toBe(404);
    expect(await p().beans(user.user_id)).toBe(0);
    expect(await deliveries(id)).toEqual([]);
    const faults = await p().json<{ faults: unknown[] }>(
      ctx.platform.app.request('/emulator/v1/payments/faults'),
    );
    expect(faults.faults).toEqual([]);
    expect(await p().ledgerCheck()).toMatchObject({ ok: true, wallets: 0 });
  });
});
