export { describeFound, MinisConfigError, type MinisConfigIssue } from './errors';
export { parseMinisConfig } from './parse';
export { type RawMinisConfig, rawMinisConfigSchema } from './schema';
export { checkTrustedDomain, MAX_TRUSTED_DOMAINS, type TrustedDomainCheck } from './trusted-domain';
export {
  CONFIG_FILE_NAME,
  DEFAULT_DEV_HOST,
  DEFAULT_DEV_PORT,
  DEFAULT_HTML_ENTRY,
  DEFAULT_OUTPUT_DIR,
  MAX_CONFIG_BYTES,
  type NavbarStyle,
  type NormalizedMinisConfig,
  type ParsedMinisConfig,
} from './types';
