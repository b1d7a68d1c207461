// What the benchmark ran on, for the results table.
import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { cpus, loadavg, release, totalmem, type } from 'node:os';
import { join } from 'node:path';

export function describeMachine() {
  let cpu = cpus()[0]?.model ?? 'unknown CPU';
  try {
    cpu = /^model name\s*:\s*(.+)$/m.exec(readFileSync('/proc/cpuinfo', 'utf8'))?.[1] ?? cpu;
  } catch {
    // not Linux: os.cpus() already named it
  }
  return {
    nproc: Number(execFileSync('nproc', { encoding: 'utf8' }).trim()) || cpus().length,
    cpu,
    memGiB: Math.round(totalmem() / 2 ** 30),
    os: `${type()} ${release()}`,
    loadStart: load(),
  };
}

export function load() {
  return loadavg()
    .map((n) => n.toFixed(2))
    .join(' / ');
}

export function packageVersion(repoRoot, name) {
  try {
    return JSON.parse(readFileSync(join(repoRoot, 'node_modules', name, 'package.json'), 'utf8')).version;
  } catch {
    return 'not installed';
  }
}

/** The last commit that touched packages/checker, so a result names the checker it measured. */
export function checkerCommit(repoRoot) {
  try {
    const out = execFileSync('git', ['log', '-1', '--format=%h %cI', '--', 'packages/checker'], {
      cwd: repoRoot,
      encoding: 'utf8',
    }).trim();
    const dirty = execFileSync('git', ['status', '--porcelain', '--', 'packages/checker'], {
      cwd: repoRoot,
      encoding: 'utf8',
    }).trim();
    return dirty ? `${out} (+ uncommitted changes)` : out;
  } catch {
    return 'unknown';
  }
}
