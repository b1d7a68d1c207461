// What the benchmark ran on and what it measured, for the report.
import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { cpus, loadavg, release, totalmem, type } from 'node:os';

export interface Machine {
  nproc: number;
  cpu: string;
  memGiB: number;
  os: string;
  node: string;
}

export function describeMachine(): Machine {
  let cpu = cpus()[0]?.model ?? 'unknown CPU';
  try {
    cpu = /^model name\s*:\s*(.+)$/m.exec(readFileSync('/proc/cpuinfo', 'utf8'))?.[1] ?? cpu;
  } catch {
    // not Linux: os.cpus() already named it
  }
  let nproc = cpus().length;
  try {
    nproc = Number(execFileSync('nproc', { encoding: 'utf8' }).trim()) || nproc;
  } catch {
    // no coreutils: keep os.cpus()
  }
  return {
    nproc,
    cpu,
    memGiB: Math.round(totalmem() / 2 ** 30),
    os: `${type()} ${release()}`,
    node: process.version,
  };
}

/** "1.23 / 0.98 / 0.75" (1, 5 and 15 minutes). */
export function loadAverages(): string {
  return loadavg()
    .map((n) => n.toFixed(2))
    .join(' / ');
}

/** The last commit touching `path`, marked when the working tree has changes there. */
export function commitOf(repoRoot: string, path: string): string {
  try {
    const commit = execFileSync('git', ['log', '-1', '--format=%h %cI', '--', path], {
      cwd: repoRoot,
      encoding: 'utf8',
    }).trim();
    const dirty = execFileSync('git', ['status', '--porcelain', '--', path], {
      cwd: repoRoot,
      encoding: 'utf8',
    }).trim();
    return dirty ? `${commit} (+ uncommitted changes)` : commit;
  } catch {
    return 'unknown';
  }
}

export function packageVersion(repoRoot: string, name: string): string {
  try {
    return (
      JSON.parse(readFileSync(`${repoRoot}/node_modules/${name}/package.json`, 'utf8')) as { version: string }
    ).version;
  } catch {
    return 'not installed';
  }
}
