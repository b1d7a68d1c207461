export { hashPassword, PASSWORD_MAX, PASSWORD_MIN, verifyPassword } from './password';
export {
  DEVELOPER_NAME_MAX,
  type Developer,
  DevelopersService,
  EMAIL_MAX,
  normalizeEmail,
  type PortalSession,
  SESSION_TOKEN_PREFIX,
  SESSION_TTL_MS,
} from './service';
export { type DevelopersDatabase, developersDb } from './tables';
