import { mkdir, mkdtemp, rm, symlink, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { checkDirectory, checkFiles } from './check-files';
import { checkSource } from './check-source';
import { CheckerError } from './errors';

let dir: string;
let outside: string;

beforeAll(async () => {
  dir = await mkdtemp(path.join(tmpdir(), 'checker-dir-'));
  outside = await mkdtemp(path.join(tmpdir(), 'checker-outside-'));
  await writeFile(path.join(outside, 'evil.js'), 'eval(x)');
  await mkdir(path.join(dir, 'js'));
  await mkdir(path.join(dir, 'node_modules/lib'), { recursive: true });
  await mkdir(path.join(dir, '.hidden'));
  await writeFile(path.join(dir, 'index.html'), '<script src="js/app.js"></script>\n<iframe></iframe>');
  await writeFile(path.join(dir, 'js/app.js'), 'TTMinis.login();\neval(a);');
  await writeFile(path.join(dir, 'node_modules/lib/index.js'), 'new Function("x")');
  await writeFile(path.join(dir, '.hidden/x.js'), 'setTimeout("x()")');
  await writeFile(path.join(dir, 'style.css'), '@import url(https://cdn.example.com/a.css);');
  await writeFile(path.join(dir, 'readme.txt'), 'eval(x)');
  await writeFile(path.join(dir, 'binary.js'), Buffer.from([0x7f, 0x45, 0x4c, 0x46, 0, 1, 2, 3]));
  await writeFile(path.join(dir, 'latin1.js'), Buffer.from([0x76, 0x61, 0x72, 0x20, 0xe9, 0x3d, 0x31]));
  await writeFile(path.join(dir, 'broken.js'), 'eval(a);\nlet = = ;\n');
  await writeFile(
    path.join(dir, 'big.js'),
    `var a = [${'1,'.repeat(2_000)}1], s = '${'x'.repeat(5_200_000)}'; eval(a);`,
  );
  await writeFile(path.join(dir, 'deep.js'), `eval(x);${'['.repeat(100_000)}${']'.repeat(100_000)}`);
  await symlink('.', path.join(dir, 'js/loop'));
  await symlink(outside, path.join(dir, 'outside'));
  await symlink('self.js', path.join(dir, 'self.js'));
});

afterAll(async () => {
  await rm(dir, { recursive: true, force: true });
  await rm(outside, { recursive: true, force: true });
});

describe('checkDirectory', () => {
  it('checks every JS, HTML and CSS file, dot-folders and node_modules included', async () => {
    const result = await checkDirectory(dir, { threads: 1 });
    expect(result.files).toEqual([
      '.hidden/x.js',
      'big.js',
      'broken.js',
      'index.html',
      'js/app.js',
      'node_modules/lib/index.js',
      'style.css',
    ]);
    expect(result.findings.map((f) => `${f.file}:${f.line}:${f.column} ${f.rule}`)).toEqual([
      '.hidden/x.js:1:1 no-string-timer',
      `big.js:1:${4_022 + 5_200_000} no-eval`,
      'index.html:2:1 no-iframe',
      'js/app.js:2:1 no-eval',
      'node_modules/lib/index.js:1:1 no-new-function',
      'style.css:1:1 no-external-resource',
    ]);
    expect(result.bytes).toBeGreaterThan(5_000_000);
  });

  it('reports bad input as skipped files with a reason, never a crash', async () => {
    const result = await checkDirectory(dir, { threads: 1 });
    const reasons = Object.fromEntries(result.skipped.map((s) => [s.file, s.reason]));
    expect(reasons['binary.js']).toMatch(/binary content/);
    expect(reasons['latin1.js']).toMatch(/not valid UTF-8/);
    expect(reasons['broken.js']).toMatch(/^syntax error at 2:/);
    expect(reasons['deep.js']).toMatch(/nest/);
    expect(reasons['js/loop']).toMatch(/symlink loop/);
    expect(reasons['self.js']).toMatch(/symlink loop/);
    expect(reasons.outside).toMatch(/outside the checked folder/);
  });

  it('reports files over the size limit', async () => {
    const result = await checkDirectory(dir, { threads: 1, maxFileBytes: 1_000_000 });
    const big = result.skipped.find((s) => s.file === 'big.js');
    expect(big?.reason).toMatch(/file too large: \d+ bytes, the limit is 1000000 bytes/);
    expect(result.files).not.toContain('big.js');
  });

  it('throws a CheckerError for a missing folder or a file', async () => {
    await expect(checkDirectory(path.join(dir, 'nope'))).rejects.toThrow(CheckerError);
    await expect(checkDirectory(path.join(dir, 'nope'))).rejects.toMatchObject({
      code: 'ENOENT',
      message: /Folder not found/,
    });
    await expect(checkDirectory(path.join(dir, 'index.html'))).rejects.toMatchObject({ code: 'ENOTDIR' });
  });
});

describe('file bytes and text', () => {
  it('report the same places as the text itself, with a byte order mark and wide characters', async () => {
    const text = "var s = '€𝄞é';\nfunction f(k) { /* ü */ return window['ev' + 'al'](k); }\neval(s);";
    const bytes = Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from(text, 'utf8')]);
    const folder = await mkdtemp(path.join(tmpdir(), 'checker-bytes-'));
    await writeFile(path.join(folder, 'a.js'), bytes);
    const fromFile = await checkDirectory(folder, { threads: 1 }).finally(() =>
      rm(folder, { recursive: true, force: true }),
    );
    const places = fromFile.findings
      .filter((f) => f.rule !== 'login-missing')
      .map((f) => `${f.rule}@${f.line}:${f.column}`);
    expect(places).toEqual(checkSource(text, 'a.js').map((f) => `${f.rule}@${f.line}:${f.column}`));
    expect(places).toEqual(['no-eval@2:32', 'no-eval@3:1']);
  });
});

describe('checkFiles', () => {
  it('checks the listed files only and refuses paths that leave the folder', async () => {
    const result = await checkFiles(dir, ['js/app.js', '../x.js', 'readme.txt', 'outside/evil.js'], {
      threads: 1,
    });
    expect(result.files).toEqual(['js/app.js']);
    expect(result.findings.map((f) => f.rule)).toEqual(['no-eval']);
    expect(result.skipped.map((s) => s.file)).toEqual(['../x.js', 'outside/evil.js', 'readme.txt']);
  });
});

describe('deeply nested inline script', () => {
  it('is a skipped file, not a crash', async () => {
    const deep = await mkdtemp(path.join(tmpdir(), 'checker-deep-'));
    await writeFile(
      path.join(deep, 'index.html'),
      `<script>eval(x);${'('.repeat(50_000)}1${')'.repeat(50_000)}</script>`,
    );
    const result = await checkDirectory(deep, { threads: 1 });
    expect(result.skipped[0]?.reason).toMatch(/too complex to check: nesting deeper than 1000/);
    await rm(deep, { recursive: true, force: true });
  });
});
