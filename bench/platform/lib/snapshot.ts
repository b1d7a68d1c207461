// The platform as committed: `git archive` of HEAD's platform and packages into a temp dir,
// with node_modules linked to the checkout's (workspace links re-pointed into the copy). The
// benchmark then measures exactly the commit it names, and files other people are editing
// in the shared checkout at that moment cannot break or skew a run.
import { execFileSync, spawnSync } from 'node:child_process';
import { mkdirSync, readdirSync, readlinkSync, symlinkSync } from 'node:fs';
import { join } from 'node:path';

export interface Snapshot {
  /** Root of the copy: pass it where the checkout's root would go. */
  root: string;
  commit: string;
}

const ARCHIVED = ['platform', 'packages', 'package.json', 'tsconfig.json', 'tsconfig.base.json'];

export function snapshotHead(repoRoot: string, into: string): Snapshot {
  const commit = execFileSync('git', ['log', '-1', '--format=%h %cI', 'HEAD'], {
    cwd: repoRoot,
    encoding: 'utf8',
  }).trim();
  mkdirSync(into, { recursive: true });
  const tracked = ARCHIVED.filter(
    (path) =>
      execFileSync('git', ['ls-tree', '--name-only', 'HEAD', path], {
        cwd: repoRoot,
        encoding: 'utf8',
      }).trim() !== '',
  );
  const archive = spawnSync('git', ['archive', '--format=tar', 'HEAD', ...tracked], {
    cwd: repoRoot,
    maxBuffer: 512 * 1024 * 1024,
  });
  if (archive.status !== 0) throw new Error(`git archive HEAD failed: ${archive.stderr.toString().trim()}`);
  const untar = spawnSync('tar', ['-x', '-C', into], { input: archive.stdout });
  if (untar.status !== 0) throw new Error(`tar -x into ${into} failed: ${untar.stderr.toString().trim()}`);
  linkNodeModules(join(repoRoot, 'node_modules'), join(into, 'node_modules'));
  return { root: into, commit };
}

/**
 * node_modules of the copy: every package a link to the checkout's, except the workspace
 * scope, whose relative links (`../../packages/x`) are recreated so they land in the copy.
 */
function linkNodeModules(from: string, to: string): void {
  mkdirSync(to);
  for (const entry of readdirSync(from, { withFileTypes: true })) {
    if (entry.name === '@openminis') {
      mkdirSync(join(to, entry.name));
      for (const link of readdirSync(join(from, entry.name))) {
        symlinkSync(readlinkSync(join(from, entry.name, link)), join(to, entry.name, link));
      }
    } else {
      symlinkSync(join(from, entry.name), join(to, entry.name));
    }
  }
}
