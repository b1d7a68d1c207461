import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { build } from 'esbuild';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { checkDirectory } from '../check-files';

let dir: string;

beforeAll(async () => {
  dir = await mkdtemp(path.join(tmpdir(), 'checker-map-'));
  await mkdir(path.join(dir, 'src'));
  await mkdir(path.join(dir, 'dist'));
  await writeFile(
    path.join(dir, 'src/util.js'),
    'export function run(code) {\n  // runs it\n  return eval(code);\n}\n',
  );
  await writeFile(
    path.join(dir, 'src/main.js'),
    "import { run } from './util.js';\n\nrun('1 + 1');\nsetTimeout('tick()', 5);\n",
  );
  for (const [outfile, sourcemap] of [
    ['dist/external.js', 'external'],
    ['dist/inline.js', 'inline'],
    ['dist/linked.js', 'linked'],
  ] as const) {
    await build({
      entryPoints: [path.join(dir, 'src/main.js')],
      bundle: true,
      minify: true,
      format: 'iife',
      sourcemap,
      outfile: path.join(dir, outfile),
      logLevel: 'silent',
    });
  }
  await writeFile(path.join(dir, 'dist/broken.js'), 'eval(x)\n//# sourceMappingURL=broken.js.map');
  await writeFile(path.join(dir, 'dist/broken.js.map'), '{ not json');
});

afterAll(async () => {
  await rm(dir, { recursive: true, force: true });
});

describe('source maps', () => {
  it('map findings of minified bundles back to the original files and lines', async () => {
    const result = await checkDirectory(path.join(dir, 'dist'), { threads: 1, disable: ['login-missing'] });
    for (const file of ['external.js', 'inline.js', 'linked.js']) {
      const findings = result.findings.filter((f) => f.file === file);
      expect(findings.map((f) => [f.rule, f.original?.file, f.original?.line])).toEqual([
        ['no-eval', '../src/util.js', 3],
        ['no-string-timer', '../src/main.js', 4],
      ]);
      expect(findings[0]?.original?.column).toBe(10);
    }
  });

  it('ignores a broken map', async () => {
    const result = await checkDirectory(path.join(dir, 'dist'), { threads: 1 });
    const broken = result.findings.find((f) => f.file === 'broken.js' && f.rule === 'no-eval');
    expect(broken).toMatchObject({ rule: 'no-eval', line: 1, column: 1 });
    expect(broken?.original).toBeUndefined();
  });
});
