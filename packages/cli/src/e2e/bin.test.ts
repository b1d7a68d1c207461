import { execFile } from 'node:child_process';
import { readFile } from 'node:fs/promises';
import { fileURLToPath } from 'node:url';
import { afterAll, describe, expect, it } from 'vitest';
import { copyFixture, removeFixtures } from './harness';

afterAll(removeFixtures);

const bin = (name: string) => fileURLToPath(new URL(`../../bin/${name}.mjs`, import.meta.url));

function exec(
  file: string,
  args: string[],
  cwd: string,
  env: Record<string, string> = {},
): Promise<{ code: number; stdout: string; stderr: string }> {
  return new Promise((resolve) => {
    execFile(
      process.execPath,
      [file, ...args],
      { cwd, env: { ...process.env, NO_COLOR: '1', ...env } },
      (error, stdout, stderr) => {
        resolve({ code: error ? (error.code as number) : 0, stdout, stderr });
      },
    );
  });
}

describe('the real launchers', () => {
  it('ttdx runs init and build:after, with exit codes from the process', async () => {
    const dir = await copyFixture('html-game');
    const init = await exec(
      bin('ttdx'),
      ['minis', 'init', '--yes', '--no-vconsole', '--client-key', 'k'],
      dir,
    );
    expect(init).toMatchObject({ code: 0, stderr: '' });
    expect(init.stdout).toContain('created minis.config.json');
    const after = await exec(bin('ttdx'), ['minis', 'build:after', '--json', '--cwd', dir], '/');
    expect(after.code).toBe(0);
    expect(JSON.parse(after.stdout)).toMatchObject({ fileCount: 5 });
    const usage = await exec(bin('ttdx'), ['minis', 'pack', '--nope'], dir);
    expect(usage.code).toBe(2);
    expect(usage.stderr).toBe(
      'error: unknown option --nope for "ttdx minis pack"\n  run "ttdx minis pack --help" to see the options\n',
    );
  });

  it('minis answers -v, from the bundle cached on disk or through tsx', async () => {
    const version = await exec(bin('minis'), ['-v'], process.cwd());
    expect(version).toMatchObject({ code: 0, stderr: '' });
    expect(version.stdout).toMatch(/^\d+\.\d+\.\d+\n$/);
    const manifest = new URL('../../node_modules/.cache/openminis-cli/minis-bundle.json', import.meta.url);
    expect(JSON.parse(await readFile(manifest, 'utf8')).entry).toBe(
      fileURLToPath(new URL('../bin/minis.ts', import.meta.url)),
    );
    const viaTsx = await exec(bin('minis'), ['-v'], process.cwd(), { OPENMINIS_CLI_LOAD: 'tsx' });
    expect(viaTsx).toEqual(version);
  });
});
