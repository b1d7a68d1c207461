// Programmatic API: every command is a plain function taking an io object.
export { type BuildAfterOptions, type BuildAfterResult, buildAfter } from './actions/build-after';
export { type CheckFormat, type CheckOptions, type CheckOutcome, check } from './actions/check';
export { type InitOptions, type InitResult, init } from './actions/init';
export { DEFAULT_MAX_ZIP_SIZE, type PackOptions, type PackResult, pack } from './actions/pack';
export { CliError, UsageError } from './cli/errors';
export { type CliIo, type MemoryIo, memoryIo, processIo } from './cli/io';
export { runCli } from './cli/run';
export { minisProgram, ttdxProgram } from './commands/programs';
export { formatSarif } from './format/sarif';
export { CLIENT_KEY_PLACEHOLDER, injectSdk, SDK_SCRIPT_URL } from './html/inject';
export { CLI_VERSION } from './version';
