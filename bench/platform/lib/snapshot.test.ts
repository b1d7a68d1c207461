import { existsSync, lstatSync, mkdtempSync, readFileSync, realpathSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { snapshotHead } from './snapshot';

const repoRoot = resolve(import.meta.dirname, '..', '..', '..');
const dir = mkdtempSync(join(tmpdir(), 'snapshot-test-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('snapshotHead', () => {
  it("copies HEAD's platform with node_modules linked and workspace packages inside the copy", () => {
    const snap = snapshotHead(repoRoot, join(dir, 'copy'));
    expect(snap.commit).toMatch(/^[0-9a-f]{7,} \d{4}-/);
    expect(existsSync(join(snap.root, 'platform/bin/openminis.mjs'))).toBe(true);
    expect(JSON.parse(readFileSync(join(snap.root, 'platform/package.json'), 'utf8')).name).toBe(
      '@openminis/platform',
    );
    expect(lstatSync(join(snap.root, 'node_modules/hono')).isSymbolicLink()).toBe(true);
    expect(realpathSync(join(snap.root, 'node_modules/@openminis/protocol'))).toBe(
      realpathSync(join(snap.root, 'packages/protocol')),
    );
  });
});
