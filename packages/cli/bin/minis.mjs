#!/usr/bin/env node
// Launcher: the built bundle when there is one, else the TypeScript sources through tsx.
import { existsSync } from 'node:fs';

const bundle = new URL('../dist/minis.js', import.meta.url);
if (existsSync(bundle)) {
  await import(bundle.href);
} else {
  const { tsImport } = await import('tsx/esm/api');
  await tsImport('../src/bin/minis.ts', import.meta.url);
}
