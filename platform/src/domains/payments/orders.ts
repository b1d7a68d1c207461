import { randomString } from '../../crypto';
import type { TradeOrderStatus, TradeOrdersTable } from './tables';

export interface TradeOrder {
  tradeOrderId: string;
  appId: string;
  userId: string;
  openId: string;
  orderId: string;
  tokenAmount: number;
  productName: string;
  productId: string | null;
  orderUrl: string | null;
  quantity: number | null;
  quantityUnit: string | null;
  imageUrl: string | null;
  isSandbox: boolean;
  status: TradeOrderStatus;
  paidAt: number | null;
  refundedAmount: number;
  createdAt: number;
}

/** `TOID` + 20 lowercase hex digits (the spec shows both `TOID1732533244259` and `TOID2157c5ba03`). */
export const newTradeOrderId = (): string => `TOID${randomString(20, '0123456789abcdef')}`;

export function toTradeOrder(row: TradeOrdersTable): TradeOrder {
  return {
    tradeOrderId: row.trade_order_id,
    appId: row.app_id,
    userId: row.user_id,
    openId: row.open_id,
    orderId: row.order_id,
    tokenAmount: Number(row.token_amount),
    productName: row.product_name,
    productId: row.product_id,
    orderUrl: row.order_url,
    quantity: row.quantity === null ? null : Number(row.quantity),
    quantityUnit: row.quantity_unit,
    imageUrl: row.image_url,
    isSandbox: Number(row.is_sandbox) === 1,
    status: row.status,
    paidAt: row.paid_at === null ? null : Number(row.paid_at),
    refundedAmount: Number(row.refunded_amount),
    createdAt: Number(row.created_at),
  };
}

/** Control-API view of an order (internal fields included). */
export const presentOrder = (o: TradeOrder) => ({
  trade_order_id: o.tradeOrderId,
  app_id: o.appId,
  user_id: o.userId,
  open_id: o.openId,
  order_id: o.orderId,
  token_type: 'BEANS' as const,
  token_amount: o.tokenAmount,
  product_name: o.productName,
  product_id: o.productId,
  order_url: o.orderUrl,
  quantity: o.quantity,
  quantity_unit: o.quantityUnit,
  image_url: o.imageUrl,
  is_sandbox: o.isSandbox,
  trade_order_status: o.status,
  paid_at: o.paidAt,
  refunded_amount: o.refundedAmount,
  created_at: o.createdAt,
});
