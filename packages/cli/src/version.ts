import { readFileSync } from 'node:fs';

/** This package's version, shown by `--version` and written into SARIF reports. */
export const CLI_VERSION: string = (
  JSON.parse(readFileSync(new URL('../package.json', import.meta.url), 'utf8')) as { version: string }
).version;
