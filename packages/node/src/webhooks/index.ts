export { toFetchHandler, toNodeListener } from './adapters';
export { createMemoryDedupeStore, type WebhookDedupeStore, webhookDedupeKey } from './dedupe';
export { WebhookVerificationError, type WebhookVerificationReason } from './errors';
export * from './events';
export {
  createWebhookHandler,
  type WebhookHandler,
  type WebhookHandlerOptions,
  type WebhookHandlerResult,
} from './handler';
export type { SignatureHeaderInput } from './headers';
export {
  type SignedTestWebhook,
  type SignTestWebhookOptions,
  signTestWebhook,
  type TestWebhookEnvelope,
} from './sign';
export {
  computeSignature,
  formatSignatureHeader,
  type ParsedSignatureHeader,
  parseSignatureHeader,
  SIGNATURE_HEADER,
} from './signature';
export {
  DEFAULT_MAX_BODY_BYTES,
  DEFAULT_TOLERANCE_SECONDS,
  type VerifyWebhookOptions,
  verifyWebhook,
} from './verify';
