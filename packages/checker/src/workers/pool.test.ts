import { spawnSync } from 'node:child_process';
import { mkdir, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { checkDirectory } from '../check-files';
import { poolSettings, poolStats } from './pool';
import { buildBundle, bundledEntry, cachedBundle } from './worker-bundle.mjs';
import { endIdleWorkers, idleWorkerCount } from './worker-threads';

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
  await endIdleWorkers();
  await rm(dir, { recursive: true, force: true });
});

const defaults = { ...poolSettings, worker: { ...poolSettings.worker } };
afterEach(() => {
  Object.assign(poolSettings, defaults, { worker: { ...defaults.worker } });
});

describe('worker threads', () => {
  it('give the same result as one thread, and really run in workers', async () => {
    const one = await checkDirectory(dir, { threads: 1 });
    poolSettings.mainThreadClaims = false;
    const two = await checkDirectory(dir, { threads: 2 });
    expect(poolStats.filesInWorkers).toBe(5);
    poolSettings.mainThreadClaims = true;
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
    // A V8 flag too: Node refuses those in an explicit worker execArgv, which must not cost the workers.
    const out = spawnSync(process.execPath, ['--max-semi-space-size=32', '--import', 'tsx', scriptFile], {
      encoding: 'utf8',
      cwd: fileURLToPath(new URL('../..', import.meta.url)),
    });
    await rm(scriptFile, { force: true });
    expect(out.stderr).not.toMatch(/Error/);
    const result = JSON.parse(out.stdout.trim().split('\n').pop() ?? '{}');
    expect(result.n).toBe(4);
    expect(result.workers).toBeGreaterThan(0);
  });

  it('keep finished workers warm for the next run, and end them when told to', async () => {
    await endIdleWorkers();
    // By default this thread only hands out work: two threads are two workers.
    const first = await checkDirectory(dir, { threads: 2 });
    expect(poolStats).toMatchObject({ workersStarted: 2, workersReused: 0, filesInWorkers: 5 });
    expect(idleWorkerCount()).toBe(2);
    const second = await checkDirectory(dir, { threads: 2 });
    expect(poolStats).toMatchObject({ workersStarted: 0, workersReused: 2, filesInWorkers: 5 });
    expect(second).toEqual(first);
    poolSettings.keepWorkersMs = 0;
    await checkDirectory(dir, { threads: 2 });
    expect(poolStats.workersReused).toBe(2);
    expect(idleWorkerCount()).toBe(0);
  });

  it('check everything on this thread with one thread', async () => {
    await checkDirectory(dir, { threads: 1 });
    expect(poolStats).toMatchObject({ workersStarted: 0, workersReused: 0, filesInWorkers: 0 });
  });

  it('redo on this thread the file of a worker that dies, and the files it never got to', async () => {
    const one = await checkDirectory(dir, { threads: 1 });
    poolSettings.worker = {
      url: new URL('./dying-worker.test-helper.mjs', import.meta.url),
      workerData: undefined,
    };
    poolSettings.mainThreadClaims = false;
    const dying = await checkDirectory(dir, { threads: 3 });
    expect(poolStats.filesInWorkers).toBe(0);
    expect(dying).toEqual(one);
    expect(idleWorkerCount()).toBe(0);
  });

  it('load the sources through tsx when no bundle can be built', async () => {
    const broken = await mkdtemp(path.join(tmpdir(), 'checker-bundle-broken-'));
    await writeFile(path.join(broken, 'entry.ts'), 'export const = ;');
    const one = await checkDirectory(dir, { threads: 1 });
    poolSettings.worker = {
      ...poolSettings.worker,
      workerData: {
        bundleSetup: { entry: path.join(broken, 'entry.ts'), cacheDir: path.join(broken, 'cache') },
      },
    };
    poolSettings.mainThreadClaims = false;
    const two = await checkDirectory(dir, { threads: 2 }).finally(() =>
      rm(broken, { recursive: true, force: true }),
    );
    expect(poolStats.filesInWorkers).toBe(5);
    expect(two).toEqual(one);
  });
});

describe('the worker bundle cache', () => {
  let src: string;
  let setup: { entry: string; cacheDir: string };

  beforeAll(async () => {
    src = await mkdtemp(path.join(tmpdir(), 'checker-bundle-'));
    await mkdir(path.join(src, 'lib'));
    await writeFile(
      path.join(src, 'entry.ts'),
      "import { value } from './lib/value';\nexport const answer: number = value * 2;\n",
    );
    await writeFile(path.join(src, 'lib', 'value.ts'), 'export const value: number = 21;\n');
    setup = { entry: path.join(src, 'entry.ts'), cacheDir: path.join(src, 'cache') };
  });

  afterAll(async () => {
    await rm(src, { recursive: true, force: true });
  });

  const answerOf = async (url: string) => (await import(url)).answer;

  it('builds once, then serves the cached bundle', async () => {
    expect(cachedBundle(setup)).toBeUndefined();
    const built = await bundledEntry(setup);
    expect(await answerOf(built)).toBe(42);
    expect(cachedBundle(setup)).toBe(built);
    const manifest = JSON.parse(await readFile(path.join(setup.cacheDir, 'worker-bundle.json'), 'utf8'));
    expect(manifest.inputs).toEqual([setup.entry, path.join(src, 'lib', 'value.ts')]);
  });

  it('rebuilds when an input changed', async () => {
    const before = await bundledEntry(setup);
    await writeFile(path.join(src, 'lib', 'value.ts'), 'export const value: number = 50;\n');
    expect(cachedBundle(setup)).toBeUndefined();
    const after = await bundledEntry(setup);
    expect(after).not.toBe(before);
    expect(await answerOf(after)).toBe(100);
    expect(cachedBundle(setup)).toBe(after);
  });

  it('ignores a damaged bundle or manifest', async () => {
    const good = await bundledEntry(setup);
    await writeFile(fileURLToPath(good), 'export const answer = "damaged";');
    expect(cachedBundle(setup)).toBeUndefined();
    const rebuilt = await bundledEntry(setup);
    expect(await readFile(fileURLToPath(rebuilt), 'utf8')).not.toContain('damaged');
    await writeFile(path.join(setup.cacheDir, 'worker-bundle.json'), '{ "format": 1, "inpu');
    expect(cachedBundle(setup)).toBeUndefined();
    expect(pathToFileURL(await buildBundle(setup)).href).toBe(rebuilt);
    expect(cachedBundle(setup)).toBe(rebuilt);
  });

  it('keeps each source file’s own import.meta.url, and names its files after `name`', async () => {
    const where = path.join(src, 'lib', 'where.ts');
    await writeFile(
      where,
      "export const here = import.meta.url;\nexport const sibling = new URL('./x.json', import.meta.url).href;\n",
    );
    await writeFile(path.join(src, 'where-entry.ts'), "export { here, sibling } from './lib/where';\n");
    const named = { entry: path.join(src, 'where-entry.ts'), cacheDir: setup.cacheDir, name: 'cli' };
    const url = await bundledEntry(named);
    expect(path.basename(fileURLToPath(url))).toMatch(/^cli-[0-9a-f]{16}\.mjs$/);
    const loaded = await import(url);
    expect(loaded.here).toBe(pathToFileURL(where).href);
    expect(loaded.sibling).toBe(pathToFileURL(path.join(src, 'lib', 'x.json')).href);
    expect(cachedBundle(named)).toBe(url);
    // Each name has its own manifest: the worker bundle in the same folder is untouched.
    expect(cachedBundle(setup)).toBeDefined();
  });

  it('fails, for the caller to fall back, when the sources do not build', async () => {
    await writeFile(path.join(src, 'lib', 'value.ts'), 'export const value: number = ;\n');
    await expect(bundledEntry(setup)).rejects.toThrow();
  });
});
