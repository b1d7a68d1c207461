export {
  createTestPlatform,
  describeEachEngine,
  type EngineContext,
  postgresTestUrl,
  type TestPlatformOptions,
  testEngines,
} from './engines';
export { type TestApp, testClient } from './flows';
