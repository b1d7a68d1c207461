export { appFields, presentApp } from './present';
export { APP_NAME_MAX, type App, AppsService, type CreateAppInput, MAX_TEST_USERS } from './service';
export { MAX_TRUSTED_DOMAINS, normalizeTrustedDomains } from './trusted-domains';
