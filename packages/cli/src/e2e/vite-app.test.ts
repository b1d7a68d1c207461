import { readFile, stat, utimes } from 'node:fs/promises';
import { join } from 'node:path';
import { listManifestFiles, parseMinisConfig, readMinisManifest } from '@openminis/protocol';
import { afterAll, describe, expect, it } from 'vitest';
import { copyFixture, readTree, readZip, removeFixtures, run, viteBuild } from './harness';

afterAll(removeFixtures);

describe('init → vite build → build:after → pack on a fresh Vite app', () => {
  it('produces a valid config, an idempotent injection, the manifest and a reproducible ZIP', async () => {
    const dir = await copyFixture('vite-app');
    const originalHtml = await readFile(join(dir, 'index.html'), 'utf8');

    const first = await run(dir, ['minis', 'init', '--yes', '--client-key', 'awtestkey', '--no-vconsole']);
    expect(first.code).toBe(0);
    expect(first.out).toContain('created minis.config.json');
    const { config } = parseMinisConfig(await readFile(join(dir, 'minis.config.json'), 'utf8'));
    expect(config.build).toEqual({ outputDir: 'dist', htmlEntry: 'index.html' });
    expect(config.clientKey).toBe('awtestkey');
    const html = await readFile(join(dir, 'index.html'), 'utf8');
    expect(html).toBe(
      originalHtml.replace(
        '  <head>\n',
        '  <head>\n    <script src="https://connect.tiktok-minis.com/drama/sdk.js"></script>\n' +
          '    <script>TTMinis.init({ clientKey: "awtestkey" });</script>\n',
      ),
    );

    const configBefore = await readFile(join(dir, 'minis.config.json'));
    const second = await run(dir, ['minis', 'init', '--yes', '--client-key', 'awtestkey', '--no-vconsole']);
    expect(second.code).toBe(0);
    expect(second.out).toContain('already set up');
    expect(await readFile(join(dir, 'index.html'), 'utf8')).toBe(html);
    expect(await readFile(join(dir, 'minis.config.json'))).toEqual(configBefore);

    await viteBuild(dir);
    const after = await run(dir, ['minis', 'build:after']);
    expect(after.code).toBe(0);
    expect(await readFile(join(dir, 'dist', 'minis.config.json'))).toEqual(configBefore);
    const manifest = readMinisManifest(
      JSON.parse(await readFile(join(dir, 'dist', 'minis.manifest.json'), 'utf8')),
    );
    const built = await readTree(join(dir, 'dist'));
    expect(listManifestFiles(manifest)).toEqual([...built.keys()].sort());
    expect(manifest.resource_list.map((entry) => [entry.type, entry.name])).toEqual([
      ['folder', 'assets'],
      ['file', 'index.html'],
      ['file', 'minis.config.json'],
      ['file', 'minis.manifest.json'],
    ]);

    const packed = await run(dir, ['minis', 'pack']);
    expect(packed.err).toBe('');
    expect(packed.code).toBe(0);
    expect(packed.out).toContain('Largest files');
    const zipPath = join(dir, 'vite-app-1.0.0.zip');
    const zipped = await readZip(zipPath);
    expect(zipped).toEqual(built);
    const bytes = await readFile(zipPath);

    // Same input, different file times: the same archive, byte for byte.
    for (const path of built.keys())
      await utimes(join(dir, 'dist', path), new Date(2031, 5, 6), new Date(2031, 5, 6));
    const again = await run(dir, ['minis', 'pack']);
    expect(again.code).toBe(0);
    expect(await readFile(zipPath)).toEqual(bytes);
  });

  it('injects vConsole by default; pack warns about it (and still packs); init --no-vconsole removes it', async () => {
    const dir = await copyFixture('vite-app');
    const init = await run(dir, ['minis', 'init', '--yes']);
    expect(init.code).toBe(0);
    expect(init.err).toContain('no client key yet');
    expect(await readFile(join(dir, 'index.html'), 'utf8')).toContain('vconsole.min.js');
    await viteBuild(dir);
    expect((await run(dir, ['minis', 'build:after'])).code).toBe(0);
    const packed = await run(dir, ['minis', 'pack']);
    expect(packed.code).toBe(0);
    expect(`${packed.out}${packed.err}`).toContain('no-external-resource');
    expect(`${packed.out}${packed.err}`).toContain('--no-vconsole');
    expect((await stat(join(dir, 'vite-app-1.0.0.zip'))).size).toBeGreaterThan(0);

    const removed = await run(dir, ['minis', 'init', '--yes', '--no-vconsole']);
    expect(removed.out).toContain('removed vConsole');
    expect(await readFile(join(dir, 'index.html'), 'utf8')).not.toContain('vconsole');
    await viteBuild(dir);
    expect((await run(dir, ['minis', 'build:after'])).code).toBe(0);
    const clean = await run(dir, ['minis', 'pack', '--json']);
    expect(clean.code).toBe(0);
    expect(clean.out).not.toContain('no-external-resource');
  });

  it('maps `minis build` onto build:after + check, and answers `minis -v`', async () => {
    const dir = await copyFixture('vite-app');
    await run(dir, ['init', '--yes', '--no-vconsole', '--client-key', 'k1'], 'minis');
    await viteBuild(dir);
    const build = await run(dir, ['build'], 'minis');
    expect(build.code).toBe(0);
    expect(build.out).toContain('wrote dist/minis.manifest.json');
    expect(build.out).toContain('no problems found');
    expect((await run(dir, ['-v'], 'minis')).out).toMatch(/^\d+\.\d+\.\d+\n$/);
  });
});
