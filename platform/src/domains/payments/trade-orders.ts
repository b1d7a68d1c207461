import { ApiError } from '../../http/api-error';
import type { UserTokenInfo } from '../oauth/access';
import type { PaymentsContext } from './context';
import { duplicateOrderId, orderNotFound } from './errors';
import { newTradeOrderId, type TradeOrder, toTradeOrder } from './orders';
import type { MoneyDb, MoneyTrx, TradeOrdersTable } from './tables';

export interface CreateOrderInput {
  tokenAmount: number;
  orderId: string;
  productName: string;
  productId?: string | undefined;
  orderUrl?: string | undefined;
  quantity?: number | undefined;
  quantityUnit?: string | undefined;
  imageUrl?: string | undefined;
}

/** Trade orders as the Open API sees them: owned by (app, user) of the access token. */
export class TradeOrders {
  constructor(private readonly ctx: PaymentsContext) {}

  async create(token: UserTokenInfo, input: CreateOrderInput): Promise<TradeOrder> {
    const row: TradeOrdersTable = {
      trade_order_id: newTradeOrderId(),
      app_id: token.appId,
      user_id: token.userId,
      open_id: token.openId,
      order_id: input.orderId,
      token_amount: input.tokenAmount,
      product_name: input.productName,
      product_id: input.productId ?? null,
      order_url: input.orderUrl ?? null,
      quantity: input.quantity ?? null,
      quantity_unit: input.quantityUnit ?? null,
      image_url: input.imageUrl ?? null,
      is_sandbox: (await this.appSandbox(token.appId)) ? 1 : 0,
      status: 'PENDING',
      paid_at: null,
      refunded_amount: 0,
      created_at: this.ctx.deps.clock.now(),
    };
    const inserted = await this.ctx.db
      .insertInto('trade_orders')
      .values(row)
      .onConflict((oc) => oc.columns(['app_id', 'order_id']).doNothing())
      .returning('trade_order_id')
      .executeTakeFirst();
    if (!inserted) throw duplicateOrderId(input.orderId);
    return toTradeOrder(row);
  }

  /** The order if it belongs to this token's app and user; `20011002` otherwise. */
  async queryFor(token: UserTokenInfo, tradeOrderId: string): Promise<TradeOrder> {
    const order = await this.get(tradeOrderId);
    if (!order || order.appId !== token.appId || order.userId !== token.userId)
      throw orderNotFound(tradeOrderId);
    return order;
  }

  async get(tradeOrderId: string): Promise<TradeOrder | undefined> {
    const row = await this.ctx.db
      .selectFrom('trade_orders')
      .selectAll()
      .where('trade_order_id', '=', tradeOrderId)
      .executeTakeFirst();
    return row && toTradeOrder(row);
  }

  async require(tradeOrderId: string): Promise<TradeOrder> {
    const order = await this.get(tradeOrderId);
    if (!order) throw new ApiError(404, 'not_found', `trade order ${tradeOrderId} not found`);
    return order;
  }

  async list(filter: { appId?: string; userId?: string; limit?: number }): Promise<TradeOrder[]> {
    let query = this.ctx.db
      .selectFrom('trade_orders')
      .selectAll()
      .orderBy('created_at', 'desc')
      .orderBy('trade_order_id');
    if (filter.appId) query = query.where('app_id', '=', filter.appId);
    if (filter.userId) query = query.where('user_id', '=', filter.userId);
    return (await query.limit(filter.limit ?? 100).execute()).map(toTradeOrder);
  }

  /** Sandbox mode of an app (spec §8.4): its orders pay without deducting Beans. */
  async appSandbox(appId: string, db: MoneyDb | MoneyTrx = this.ctx.db): Promise<boolean> {
    const row = await db
      .selectFrom('payment_app_settings')
      .select('sandbox')
      .where('app_id', '=', appId)
      .executeTakeFirst();
    return Number(row?.sandbox ?? 0) === 1;
  }

  async setAppSandbox(appId: string, sandbox: boolean): Promise<void> {
    const app = await this.ctx.db.selectFrom('apps').select('id').where('id', '=', appId).executeTakeFirst();
    if (!app) throw new ApiError(404, 'not_found', `app ${appId} not found`);
    await this.ctx.db
      .insertInto('payment_app_settings')
      .values({ app_id: appId, sandbox: sandbox ? 1 : 0 })
      .onConflict((oc) => oc.column('app_id').doUpdateSet({ sandbox: sandbox ? 1 : 0 }))
      .execute();
  }
}
