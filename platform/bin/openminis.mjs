#!/usr/bin/env node
// Launcher: a bundled build (../dist/openminis.js) when present, else the TypeScript
// sources through tsx, so the binary works straight from a clone.
import { existsSync } from 'node:fs';

const bundled = new URL('../dist/openminis.js', import.meta.url);
if (existsSync(bundled)) {
  await import(bundled.href);
} else {
  const { tsImport } = await import('tsx/esm/api');
  await tsImport('../src/cli/main.ts', import.meta.url);
}
