import { mkdir, readFile, writeFile } from 'node:fs/promises';
import { basename, join } from 'node:path';
import { parseMinisConfig } from '@openminis/protocol';
import { afterAll, describe, expect, it } from 'vitest';
import { copyFixture, readTree, readZip, removeFixtures, run } from './harness';

afterAll(removeFixtures);

describe('a plain HTML game whose output folder is the project root', () => {
  it('packs exactly the game files plus both config files, leaving out dotfiles and its own ZIPs', async () => {
    const dir = await copyFixture('html-game');
    const init = await run(dir, ['minis', 'init', '--yes', '--no-vconsole', '--client-key', 'awgame']);
    expect(init.code).toBe(0);
    const { config } = parseMinisConfig(await readFile(join(dir, 'minis.config.json'), 'utf8'));
    expect(config.build).toEqual({ outputDir: '.', htmlEntry: 'index.html' });
    const html = await readFile(join(dir, 'index.html'), 'utf8');
    expect(html).toContain(
      '<head>\n  <script src="https://connect.tiktok-minis.com/drama/sdk.js"></script>\n  <script>TTMinis.init({ clientKey: "awgame" });</script>\n  <meta charset="utf-8">',
    );

    await mkdir(join(dir, '.git'));
    await writeFile(join(dir, '.git', 'HEAD'), 'ref: refs/heads/main\n');
    await writeFile(join(dir, '.env'), 'SECRET=1\n');

    const after = await run(dir, ['minis', 'build:after']);
    expect(after.code).toBe(0);
    expect(after.out).toContain('already in the output folder');
    const packed = await run(dir, ['minis', 'pack']);
    expect(packed.code).toBe(0);
    const zipPath = join(dir, `${basename(dir)}-mini.zip`);
    const zipped = await readZip(zipPath);
    expect([...zipped.keys()]).toEqual([
      'game.js',
      'index.html',
      'minis.config.json',
      'minis.manifest.json',
      'style.css',
    ]);
    const tree = await readTree(dir, (path) => path.startsWith('.') || path.endsWith('.zip'));
    expect(zipped).toEqual(tree);

    // The ZIP now lying in the packed folder is not packed into the next one.
    const bytes = await readFile(zipPath);
    expect((await run(dir, ['minis', 'pack'])).code).toBe(0);
    expect(await readFile(zipPath)).toEqual(bytes);
  });

  it('writes the archive to --out (a folder or a .zip path), never inside the packed folder', async () => {
    const dir = await copyFixture('html-game');
    const elsewhere = await copyFixture('vite-app');
    await run(dir, ['minis', 'init', '--yes', '--no-vconsole']);
    await run(dir, ['minis', 'build:after']);
    const toFolder = await run(dir, ['minis', 'pack', '--out', elsewhere]);
    expect(toFolder.code).toBe(0);
    expect(await readZip(join(elsewhere, `${basename(dir)}-mini.zip`))).toHaveProperty('size', 5);
    const toFile = await run(dir, ['minis', 'pack', '--out', join(elsewhere, 'game.zip'), '--json']);
    expect(JSON.parse(toFile.out)).toMatchObject({ zipPath: join(elsewhere, 'game.zip'), fileCount: 5 });
    await mkdir(join(dir, 'release'));
    const inside = await run(dir, ['minis', 'pack', '--out', 'release']);
    expect(inside.code).toBe(2);
    expect(inside.err).toContain('must not be written inside the folder being packed');
  });
});
