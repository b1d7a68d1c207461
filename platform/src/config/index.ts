export { ConfigError, type LoadConfigOptions, loadConfig } from './load';
export { resolveSecretKey } from './secret-key';
export {
  configSchema,
  type PlatformConfig,
  type PlatformConfigInput,
  type SettingDefinition,
  settings,
} from './settings';
