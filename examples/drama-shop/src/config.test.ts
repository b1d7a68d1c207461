import { describe, expect, it } from 'vitest';
import { DEFAULT_OPENAPI_BASE_URL, loadShopConfig } from './config';

describe('loadShopConfig', () => {
  it('reads the environment with defaults', () => {
    expect(loadShopConfig({ CLIENT_KEY: 'k', CLIENT_SECRET: 's' })).toEqual({
      openApiBaseUrl: DEFAULT_OPENAPI_BASE_URL,
      clientKey: 'k',
      clientSecret: 's',
      host: '127.0.0.1',
      port: 3100,
      webhookToleranceSeconds: 300,
      exposeState: true,
      allowedOrigins: undefined,
      databasePath: undefined,
    });
    const custom = loadShopConfig({
      CLIENT_KEY: 'k',
      CLIENT_SECRET: ' s\n',
      OPENAPI_BASE_URL: 'http://localhost:9000',
      PORT: '0',
      EXPOSE_STATE: '0',
      ALLOWED_ORIGINS: 'https://a.test, https://b.test',
      SHOP_DATABASE: '/tmp/shop.sqlite',
    });
    expect(custom).toMatchObject({
      clientSecret: 's',
      port: 0,
      exposeState: false,
      allowedOrigins: ['https://a.test', 'https://b.test'],
      databasePath: '/tmp/shop.sqlite',
    });
  });

  it('names the variable and what was expected', () => {
    expect(() => loadShopConfig({ CLIENT_SECRET: 's' })).toThrow(/CLIENT_KEY is not set/);
    expect(() => loadShopConfig({ CLIENT_KEY: 'k' })).toThrow(/CLIENT_SECRET is not set/);
    expect(() => loadShopConfig({ CLIENT_KEY: 'k', CLIENT_SECRET: 's', PORT: 'http' })).toThrow(
      /PORT must be an integer from 0 to 65535, found "http"/,
    );
    expect(() =>
      loadShopConfig({ CLIENT_KEY: 'k', CLIENT_SECRET: 's', OPENAPI_BASE_URL: 'localhost:8787' }),
    ).toThrow(/OPENAPI_BASE_URL must be an http\(s\) URL/);
  });
});
