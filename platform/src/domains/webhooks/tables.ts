export type DeliveryStatus = 'pending' | 'delivering' | 'delivered' | 'dropped';

export interface WebhookDeliveriesTable {
  id: string;
  app_id: string;
  event: string;
  /** The exact bytes POSTed (serialised once, at enqueue time). */
  body: string;
  /** What caused it (a trade_order_id), for listing and dedupe checks. */
  reference: string | null;
  /** Set on injected duplicates: the delivery they copy. */
  duplicate_of: string | null;
  status: DeliveryStatus;
  attempts: number;
  created_at: number;
  /** Retries stop here (created_at + 72 h; moved on redelivery). */
  expires_at: number;
  next_attempt_at: number;
  lease_owner: string | null;
  lease_expires_at: number | null;
  /** HTTP status of the last attempt, or `timeout` / `network_error` / `no_url` / … */
  last_status: string | null;
  delivered_at: number | null;
  dropped_at: number | null;
}

export interface WebhookAttemptsTable {
  id: string;
  delivery_id: string;
  attempt_no: number;
  url: string | null;
  started_at: number;
  duration_ms: number;
  http_status: number | null;
  error: string | null;
  response_excerpt: string | null;
  worker: string;
}

export interface WebhookTables {
  webhook_deliveries: WebhookDeliveriesTable;
  webhook_attempts: WebhookAttemptsTable;
}
