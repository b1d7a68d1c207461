import { describe, expect, it } from 'vitest';
import { buildMinisManifest, listManifestFiles, serializeMinisManifest } from './build';
import { MinisManifestError, readMinisManifest } from './read';

describe('buildMinisManifest', () => {
  it('emits the documented nested form, sorted, with both config files at the root', () => {
    const manifest = buildMinisManifest(
      ['static/js/main.js', 'index.html', 'static/css/a.css', '404.html'],
      ['empty'],
    );
    expect(manifest).toEqual({
      name: 'minis.manifest.json',
      resource_list: [
        { type: 'file', name: '404.html' },
        { type: 'folder', name: 'empty', children: [] },
        { type: 'file', name: 'index.html' },
        { type: 'file', name: 'minis.config.json' },
        { type: 'file', name: 'minis.manifest.json' },
        {
          type: 'folder',
          name: 'static',
          children: [
            { type: 'folder', name: 'css', children: [{ type: 'file', name: 'a.css' }] },
            { type: 'folder', name: 'js', children: [{ type: 'file', name: 'main.js' }] },
          ],
        },
      ],
    });
    expect(serializeMinisManifest(manifest).endsWith('}\n')).toBe(true);
  });

  it('gives the same result whatever the input order', () => {
    const a = buildMinisManifest(['b/x', 'a', 'B', 'b/a']);
    const b = buildMinisManifest(['b/a', 'B', 'a', 'b/x', 'minis.config.json']);
    expect(serializeMinisManifest(a)).toBe(serializeMinisManifest(b));
    expect(listManifestFiles(a)).toEqual([
      'B',
      'a',
      'b/a',
      'b/x',
      'minis.config.json',
      'minis.manifest.json',
    ]);
  });
});

describe('readMinisManifest', () => {
  it('reads the documented form back unchanged', () => {
    const manifest = buildMinisManifest(['index.html', 'static/js/main.js']);
    expect(readMinisManifest(JSON.parse(serializeMinisManifest(manifest)))).toEqual(manifest);
  });

  it('accepts the loose form: no type, path-style names', () => {
    const manifest = readMinisManifest({
      name: 'minis.manifest.json',
      resource_list: [
        { name: 'index.html' },
        { name: 'static/js/main.js' },
        { name: 'assets', children: [{ name: 'a.png' }] },
      ],
    });
    expect(listManifestFiles(manifest)).toEqual(['assets/a.png', 'index.html', 'static/js/main.js']);
    expect(manifest.resource_list[0]).toEqual({
      type: 'folder',
      name: 'assets',
      children: [{ type: 'file', name: 'a.png' }],
    });
  });

  it.each([
    [[], 'minis.manifest.json: expected a JSON object, found an array'],
    [{}, 'minis.manifest.json: resource_list: expected an array, found undefined'],
    [
      { resource_list: [{ type: 'file' }] },
      'minis.manifest.json: resource_list[0].name: expected a file or folder name, found undefined',
    ],
    [
      { resource_list: [{ type: 'dir', name: 'x' }] },
      'minis.manifest.json: resource_list[0].type: expected "file" or "folder", found "dir"',
    ],
    [
      { resource_list: [{ name: '../etc/passwd' }] },
      'minis.manifest.json: resource_list[0].name: expected a name without .., found ../etc/passwd',
    ],
  ])('rejects %j', (value, message) => {
    expect(() => readMinisManifest(value)).toThrow(MinisManifestError);
    expect(() => readMinisManifest(value)).toThrow(message);
  });
});
