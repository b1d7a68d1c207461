import { describe, expect, it } from 'vitest';
import { workerExecArgv } from './worker-exec-argv';

describe('workerExecArgv', () => {
  it("drops tsx's loader hooks in every spelling", () => {
    expect(workerExecArgv(['--import', 'tsx'])).toEqual([]);
    expect(workerExecArgv(['--import=tsx', '--require', 'tsx/cjs', '--loader', 'tsx/esm'])).toEqual([]);
    expect(workerExecArgv(['-r', 'tsx/cjs', '--experimental-loader=tsx'])).toEqual([]);
  });

  it('keeps every other flag, and other modules given to the same flags', () => {
    const argv = [
      '--max-semi-space-size=64',
      '--import',
      './otel.mjs',
      '--enable-source-maps',
      '--import=tsx-like',
    ];
    expect(workerExecArgv(argv)).toEqual(argv);
    expect(workerExecArgv(['--stack-size=2000', '--import', 'tsx', '--conditions=dev'])).toEqual([
      '--stack-size=2000',
      '--conditions=dev',
    ]);
  });
});
