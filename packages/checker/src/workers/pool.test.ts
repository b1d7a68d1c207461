import { spawnSync } from 'node:child_process';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { checkDirectory } from '../check-files';
import { poolSettings, poolStats } from './pool';

let dir: string;

beforeAll(async () => {
  dir = await mkdtemp(path.join(tmpdir(), 'checker-pool-'));
  await writeFile(path.join(dir, 'index.html'), '<script src="a.js"></script><iframe></iframe>');
  await writeFile(path.join(dir, 'a.js'), `TTMinis.login(); var pad = '${'p'.repeat(300_000)}';\neval(pad);`);
  await writeFile(path.join(dir, 'b.js'), 'setTimeout("tick()", 1)');
  await writeFile(path.join(dir, 'c.js'), Buffer.from([0, 1, 2, 3]));
  await writeFile(path.join(dir, 'd.css'), '@import "https://cdn.example.com/x.css";');
});

afterAll(async () => {
  await rm(dir, { recursive: true, force: true });
});

describe('worker threads', () => {
  it('give the same result as one thread, and really run in workers', async () => {
    const one = await checkDirectory(dir, { threads: 1 });
    poolSettings.mainThreadClaims = false;
    const two = await checkDirectory(dir, { threads: 2 }).finally(() => {
      poolSettings.mainThreadClaims = true;
    });
    expect(poolStats.filesInWorkers).toBe(5);
    const shared = await checkDirectory(dir, { threads: 2 });
    expect(shared).toEqual(one);
    expect(two).toEqual(one);
    expect(one.findings.map((f) => `${f.file} ${f.rule}`)).toEqual([
      'a.js no-eval',
      'b.js no-string-timer',
      'd.css no-external-resource',
      'index.html no-iframe',
    ]);
    expect(one.skipped.map((s) => s.file)).toEqual(['c.js']);
  });

  it('work in a plain node process that runs the sources through tsx', async () => {
    const entry = fileURLToPath(new URL('../index.ts', import.meta.url));
    const script = `import { checkDirectory } from ${JSON.stringify(entry)};
      import { poolSettings, poolStats } from ${JSON.stringify(fileURLToPath(new URL('./pool.ts', import.meta.url)))};
      poolSettings.mainThreadClaims = false;
      const r = await checkDirectory(${JSON.stringify(dir)}, { threads: 2 });
      console.log(JSON.stringify({ n: r.findings.length, workers: poolStats.filesInWorkers }));`;
    const scriptFile = path.join(tmpdir(), `checker-pool-run-${process.pid}.mjs`);
    await writeFile(scriptFile, script);
    const out = spawnSync(process.execPath, ['--import', 'tsx', scriptFile], {
      encoding: 'utf8',
      cwd: fileURLToPath(new URL('../..', import.meta.url)),
    });
    await rm(scriptFile, { force: true });
    expect(out.stderr).not.toMatch(/Error/);
    const result = JSON.parse(out.stdout.trim().split('\n').pop() ?? '{}');
    expect(result.n).toBe(4);
    expect(result.workers).toBeGreaterThan(0);
  });
});
