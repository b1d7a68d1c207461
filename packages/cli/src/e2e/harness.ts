import { cp, mkdtemp, readdir, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, relative } from 'node:path';
import yauzl from 'yauzl';
import { memoryIo } from '../cli/io';
import { runCli } from '../cli/run';
import { minisProgram, ttdxProgram } from '../commands/programs';

const FIXTURES = new URL('../fixtures/', import.meta.url);
const made: string[] = [];

/** Copies a fixture project into a fresh temp folder and returns its path. */
export async function copyFixture(name: 'vite-app' | 'html-game'): Promise<string> {
  const dir = await mkdtemp(join(tmpdir(), `openminis-${name}-`));
  made.push(dir);
  await cp(new URL(name, FIXTURES), dir, { recursive: true });
  return dir;
}

export async function removeFixtures(): Promise<void> {
  await Promise.all(made.splice(0).map((dir) => rm(dir, { recursive: true, force: true })));
}

export interface Run {
  code: number;
  out: string;
  err: string;
}

/** Runs `ttdx <argv>` (or `minis <argv>`) in-process from `cwd`. */
export async function run(cwd: string, argv: string[], program: 'ttdx' | 'minis' = 'ttdx'): Promise<Run> {
  const io = memoryIo(cwd);
  const code = await runCli(program === 'ttdx' ? ttdxProgram : minisProgram, argv, io, program);
  return { code, out: io.out(), err: io.err() };
}

/** Builds the Vite fixture with the real Vite (about 0.2 s). */
export async function viteBuild(root: string): Promise<void> {
  const { build } = await import('vite');
  await build({ root, logLevel: 'silent', configFile: false });
}

/** Every file below `dir` with its bytes, relative `/` paths. */
export async function readTree(
  dir: string,
  skip: (path: string) => boolean = () => false,
): Promise<Map<string, Buffer>> {
  const out = new Map<string, Buffer>();
  for (const entry of await readdir(dir, { recursive: true, withFileTypes: true })) {
    if (!entry.isFile()) continue;
    const path = relative(dir, join(entry.parentPath, entry.name)).split('\\').join('/');
    if (!skip(path)) out.set(path, await readFile(join(dir, path)));
  }
  return out;
}

/** The entries of a ZIP: file paths with their bytes (folders end with `/` and map to an empty buffer). */
export function readZip(path: string): Promise<Map<string, Buffer>> {
  return new Promise((resolve, reject) => {
    const entries = new Map<string, Buffer>();
    yauzl.open(path, { lazyEntries: true }, (error, zip) => {
      if (error) return reject(error);
      zip.on('error', reject);
      zip.on('end', () => resolve(entries));
      zip.on('entry', (entry: yauzl.Entry) => {
        if (entry.fileName.endsWith('/')) {
          entries.set(entry.fileName, Buffer.alloc(0));
          zip.readEntry();
          return;
        }
        zip.openReadStream(entry, (streamError, stream) => {
          if (streamError) return reject(streamError);
          const chunks: Buffer[] = [];
          stream.on('data', (chunk: Buffer) => chunks.push(chunk));
          stream.on('end', () => {
            entries.set(entry.fileName, Buffer.concat(chunks));
            zip.readEntry();
          });
        });
      });
      zip.readEntry();
    });
  });
}

/** Matches a printed stack frame: user errors must never show one. */
export const NO_STACK = /\n\s+at .+\(.+:\d+:\d+\)|^\s+at /m;
