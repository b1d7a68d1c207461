/** Spec §1.3 / §10 #32: the login code lives 5 minutes (an assumption; TikTok does not say). */
export const CODE_TTL_SECONDS = 5 * 60;
/** Token lifetimes are TikTok's documented ones (spec §6.3, §10 #41). */
export { ACCESS_TOKEN_TTL_SECONDS, REFRESH_TOKEN_TTL_SECONDS } from '@openminis/protocol';
