import { mkdir, mkdtemp, readFile, rm, symlink, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { OutputFolderError, walkOutputFolder } from './walk';
import { writeMinisManifest } from './write-manifest';

let dir: string;
beforeEach(async () => {
  dir = await mkdtemp(join(tmpdir(), 'openminis-walk-'));
});
afterEach(async () => {
  await rm(dir, { recursive: true, force: true });
});

async function put(path: string, content = 'x') {
  await mkdir(join(dir, path, '..'), { recursive: true });
  await writeFile(join(dir, path), content);
}

describe('walkOutputFolder', () => {
  it('lists files and folders sorted, skipping dot entries and node_modules', async () => {
    await put('index.html', '<html>');
    await put('static/js/b.js');
    await put('static/js/a.js', '');
    await put('.env', 'SECRET=1');
    await put('node_modules/x/index.js');
    await mkdir(join(dir, 'empty'));
    const walk = await walkOutputFolder(dir);
    expect(walk.files.map((f) => [f.path, f.size])).toEqual([
      ['index.html', 6],
      ['static/js/a.js', 0],
      ['static/js/b.js', 1],
    ]);
    expect(walk.folders).toEqual(['empty', 'static', 'static/js']);
    expect(walk.ignored).toEqual(['.env', 'node_modules']);
  });

  it('follows a symlink inside the folder', async () => {
    await put('real/a.js');
    await symlink(join(dir, 'real'), join(dir, 'alias'));
    const walk = await walkOutputFolder(dir);
    expect(walk.files.map((f) => f.path)).toEqual(['alias/a.js', 'real/a.js']);
  });

  it('refuses a symlink loop with a message naming the link', async () => {
    await put('static/a.js');
    await symlink('..', join(dir, 'static', 'loop'));
    await expect(walkOutputFolder(dir)).rejects.toThrow(
      new OutputFolderError('static/loop: symlink loop (it points back to the enclosing folder ".")'),
    );
  });

  it('refuses a self-referencing link, a dangling link and a link leaving the folder', async () => {
    await symlink('self', join(dir, 'self'));
    await expect(walkOutputFolder(dir)).rejects.toThrow('self: symlink loop');
    await rm(join(dir, 'self'));
    await symlink('missing', join(dir, 'dangling'));
    await expect(walkOutputFolder(dir)).rejects.toThrow('dangling: broken symlink');
    await rm(join(dir, 'dangling'));
    await symlink(tmpdir(), join(dir, 'out'));
    await expect(walkOutputFolder(dir)).rejects.toThrow(/^out: symlink to .*, outside the output folder/);
  });

  it('caps the number of entries', async () => {
    for (const name of ['a', 'b', 'c']) await put(name);
    await expect(walkOutputFolder(dir, { maxEntries: 2 })).rejects.toThrow('more than 2 files and folders');
  });
});

describe('writeMinisManifest', () => {
  it('writes the manifest listing itself and the config', async () => {
    await put('index.html');
    await put('js/app.js');
    const written = await writeMinisManifest(dir);
    const text = await readFile(join(dir, 'minis.manifest.json'), 'utf8');
    expect(JSON.parse(text)).toEqual({
      name: 'minis.manifest.json',
      resource_list: [
        { type: 'file', name: 'index.html' },
        { type: 'folder', name: 'js', children: [{ type: 'file', name: 'app.js' }] },
        { type: 'file', name: 'minis.config.json' },
        { type: 'file', name: 'minis.manifest.json' },
      ],
    });
    expect(written.walk.files.map((f) => f.path)).toEqual(['index.html', 'js/app.js']);
  });
});
