import { randomBytes } from 'node:crypto';
import { mkdir, readdir, symlink, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { copyFixture, NO_STACK, removeFixtures, run } from './harness';

afterAll(removeFixtures);

/** An HTML game already through init and build:after. */
async function preparedGame(): Promise<string> {
  const dir = await copyFixture('html-game');
  expect((await run(dir, ['minis', 'init', '--yes', '--no-vconsole', '--client-key', 'k'])).code).toBe(0);
  expect((await run(dir, ['minis', 'build:after'])).code).toBe(0);
  return dir;
}

describe('bad input gets a clear message and the right exit code, never a stack trace', () => {
  it('a malformed config: file, line and column', async () => {
    const dir = await copyFixture('vite-app');
    await writeFile(join(dir, 'minis.config.json'), '{\n  "dev": { "port": 3000 "host": "x" }\n}\n');
    const result = await run(dir, ['minis', 'build:after']);
    expect(result.code).toBe(1);
    expect(result.err).toBe('error: minis.config.json:2:25: expected a comma (,), found "\\"host\\""\n');
  });

  it('an invalid trusted domain names the key path', async () => {
    const dir = await copyFixture('vite-app');
    await writeFile(
      join(dir, 'minis.config.json'),
      '{ "domain": { "trustedDomains": ["https://*.example.com"] } }',
    );
    const result = await run(dir, ['minis', 'check']);
    expect(result.code).toBe(1);
    expect(result.err).toContain(
      'domain.trustedDomains[0]: expected an https:// (or wss://) origin without wildcards',
    );
  });

  it('a missing and an empty output folder', async () => {
    const dir = await copyFixture('vite-app');
    await run(dir, ['minis', 'init', '--yes', '--no-vconsole']);
    const missing = await run(dir, ['minis', 'build:after']);
    expect(missing.code).toBe(1);
    expect(missing.err).toContain(
      'output folder (build.outputDir in minis.config.json) "dist" does not exist',
    );
    expect(missing.err).toContain('npm run build');
    await mkdir(join(dir, 'dist'));
    const empty = await run(dir, ['minis', 'build:after']);
    expect(empty.code).toBe(1);
    expect(empty.err).toContain('output folder "dist" is empty');
    const pack = await run(dir, ['minis', 'pack']);
    expect(pack.code).toBe(1);
    expect(pack.err).toContain('dist has no minis.config.json');
  });

  it('no config at all', async () => {
    const dir = await copyFixture('html-game');
    const result = await run(dir, ['minis', 'build:after']);
    expect(result.code).toBe(1);
    expect(result.err).toContain('no minis.config.json in .');
    expect(result.err).toContain('ttdx minis init');
    expect((await run(dir, ['minis', 'check'])).code).toBe(2);
  });

  it('init without an HTML entry or without <head>', async () => {
    const dir = await copyFixture('html-game');
    const none = await run(dir, ['minis', 'init', '--yes', '--html-entry', 'missing.html']);
    expect(none.code).toBe(1);
    expect(none.err).toContain('HTML entry "missing.html" does not exist');
    await writeFile(join(dir, 'index.html'), '<html><body><canvas></canvas></body></html>');
    const headless = await run(dir, ['minis', 'init', '--yes']);
    expect(headless.code).toBe(1);
    expect(headless.err).toContain('index.html has no <head> element');
    expect(await readdir(dir)).not.toContain('minis.config.json');
  });

  it('usage errors exit with 2', async () => {
    const dir = await copyFixture('html-game');
    const cases: Array<[string[], string]> = [
      [['minis', 'pack', '--bogus'], 'unknown option --bogus for "ttdx minis pack"'],
      [['minis', 'pack', '--out'], 'option --out needs a value'],
      [['minis', 'pack', '--max-size', 'huge'], '--max-size: expected a size such as 50MB'],
      [['minis', 'check', '--format', 'xml'], 'Invalid value for argument: --format (xml)'],
      [['minis', 'check', 'a', 'b'], 'too many arguments for "ttdx minis check"'],
      [['minis', 'deploy'], 'unknown command "deploy" for "ttdx minis"'],
      [['minis'], 'missing command for "ttdx minis"'],
      [['minis', 'init', '--client-key', 'a"b'], '--client-key: expected letters, digits, _ or -'],
      [['minis', 'init', '--cwd', 'nowhere'], '--cwd nowhere: no such folder'],
    ];
    for (const [argv, message] of cases) {
      const result = await run(dir, argv);
      expect(result.code, argv.join(' ')).toBe(2);
      expect(result.err, argv.join(' ')).toContain(message);
      expect(result.err).not.toMatch(NO_STACK);
    }
    const help = await run(dir, ['minis', 'pack', '--help']);
    expect(help.code).toBe(0);
    expect(help.out).toContain('--max-size');
  });

  it('a 0-byte file is refused by name', async () => {
    const dir = await preparedGame();
    await writeFile(join(dir, 'empty.js'), '');
    await run(dir, ['minis', 'build:after']);
    const result = await run(dir, ['minis', 'pack']);
    expect(result.code).toBe(1);
    expect(result.err).toContain('1 empty file in .: empty.js');
  });

  it('a manifest older than the folder is refused', async () => {
    const dir = await preparedGame();
    await writeFile(join(dir, 'extra.js'), 'TTMinis.login(function () {});');
    const result = await run(dir, ['minis', 'pack']);
    expect(result.code).toBe(1);
    expect(result.err).toContain('minis.manifest.json is out of date (not listed: extra.js)');
    expect(result.err).toContain('build:after');
  });

  it('a symlink loop in the output folder', async () => {
    const dir = await copyFixture('vite-app');
    await run(dir, ['minis', 'init', '--yes', '--no-vconsole']);
    await mkdir(join(dir, 'dist', 'assets'), { recursive: true });
    await writeFile(join(dir, 'dist', 'index.html'), '<html><head></head></html>');
    await symlink('..', join(dir, 'dist', 'assets', 'loop'));
    const result = await run(dir, ['minis', 'build:after']);
    expect(result.code).toBe(1);
    expect(result.err).toBe(
      'error: assets/loop: symlink loop (it points back to the enclosing folder ".")\n',
    );
  });

  it('a binary file named .js is reported as not checked, and blocks pack', async () => {
    const dir = await preparedGame();
    await writeFile(
      join(dir, 'vendor.js'),
      Buffer.concat([Buffer.from([0x89, 0x50, 0x4e, 0x47, 0, 0, 0xff]), randomBytes(64)]),
    );
    await run(dir, ['minis', 'build:after']);
    const check = await run(dir, ['minis', 'check']);
    expect(check.code).toBe(1);
    expect(check.out).toContain('Files that could not be checked:');
    expect(check.out).toMatch(/error {2}vendor\.js: .+/);
    const pack = await run(dir, ['minis', 'pack']);
    expect(pack.code).toBe(1);
    expect(pack.err).toContain('1 unchecked file');
    const forced = await run(dir, ['minis', 'pack', '--force', '--json']);
    expect(forced.code).toBe(0);
    expect(JSON.parse(forced.out)).toMatchObject({ forced: true, check: { skipped: 1 } });
    expect(forced.err).toContain('Files that could not be checked:');
  });

  it('a 5 MB single-line minified file gets a short code frame', async () => {
    const dir = await preparedGame();
    // Mostly one long string literal: as big as a real bundle, but quick to parse.
    const filler = `var s="${'x'.repeat(2_560_000 - 9)}";`;
    await writeFile(join(dir, 'bundle.min.js'), `${filler}eval("1+1");${filler.replace('var s', 'var t')}`);
    await run(dir, ['minis', 'build:after']);
    const result = await run(dir, ['minis', 'check']);
    expect(result.code).toBe(1);
    expect(result.out).toContain('1:2560001  error');
    const frameLines = result.out.split('\n').filter((line) => line.includes(' | '));
    expect(frameLines.length).toBeGreaterThan(0);
    for (const line of frameLines) expect(line.length).toBeLessThan(130);
    expect(result.out).toContain('eval("1+1")');
  });

  it('an archive over --max-size is refused and not left behind', async () => {
    const dir = await preparedGame();
    await writeFile(join(dir, 'noise.css'), `/*${randomBytes(6000).toString('base64')}*/`);
    await run(dir, ['minis', 'build:after']);
    const result = await run(dir, ['minis', 'pack', '--max-size', '4KB']);
    expect(result.code).toBe(1);
    expect(result.err).toMatch(/the archive would be \d+\.\d KB, over the 4\.0 KB limit/);
    expect((await readdir(dir)).filter((name) => name.includes('.zip'))).toEqual([]);
  });
});

describe('check --format', () => {
  it('writes SARIF 2.1.0 with rule ids and locations', async () => {
    const dir = await preparedGame();
    await writeFile(join(dir, 'game.js'), 'TTMinis.login(function () {});\nsetTimeout("tick()", 10);\n');
    const result = await run(dir, ['minis', 'check', '--format', 'sarif']);
    expect(result.code).toBe(1);
    const sarif = JSON.parse(result.out);
    expect(sarif.version).toBe('2.1.0');
    const [runResult] = sarif.runs;
    expect(runResult.tool.driver.rules.map((rule: { id: string }) => rule.id)).toContain('no-string-timer');
    expect(runResult.results).toEqual([
      expect.objectContaining({
        ruleId: 'no-string-timer',
        level: 'error',
        locations: [
          {
            physicalLocation: {
              artifactLocation: { uri: 'game.js' },
              region: expect.objectContaining({ startLine: 2, startColumn: expect.any(Number) }),
            },
          },
        ],
      }),
    ]);
  });

  it('writes JSON to a file with --output', async () => {
    const dir = await preparedGame();
    const result = await run(dir, ['minis', 'check', '--json', '-o', 'report.json']);
    expect(result.code).toBe(0);
    expect(result.out).toBe('wrote report.json (0 errors, 0 warnings, 0 not checked)\n');
  });
});
