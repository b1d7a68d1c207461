#!/usr/bin/env node
// Launcher: the built bundle when there is one, else the TypeScript sources through tsx.
import { existsSync } from 'node:fs';
import { setFlagsFromString } from 'node:v8';

// A CLI run is one cold pass over the Mini, and the checker's hot functions are large: with inlining,
// V8's optimising compiler spends ~2 s of CPU per thread re-optimising them on a 57 MB corpus, about
// as much as the check itself. Without it a cold `check` of the benchmark corpus takes ~20 % less CPU
// and ~12 % less time (bench/checker/README.md). Long-lived hosts using the library keep V8's defaults.
setFlagsFromString('--no-turbo-inlining');

const bundle = new URL('../dist/minis.js', import.meta.url);
if (existsSync(bundle)) {
  await import(bundle.href);
} else {
  const { tsImport } = await import('tsx/esm/api');
  await tsImport('../src/bin/minis.ts', import.meta.url);
}
