import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { checkDirectory } from '../check-files';
import { checkSource } from '../check-source';

let dir: string | undefined;
afterEach(async () => {
  if (dir) await rm(dir, { recursive: true, force: true });
  dir = undefined;
});

async function project(files: Record<string, string>) {
  dir = await mkdtemp(path.join(tmpdir(), 'checker-login-'));
  for (const [name, text] of Object.entries(files)) await writeFile(path.join(dir, name), text);
  const result = await checkDirectory(dir, { threads: 1 });
  return result.findings.filter((f) => f.rule === 'login-missing');
}

describe('login-missing', () => {
  it.each([
    'TTMinis.login({ success() {} })',
    'TTMinis.game.login()',
    'window.TTMinis.login()',
    'window.TTMinis?.login?.()',
    "TTMinis['login']()",
    'const t = TTMinis; t.login()',
    'const { login } = TTMinis; login()',
  ])('is satisfied by %s', async (code) => {
    expect(await project({ 'index.html': '<script src="app.js"></script>', 'app.js': code })).toEqual([]);
  });

  it('is satisfied by a call in an inline script', async () => {
    expect(await project({ 'index.html': '<script>TTMinis.login()</script>' })).toEqual([]);
  });

  it('warns once, on index.html, when no file logs in', async () => {
    const found = await project({
      'index.html': '<script src="a.js"></script>',
      'a.js': '// TTMinis.login()\nconst s = "TTMinis.login()"; TTMinis.logout(); obj.login()',
      'b.js': 'function f(TTMinis) { TTMinis.login() }',
    });
    expect(found).toHaveLength(1);
    expect(found[0]).toMatchObject({ file: 'index.html', line: 1, column: 1, severity: 'warning' });
  });

  it('is never emitted by checkSource (a whole-project rule)', () => {
    expect(checkSource('x = 1', 'a.js')).toEqual([]);
  });

  it('can be disabled', async () => {
    dir = await mkdtemp(path.join(tmpdir(), 'checker-login-'));
    await writeFile(path.join(dir, 'a.js'), 'x()');
    const result = await checkDirectory(dir, { disable: ['login-missing'] });
    expect(result.findings).toEqual([]);
  });
});
